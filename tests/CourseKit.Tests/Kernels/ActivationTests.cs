using CourseKit.Kernels.Reference;
using CourseKit.Tests.Support;
using CourseKit.Kernels;
using CourseKit.Tests.Support.Backends;

namespace CourseKit.Tests.Kernels;

public class ActivationTests
{
    public static IEnumerable<object[]> LengthsOnEveryBackend => KernelBackend.Cross(typeof(ActivationTests), nameof(ActivationTests.Lengths));
    public static IEnumerable<object[]> NaN_or_infinity_is_reported_with_its_position_and_nothing_is_writtenCases => KernelBackend.Cross(new object[][] { [float.NaN], [float.PositiveInfinity] });

    // ReLU-family results are exact; tanh and sigmoid come from TensorPrimitives' polynomial approximations.
    private const double ExactTol = 0;
    private const double TranscendentalTol = 4e-7;
    private const float Slope = 0.01f;

    public static IEnumerable<object[]> Lengths => TestData.Lengths0To257();

    [Theory, MemberData(nameof(LengthsOnEveryBackend))]
    public void Forward_activations_match_the_reference_for_every_length(KernelBackend backend, int n)
    {
        float[] x = TestData.Normal(n, seed: 42, std: 3);
        double[] xd = GemmTests.ToDouble(x);
        var y = new float[n];
        backend.Relu(x, y); Tolerance.Close(ReferenceKernels.Relu(xd), y, ExactTol, what: "relu");
        backend.LeakyRelu(x, Slope, y); Tolerance.Close(ReferenceKernels.LeakyRelu(xd, Slope), y, 1e-7, what: "leaky relu");
        backend.Tanh(x, y); Tolerance.Close(ReferenceKernels.Tanh(xd), y, TranscendentalTol, 1e-7, "tanh");
        backend.Sigmoid(x, y); Tolerance.Close(ReferenceKernels.Sigmoid(xd), y, TranscendentalTol, 1e-7, "sigmoid");
    }

    [Theory, MemberData(nameof(LengthsOnEveryBackend))]
    public void Backward_activations_match_the_reference_for_every_length(KernelBackend backend, int n)
    {
        float[] z = TestData.Normal(n, seed: 1, std: 2), dA = TestData.Normal(n, seed: 2);
        double[] zd = GemmTests.ToDouble(z), dAd = GemmTests.ToDouble(dA);
        var dZ = new float[n];
        backend.ReluBackward(z, dA, dZ); Tolerance.Close(ReferenceKernels.ReluBackward(zd, dAd), dZ, ExactTol, what: "relu'");
        backend.LeakyReluBackward(z, dA, Slope, dZ); Tolerance.Close(ReferenceKernels.LeakyReluBackward(zd, dAd, Slope), dZ, 1e-7, what: "leaky'");
        float[] a = TestData.Uniform(n, seed: 3, low: -0.99, high: 0.99);
        double[] ad = GemmTests.ToDouble(a);
        backend.TanhBackward(a, dA, dZ); Tolerance.Close(ReferenceKernels.TanhBackward(ad, dAd), dZ, 1e-6, 1e-7, "tanh'");
        backend.SigmoidBackward(a, dA, dZ); Tolerance.Close(ReferenceKernels.SigmoidBackward(ad, dAd), dZ, 1e-6, 1e-7, "sigmoid'");
    }

    [Fact]
    public void Reference_derivatives_match_central_finite_differences()
    {
        // J = Σ dA·g(z): its gradient in z is exactly the backward pass, so the two-sided difference must agree.
        double[] z = GemmTests.ToDouble(TestData.Normal(50, seed: 9));
        z = Array.ConvertAll(z, v => Math.Abs(v) < 1e-3 ? v + 0.1 : v); // keep clear of ReLU's kink
        double[] dA = GemmTests.ToDouble(TestData.Normal(50, seed: 10));
        Check(ReferenceKernels.Relu, v => ReferenceKernels.ReluBackward(v, dA));
        Check(v => ReferenceKernels.LeakyRelu(v, Slope), v => ReferenceKernels.LeakyReluBackward(v, dA, Slope));
        Check(ReferenceKernels.Tanh, v => ReferenceKernels.TanhBackward(ReferenceKernels.Tanh(v), dA));
        Check(ReferenceKernels.Sigmoid, v => ReferenceKernels.SigmoidBackward(ReferenceKernels.Sigmoid(v), dA));

        void Check(Func<double[], double[]> g, Func<double[], double[]> backward)
        {
            const double h = 1e-6;
            var numeric = new double[z.Length];
            for (int i = 0; i < z.Length; i++)
            {
                double[] plus = (double[])z.Clone(), minus = (double[])z.Clone();
                plus[i] += h; minus[i] -= h;
                double jp = g(plus).Select((v, j) => v * dA[j]).Sum(), jm = g(minus).Select((v, j) => v * dA[j]).Sum();
                numeric[i] = (jp - jm) / (2 * h);
            }
            Assert.True(Tolerance.RelativeDifference(numeric, backward(z)) < 1e-7);
        }
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Activations_run_in_place(KernelBackend backend)
    {
        float[] x = TestData.Normal(100, seed: 4);
        var expected = new float[100];
        backend.Tanh(x, expected);
        backend.Tanh(x, x);
        Assert.Equal(expected, x);
        float[] z = TestData.Normal(100, seed: 5), dA = TestData.Normal(100, seed: 6);
        var dZ = new float[100];
        backend.ReluBackward(z, dA, dZ);
        backend.ReluBackward(z, dA, dA);
        Assert.Equal(dZ, dA);
    }

    [Theory, MemberData(nameof(NaN_or_infinity_is_reported_with_its_position_and_nothing_is_writtenCases))]
    public void NaN_or_infinity_is_reported_with_its_position_and_nothing_is_written(KernelBackend backend, float bad)
    {
        float[] x = TestData.Normal(40, seed: 7);
        x[33] = bad;
        var y = Enumerable.Repeat(-5f, 40).ToArray();
        var ex = Assert.Throws<ArgumentException>(() => backend.Relu(x, y));
        Assert.Equal("x", ex.ParamName);
        Assert.Contains("x[33]", ex.Message);
        Assert.All(y, v => Assert.Equal(-5f, v));
        Assert.Throws<ArgumentException>(() => backend.Sigmoid(x, y));
        Assert.Throws<ArgumentException>(() => backend.ReluBackward(new float[40], x, y));
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Too_short_destination_and_partial_overlap_are_rejected(KernelBackend backend)
    {
        var ex = Assert.Throws<ArgumentException>(() => backend.Relu(new float[10], new float[9]));
        Assert.Contains("destination too short: expected length ≥ 10, actual 9", ex.Message);
        var buffer = new float[20];
        ex = Assert.Throws<ArgumentException>(() => backend.Tanh(buffer.AsSpan(0, 10), buffer.AsSpan(3, 10)));
        Assert.Contains("must not partially overlap x", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => backend.ReluBackward(new float[4], new float[5], new float[4]));
        Assert.Equal("dA", ex.ParamName);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Leaky_relu_rejects_a_slope_outside_zero_to_one(KernelBackend backend)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => backend.LeakyRelu(new float[2], 1.5f, new float[2]));
        Assert.Contains("slope: expected a value in [0, 1), actual 1.5", ex.Message);
    }
}
