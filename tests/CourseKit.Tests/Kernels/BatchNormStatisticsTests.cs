using CourseKit.Tests.Support;
using CourseKit.Kernels.Reference;
using CourseKit.Tests.Support.Backends;

namespace CourseKit.Tests.Kernels;

using CourseKit.Kernels;

public class BatchNormStatisticsTests
{
    private const double StatisticsRel = 2e-6;
    private const float Epsilon = 1e-5f;

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void BatchNorm_forward_training_keeps_precision_with_a_large_offset(KernelBackend backend)
    {
        // x = 10⁴ + N(0, 1): a one-pass E[x²] − E[x]² in float would lose every digit of the variance.
        const int rows = 4096, cols = 5;
        var x = TestData.Normal(rows * cols, mean: 1e4, std: 1);
        var xd = BatchNormCases.ToDouble(x);
        var expected = ReferenceKernels.BatchNormForwardTraining(xd, rows, cols, Enumerable.Repeat(1.0, cols).ToArray(), new double[cols], Epsilon);
        var y = new float[rows * cols]; var mean = new float[cols]; var invStd = new float[cols];
        var runningMean = new float[cols]; var runningVar = new float[cols];

        // momentum 0: the running statistics become the batch's own mean and unbiased variance.
        backend.BatchNormForwardTraining(x, rows, cols, Enumerable.Repeat(1f, cols).ToArray(), new float[cols], Epsilon,
            y, mean, invStd, default, runningMean, runningVar, momentum: 0f);

        for (int j = 0; j < cols; j++)
        {
            double variance = 1.0 / ((double)invStd[j] * invStd[j]) - Epsilon;
            Assert.InRange(Math.Abs(variance - expected.Var[j]) / expected.Var[j], 0, 1e-4);
            double unbiased = expected.Var[j] * rows / (rows - 1);
            Assert.InRange(Math.Abs(runningVar[j] - unbiased) / unbiased, 0, 1e-5);
            Assert.InRange(Math.Abs(mean[j] - expected.Mean[j]) / expected.Mean[j], 0, 1e-7);
        }
        Tolerance.Close(expected.Y, y, rel: 0, abs: 1e-4, what: "y");
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void BatchNorm_forward_training_keeps_precision_when_the_first_example_is_an_outlier(KernelBackend backend)
    {
        // Shifting the sums by x[0] alone would cost about 4 digits here (variance 4e-5 off, y 1e-3 off).
        const int rows = 4096, cols = 6;
        var x = TestData.Normal(rows * cols, mean: 1e4, std: 1);
        for (int j = 0; j < cols; j++) x[j] += 1000;
        var expected = ReferenceKernels.BatchNormForwardTraining(BatchNormCases.ToDouble(x), rows, cols, Enumerable.Repeat(1.0, cols).ToArray(), new double[cols], Epsilon);
        var y = new float[rows * cols]; var runningVar = new float[cols];

        backend.BatchNormForwardTraining(x, rows, cols, Enumerable.Repeat(1f, cols).ToArray(), new float[cols], Epsilon,
            y, new float[cols], new float[cols], default, new float[cols], runningVar, momentum: 0f);

        Tolerance.Close(expected.Var.Select(v => v * rows / (rows - 1)).ToArray(), runningVar, 1e-5, what: "runningVar");
        Tolerance.Close(expected.Y, y, rel: 0, abs: 1e-4, what: "y");
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void BatchNorm_running_statistics_follow_the_exponentially_weighted_average_and_drive_inference(KernelBackend backend)
    {
        const int rows = 16, cols = 19, steps = 4;
        const float momentum = 0.9f;
        var gamma = TestData.Uniform(cols, seed: 43, low: 0.5, high: 1.5);
        var beta = TestData.Uniform(cols, seed: 44);
        var runningMean = new float[cols]; var runningVar = Enumerable.Repeat(1f, cols).ToArray();
        var expectedMean = new double[cols]; var expectedVar = Enumerable.Repeat(1.0, cols).ToArray();
        for (int step = 0; step < steps; step++)
        {
            var x = TestData.Normal(rows * cols, seed: 100 + step, mean: step, std: 1 + step);
            backend.BatchNormForwardTraining(x, rows, cols, gamma, beta, Epsilon, new float[rows * cols], new float[cols], new float[cols],
                default, runningMean, runningVar, momentum);
            var batch = ReferenceKernels.BatchNormForwardTraining(BatchNormCases.ToDouble(x), rows, cols, new double[cols], new double[cols], Epsilon);
            for (int j = 0; j < cols; j++)
            {
                // running = momentum·running + (1 − momentum)·batch, variance unbiased: m/(m − 1)·σ².
                expectedMean[j] = 0.9 * expectedMean[j] + 0.1 * batch.Mean[j];
                expectedVar[j] = 0.9 * expectedVar[j] + 0.1 * batch.Var[j] * rows / (rows - 1);
            }
            Tolerance.Close(expectedMean, runningMean, StatisticsRel, abs: 1e-6, what: $"runningMean after step {step + 1}");
            Tolerance.Close(expectedVar, runningVar, StatisticsRel, what: $"runningVar after step {step + 1}");
        }

        var test = TestData.Normal(3 * cols, seed: 7, mean: 1, std: 2);
        var y = new float[3 * cols];
        backend.BatchNormForwardInference(test, 3, cols, gamma, beta, runningMean, runningVar, Epsilon, y);
        var expectedY = ReferenceKernels.BatchNormForwardInference(BatchNormCases.ToDouble(test), 3, cols, BatchNormCases.ToDouble(gamma),
            BatchNormCases.ToDouble(beta), expectedMean, expectedVar, Epsilon);
        BatchNormCases.CloseScaled(expectedY, y, 1e-5, "y");
    }
}
