using CourseKit.Kernels.Reference;
using CourseKit.Tests.Support;
using CourseKit.Kernels;
using CourseKit.Tests.Support.Backends;

namespace CourseKit.Tests.Kernels;

public class RegularizationTests
{
    public static IEnumerable<object[]> Dropout_rejects_keepProb_outside_zero_to_oneCases => KernelBackend.Cross(new object[][] { [0f], [1.01f], [float.NaN] });

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Dropout_keeps_about_keepProb_of_the_units_and_scales_them_by_its_inverse(KernelBackend backend)
    {
        const int n = 200_000;
        const float keep = 0.8f;
        var x = Enumerable.Repeat(1f, n).ToArray();
        var mask = new float[n];
        var y = new float[n];
        backend.DropoutForward(x, keep, seed: 42, mask, y);
        int kept = mask.Count(v => v != 0);
        // Binomial(n, 0.8): the standard deviation of the kept fraction is √(0.8·0.2/n) ≈ 0.0009; allow 5σ.
        Assert.InRange(kept / (double)n, keep - 0.0045, keep + 0.0045);
        Assert.All(mask, v => Assert.True(v == 0f || v == 1f / keep));
        Assert.InRange(y.Average(), 0.99, 1.01); // inverted dropout preserves the expected activation
        bool[] keeps = mask.Select(v => v != 0).ToArray();
        Tolerance.Close(ReferenceKernels.Dropout(GemmTests.ToDouble(x), keeps, keep), y, 1e-7, what: "y");
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Dropout_mask_depends_only_on_the_seed(KernelBackend backend)
    {
        float[] x = TestData.Normal(1000, seed: 1);
        float[] m1 = new float[1000], m2 = new float[1000], m3 = new float[1000], y = new float[1000];
        backend.DropoutForward(x, 0.5f, seed: 7, m1, y);
        backend.DropoutForward(x, 0.5f, seed: 7, m2, y);
        backend.DropoutForward(x, 0.5f, seed: 8, m3, y);
        Assert.Equal(m1, m2);
        Assert.NotEqual(m1, m3);
        // A prefix of a longer mask equals the shorter mask: element i depends on (seed, i) only.
        var shorter = new float[10];
        backend.DropoutForward(x.AsSpan(0, 10), 0.5f, seed: 7, shorter, new float[10]);
        Assert.Equal(m1.Take(10), shorter);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Dropout_backward_multiplies_by_the_same_mask(KernelBackend backend)
    {
        float[] x = TestData.Normal(300, seed: 2), dy = TestData.Normal(300, seed: 3);
        float[] mask = new float[300], y = new float[300], dx = new float[300];
        backend.DropoutForward(x, 0.7f, seed: 1, mask, y);
        backend.DropoutBackward(dy, mask, dx);
        for (int i = 0; i < 300; i++) Assert.Equal(dy[i] * mask[i], dx[i]);
    }

    [Theory, MemberData(nameof(Dropout_rejects_keepProb_outside_zero_to_oneCases))]
    public void Dropout_rejects_keepProb_outside_zero_to_one(KernelBackend backend, float keep)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => backend.DropoutForward(new float[3], keep, 1, new float[3], new float[3]));
        Assert.Equal("keepProb", ex.ParamName);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Dropout_with_keepProb_one_is_the_identity(KernelBackend backend)
    {
        float[] x = TestData.Normal(50, seed: 4), mask = new float[50], y = new float[50];
        backend.DropoutForward(x, 1f, seed: 3, mask, y);
        Assert.Equal(x, y);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void L2_penalty_and_gradient_match_the_reference_and_finite_differences(KernelBackend backend)
    {
        float[] w = TestData.Normal(257, seed: 5);
        const float lambda = 0.7f;
        const int m = 64;
        Assert.Equal(ReferenceKernels.L2Penalty(GemmTests.ToDouble(w), lambda, m), backend.L2Penalty(w, lambda, m), 1e-5);
        float[] dW = TestData.Normal(257, seed: 6), start = (float[])dW.Clone();
        backend.L2GradientAccumulate(w, lambda, m, dW);
        double[] expected = ReferenceKernels.L2Gradient(GemmTests.ToDouble(w), lambda, m).Select((g, i) => g + start[i]).ToArray();
        Tolerance.Close(expected, dW, 1e-6, 1e-7, "dW");

        double[] wd = GemmTests.ToDouble(w);
        var numeric = new double[wd.Length];
        for (int i = 0; i < wd.Length; i++)
        {
            double[] plus = (double[])wd.Clone(), minus = (double[])wd.Clone();
            plus[i] += 1e-5; minus[i] -= 1e-5;
            numeric[i] = (ReferenceKernels.L2Penalty(plus, lambda, m) - ReferenceKernels.L2Penalty(minus, lambda, m)) / 2e-5;
        }
        Assert.True(Tolerance.RelativeDifference(numeric, ReferenceKernels.L2Gradient(wd, lambda, m)) < 1e-7);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void L2_rejects_negative_lambda_and_empty_batches(KernelBackend backend)
    {
        Assert.Contains("lambda: expected a finite value ≥ 0, actual -1", Assert.Throws<ArgumentOutOfRangeException>(() => backend.L2Penalty(new float[2], -1f, 4)).Message);
        Assert.Contains("batchSize: expected m ≥ 1 examples, actual 0", Assert.Throws<ArgumentOutOfRangeException>(() => backend.L2Penalty(new float[2], 1f, 0)).Message);
    }
}
