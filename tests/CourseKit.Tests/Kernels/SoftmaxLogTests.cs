using CourseKit.Tests.Support;
using CourseKit.Kernels.Reference;
using CourseKit.Tests.Support.Backends;

namespace CourseKit.Tests.Kernels;

using CourseKit.Kernels;

public class SoftmaxLogTests
{
    public static IEnumerable<object[]> Lengths0To257OnEveryBackend => KernelBackend.Cross(typeof(TestData), nameof(TestData.Lengths0To257));
    public static IEnumerable<object[]> LogSoftmax_matches_the_reference_for_several_batch_sizesCases => KernelBackend.Cross(new object[][] { [0, 3], [2, 10], [64, 100], [5, 1000] });

    // (z − max) rounded in float, minus log Σ (a few ulp of the sum): abs covers outputs near 0.
    private const double LogSoftmaxRel = 1e-6;
    private const double LogSoftmaxAbs = 2e-6;

    private static double[] D(float[] x) => Array.ConvertAll(x, v => (double)v);

    [Theory, MemberData(nameof(Lengths0To257OnEveryBackend))]
    public void LogSoftmax_matches_the_double_reference_for_every_row_length(KernelBackend backend, int cols)
    {
        foreach (int rows in new[] { 1, 3 })
        {
            float[] z = TestData.Normal(rows * cols, seed: 42, std: 3);
            var actual = new float[rows * cols];
            if (cols == 0)
            {
                Assert.Throws<ArgumentOutOfRangeException>("cols", () => backend.LogSoftmax(z, rows, cols, actual));
                continue;
            }
            backend.LogSoftmax(z, rows, cols, actual);
            Tolerance.Close(ReferenceKernels.LogSoftmax(D(z), rows, cols), actual, LogSoftmaxRel, LogSoftmaxAbs, $"log-softmax (rows {rows}, cols {cols})");

            float[] inPlace = (float[])z.Clone();
            backend.LogSoftmax(inPlace, rows, cols, inPlace);
            Assert.Equal(actual, inPlace);
        }
    }

    [Theory, MemberData(nameof(LogSoftmax_matches_the_reference_for_several_batch_sizesCases))]
    public void LogSoftmax_matches_the_reference_for_several_batch_sizes(KernelBackend backend, int rows, int cols)
    {
        float[] z = TestData.Uniform(rows * cols, seed: 42, low: -50, high: 50);
        var actual = new float[rows * cols];
        backend.LogSoftmax(z, rows, cols, actual);
        Tolerance.Close(ReferenceKernels.LogSoftmax(D(z), rows, cols), actual, LogSoftmaxRel, LogSoftmaxAbs, "log-softmax");
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void LogSoftmax_of_huge_logits_stays_finite(KernelBackend backend)
    {
        float[] z = [1000f, -1000f, 0f];
        var logA = new float[3];
        backend.LogSoftmax(z, 1, 3, logA);
        Assert.Equal([0f, -2000f, -1000f], logA);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void LogSoftmax_keeps_digits_near_zero_when_logits_are_large(KernelBackend backend)
    {
        // log softmax([1000, 995])[0] = −log(1 + e^−5) ≈ −0.0067153; forming 1000 + 0.0067 in float would lose it.
        float[] z = [1000f, 995f];
        var logA = new float[2];
        backend.LogSoftmax(z, 1, 2, logA);
        Tolerance.Close(ReferenceKernels.LogSoftmax([1000.0, 995.0], 1, 2), logA, LogSoftmaxRel, abs: 1e-9);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void LogSoftmax_is_the_log_of_softmax_for_moderate_logits(KernelBackend backend)
    {
        const int rows = 8, cols = 21;
        float[] z = TestData.Normal(rows * cols, std: 2);
        var a = new float[rows * cols];
        var logA = new float[rows * cols];
        backend.Softmax(z, rows, cols, a);
        backend.LogSoftmax(z, rows, cols, logA);
        for (int k = 0; k < a.Length; k++)
            Assert.Equal(Math.Log(a[k]), logA[k], 1e-5);
    }
}
