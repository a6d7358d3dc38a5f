using CourseKit.Tests.Support;
using CourseKit.Kernels.Reference;
using CourseKit.Tests.Support.Backends;

namespace CourseKit.Tests.Kernels;

using CourseKit.Kernels;

public class BatchNormForwardTests
{
    public static IEnumerable<object[]> ShapesOnEveryBackend => KernelBackend.Cross(typeof(BatchNormCases), nameof(BatchNormCases.Shapes));

    // Errors of the float kernel relative to the largest |value| of the double reference (y is O(|γ|·3 + |β|)).
    private const double ForwardTrainingRel = 2e-6;
    private const double ForwardInferenceRel = 2e-6;
    private const double StatisticsRel = 2e-6;
    private const float Epsilon = 1e-5f;

    [Theory, MemberData(nameof(ShapesOnEveryBackend))]
    public void BatchNorm_forward_training_matches_the_double_reference(KernelBackend backend, int rows, int cols)
    {
        var (x, gamma, beta) = BatchNormCases.Inputs(rows, cols);
        var y = new float[rows * cols]; var xHat = new float[rows * cols];
        var mean = new float[cols]; var invStd = new float[cols];
        var runningMean = TestData.Uniform(cols, seed: 45); var runningVar = TestData.Uniform(cols, seed: 46, low: 0.5, high: 2);
        var expectedRunningMean = BatchNormCases.ToDouble(runningMean); var expectedRunningVar = BatchNormCases.ToDouble(runningVar);

        backend.BatchNormForwardTraining(x, rows, cols, gamma, beta, Epsilon, y, mean, invStd, xHat, runningMean, runningVar, 0.9f);

        var expected = ReferenceKernels.BatchNormForwardTraining(BatchNormCases.ToDouble(x), rows, cols, BatchNormCases.ToDouble(gamma), BatchNormCases.ToDouble(beta), Epsilon);
        ReferenceKernels.BatchNormUpdateRunning(expectedRunningMean, expectedRunningVar, expected.Mean, expected.Var, rows, 0.9);
        BatchNormCases.CloseScaled(expected.Y, y, ForwardTrainingRel, "y");
        BatchNormCases.CloseScaled(expected.XHat, xHat, ForwardTrainingRel, "xHat");
        BatchNormCases.CloseScaled(expected.Mean, mean, StatisticsRel, "mean");
        Tolerance.Close(expected.InvStd, invStd, StatisticsRel, what: "invStd");
        BatchNormCases.CloseScaled(expectedRunningMean, runningMean, StatisticsRel, "runningMean");
        Tolerance.Close(expectedRunningVar, runningVar, StatisticsRel, what: "runningVar");
    }

    [Theory, MemberData(nameof(ShapesOnEveryBackend))]
    public void BatchNorm_forward_training_without_cached_xHat_gives_the_same_outputs(KernelBackend backend, int rows, int cols)
    {
        var (x, gamma, beta) = BatchNormCases.Inputs(rows, cols);
        var y1 = new float[rows * cols]; var y2 = new float[rows * cols]; var xHat = new float[rows * cols];
        var mean1 = new float[cols]; var mean2 = new float[cols]; var inv1 = new float[cols]; var inv2 = new float[cols];

        backend.BatchNormForwardTraining(x, rows, cols, gamma, beta, Epsilon, y1, mean1, inv1, xHat, default, default, 0.9f);
        backend.BatchNormForwardTraining(x, rows, cols, gamma, beta, Epsilon, y2, mean2, inv2, default, default, default, 0.9f);

        Assert.Equal(y1, y2);
        Assert.Equal(mean1, mean2);
        Assert.Equal(inv1, inv2);
    }

    [Theory, MemberData(nameof(ShapesOnEveryBackend))]
    public void BatchNorm_forward_inference_matches_the_double_reference(KernelBackend backend, int rows, int cols)
    {
        var (x, gamma, beta) = BatchNormCases.Inputs(rows, cols);
        var runningMean = TestData.Normal(cols, seed: 45, mean: 0.5);
        var runningVar = TestData.Uniform(cols, seed: 46, low: 0.5, high: 5);
        var y = new float[rows * cols];

        backend.BatchNormForwardInference(x, rows, cols, gamma, beta, runningMean, runningVar, Epsilon, y);

        var expected = ReferenceKernels.BatchNormForwardInference(BatchNormCases.ToDouble(x), rows, cols, BatchNormCases.ToDouble(gamma),
            BatchNormCases.ToDouble(beta), BatchNormCases.ToDouble(runningMean), BatchNormCases.ToDouble(runningVar), Epsilon);
        BatchNormCases.CloseScaled(expected, y, ForwardInferenceRel, "y");
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void BatchNorm_forward_training_with_gamma_sqrt_var_and_beta_mean_returns_its_input(KernelBackend backend)
    {
        const int rows = 64, cols = 37;
        var x = TestData.Normal(rows * cols, mean: 3, std: 2);
        var stats = ReferenceKernels.BatchNormForwardTraining(BatchNormCases.ToDouble(x), rows, cols, new double[cols], new double[cols], Epsilon);
        var gamma = stats.Var.Select(v => (float)Math.Sqrt(v + Epsilon)).ToArray();
        var beta = stats.Mean.Select(m => (float)m).ToArray();
        var y = new float[rows * cols];

        backend.BatchNormForwardTraining(x, rows, cols, gamma, beta, Epsilon, y, new float[cols], new float[cols], default, default, default, 0.9f);

        BatchNormCases.CloseScaled(BatchNormCases.ToDouble(x), y, ForwardTrainingRel, "y");
    }
}

/// <summary>Shapes and inputs shared by the BatchNorm tests.</summary>
internal static class BatchNormCases
{
    /// <summary>cols over every remainder of 8- and 16-wide vectors plus the edges around 64, 128 and 256; rows from the smallest batch up.</summary>
    public static IEnumerable<object[]> Shapes()
    {
        int[] cols = [.. Enumerable.Range(0, 34), 63, 64, 65, 127, 128, 129, 255, 256, 257];
        foreach (int rows in new[] { 2, 3, 17, 64 })
            foreach (int c in cols)
                yield return [rows, c];
    }

    /// <summary>x ~ N(0.5, 2²), γ ~ U[0.5, 1.5), β ~ U[−1, 1), seeded.</summary>
    public static (float[] X, float[] Gamma, float[] Beta) Inputs(int rows, int cols) =>
        (TestData.Normal(rows * cols, seed: 42, mean: 0.5, std: 2), TestData.Uniform(cols, seed: 43, low: 0.5, high: 1.5), TestData.Uniform(cols, seed: 44));

    public static double[] ToDouble(float[] values) => Array.ConvertAll(values, v => (double)v);

    public static float[] ToFloat(double[] values) => Array.ConvertAll(values, v => (float)v);

    /// <summary>|actual − expected| ≤ rel·(|expected| + max|expected|): relative, with the array's magnitude as the floor near zero.</summary>
    public static void CloseScaled(double[] expected, float[] actual, double rel, string what)
    {
        double scale = expected.Length == 0 ? 0 : expected.Max(Math.Abs);
        Tolerance.Close(expected, actual, rel, rel * scale, what);
    }
}
