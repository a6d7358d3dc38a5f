using CourseKit.Tests.Support;
using CourseKit.Kernels.Reference;
using CourseKit.Tests.Support.Backends;

namespace CourseKit.Tests.Kernels;

using CourseKit.Kernels;

public class SoftmaxTests
{
    public static IEnumerable<object[]> Lengths0To257OnEveryBackend => KernelBackend.Cross(typeof(TestData), nameof(TestData.Lengths0To257));
    public static IEnumerable<object[]> Softmax_matches_the_reference_for_several_batch_sizesCases => KernelBackend.Cross(new object[][] { [0, 5], [1, 1], [2, 10], [7, 33], [64, 100], [5, 1000] });

    // float exp (≈ 1 ulp) of (z − max) rounded in float, times 1/Σ: a few ulp relative; abs covers exp(x < −87) → 0.
    private const double SoftmaxRel = 4e-6;
    private const double SoftmaxAbs = 1e-37;

    private static double[] D(float[] x) => Array.ConvertAll(x, v => (double)v);

    [Theory, MemberData(nameof(Lengths0To257OnEveryBackend))]
    public void Softmax_matches_the_double_reference_for_every_row_length(KernelBackend backend, int cols)
    {
        foreach (int rows in new[] { 1, 3 })
        {
            float[] z = TestData.Normal(rows * cols, seed: 42, std: 3);
            var actual = new float[rows * cols];
            if (cols == 0)
            {
                Assert.Throws<ArgumentOutOfRangeException>("cols", () => backend.Softmax(z, rows, cols, actual));
                continue;
            }
            backend.Softmax(z, rows, cols, actual);
            Tolerance.Close(ReferenceKernels.Softmax(D(z), rows, cols), actual, SoftmaxRel, SoftmaxAbs, $"softmax (rows {rows}, cols {cols})");

            float[] inPlace = (float[])z.Clone();
            backend.Softmax(inPlace, rows, cols, inPlace);
            Assert.Equal(actual, inPlace);
        }
    }

    [Theory, MemberData(nameof(Softmax_matches_the_reference_for_several_batch_sizesCases))]
    public void Softmax_matches_the_reference_for_several_batch_sizes(KernelBackend backend, int rows, int cols)
    {
        float[] z = TestData.Uniform(rows * cols, seed: 42, low: -20, high: 20);
        var actual = new float[rows * cols];
        backend.Softmax(z, rows, cols, actual);
        Tolerance.Close(ReferenceKernels.Softmax(D(z), rows, cols), actual, SoftmaxRel, SoftmaxAbs, "softmax");
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Softmax_of_huge_logits_stays_finite_and_exact(KernelBackend backend)
    {
        float[] z = [1000f, -1000f, 0f, -1000f, 0f, 1000f];
        var a = new float[6];
        backend.Softmax(z, 2, 3, a);
        Assert.Equal([1f, 0f, 0f, 0f, 0f, 1f], a);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Softmax_reproduces_the_lecture_example(KernelBackend backend)
    {
        // Lecture: z = [5, 2, −1, 3] → t = e^z = [148.4, 7.4, 0.4, 20.1], Σt = 176.3, a = t / Σt.
        float[] z = [5f, 2f, -1f, 3f];
        var a = new float[4];
        backend.Softmax(z, 1, 4, a);
        double[] expected = [0.842, 0.042, 0.002, 0.114];
        for (int j = 0; j < 4; j++)
            Assert.Equal(expected[j], a[j], precision: 3);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Softmax_rows_are_probability_distributions(KernelBackend backend)
    {
        const int rows = 16, cols = 37;
        float[] z = TestData.Normal(rows * cols, std: 5);
        var a = new float[rows * cols];
        backend.Softmax(z, rows, cols, a);
        Assert.All(a, v => Assert.InRange(v, 0f, 1f));
        for (int i = 0; i < rows; i++)
            Assert.Equal(1.0, a.AsSpan(i * cols, cols).ToArray().Sum(v => (double)v), 1e-5);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Softmax_with_two_classes_is_the_sigmoid_of_the_logit_difference(KernelBackend backend)
    {
        const int rows = 50;
        float[] z = TestData.Normal(rows * 2, std: 4);
        var a = new float[rows * 2];
        backend.Softmax(z, rows, 2, a);
        for (int i = 0; i < rows; i++)
        {
            double sigmoid = 1 / (1 + Math.Exp(-((double)z[2 * i] - z[2 * i + 1])));
            Assert.Equal(sigmoid, a[2 * i], 1e-6);
            Assert.Equal(1 - sigmoid, a[2 * i + 1], 1e-6);
        }
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Softmax_is_unchanged_by_adding_a_constant_to_a_row(KernelBackend backend)
    {
        float[] z = [0.5f, -1.25f, 2f, 0.75f];
        float[] shifted = z.Select(v => v + 100f).ToArray();
        var a = new float[4];
        var b = new float[4];
        backend.Softmax(z, 1, 4, a);
        backend.Softmax(shifted, 1, 4, b);
        Tolerance.Close(a, b, rel: 1e-5);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Softmax_of_an_empty_batch_does_nothing(KernelBackend backend)
    {
        backend.Softmax(ReadOnlySpan<float>.Empty, 0, 10, Span<float>.Empty);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Softmax_accepts_a_longer_destination_and_leaves_the_rest_alone(KernelBackend backend)
    {
        float[] z = [1f, 2f];
        float[] destination = [9f, 9f, 9f];
        backend.Softmax(z, 1, 2, destination);
        Assert.Equal(9f, destination[2]);
        Assert.Equal(1.0, destination[0] + destination[1], 1e-6);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Softmax_flushes_probabilities_below_the_float_range_to_zero_without_NaN(KernelBackend backend)
    {
        // z − max across the underflow edge of exp (≈ −87.3 normal, ≈ −103.9 subnormal), at SIMD and tail positions.
        float[] gaps = [0f, -80f, -87.3f, -87.4f, -90f, -103f, -104f, -200f, -1e30f, -3e38f];
        const int cols = 20;
        var z = new float[cols];
        for (int j = 0; j < cols; j++) z[j] = j % gaps.Length == 0 ? 0f : gaps[j % gaps.Length];
        var a = new float[cols];
        backend.Softmax(z, 1, cols, a);
        Tolerance.Close(ReferenceKernels.Softmax(D(z), 1, cols), a, SoftmaxRel, abs: 2e-38, "softmax near underflow");
        Assert.All(a, v => Assert.True(float.IsFinite(v)));
    }
}
