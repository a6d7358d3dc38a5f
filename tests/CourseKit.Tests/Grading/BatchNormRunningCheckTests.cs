using CourseKit.Grading;
using CourseKit.Nn;
using CourseKit.Tensors;
using static CourseKit.Tests.Grading.Learners;

namespace CourseKit.Tests.Grading;

/// <summary>Batch Normalization's running statistics: the learner's update, checked against the BatchNorm layer itself.</summary>
public class BatchNormRunningCheckTests
{
    // Written out in double, independently of the layer's kernel.
    private static (Matrix, Matrix) Written(Matrix z, Matrix runningMean, Matrix runningVar, float momentum) =>
        Variant(z, runningMean, runningVar, momentum, unbiased: true, swapped: false);

    private static (Matrix, Matrix) Variant(Matrix z, Matrix runningMean, Matrix runningVar, float momentum, bool unbiased, bool swapped)
    {
        int m = z.Rows, n = z.Cols;
        var (mean, variance) = (new Matrix(1, n), new Matrix(1, n));
        double keep = swapped ? 1 - momentum : momentum;
        for (int j = 0; j < n; j++)
        {
            double mu = 0, s = 0;
            for (int i = 0; i < m; i++) mu += z[i, j];
            mu /= m;
            for (int i = 0; i < m; i++) s += (z[i, j] - mu) * (z[i, j] - mu);
            double batchVar = s / (unbiased ? m - 1 : m);
            mean[0, j] = (float)(keep * runningMean[0, j] + (1 - keep) * mu);
            variance[0, j] = (float)(keep * runningVar[0, j] + (1 - keep) * batchVar);
        }
        return (mean, variance);
    }

    private static CheckResult Run(Func<Matrix, Matrix, Matrix, float, (Matrix, Matrix)> learner) => Checks.BatchNormRunning.Run(learner, mode: Student);

    [Fact]
    public void A_written_update_passes_every_case_also_the_hidden_ones()
    {
        foreach (var mode in new[] { Student, Grader })
            Assert.True(Checks.BatchNormRunning.Run(Written, mode: mode).Passed, Checks.BatchNormRunning.Run(Written, mode: mode).Details);
        Assert.Equal("✓ batch norm running statistics: 4/4 cases passed", Run(Written).Summary);
    }

    [Fact]
    public void The_reference_is_what_the_layer_does_during_a_training_step()
    {
        var z = Matrix.FromRows([1, 200, -3], [2, 100, -1], [4, 400, -2], [9, 300, -6]);
        var model = new Sequential(new BatchNorm(momentum: 0.9)).Build(3, seed: 0);
        model.Forward(z);
        var (mean, variance) = Written(z, new Matrix(1, 3), Matrix.RowVector(1, 1, 1), 0.9f);
        Assert.True(mean.MaxAbsDifference(model.Get<BatchNorm>().RunningMean.Value) < 1e-4);
        Assert.True(variance.MaxAbsDifference(model.Get<BatchNorm>().RunningVariance.Value) < 1e-2);   // values near 2,000: float rounding
    }

    [Fact]
    public void The_biased_variance_fails_on_the_variance_with_the_unbiased_hint()
    {
        var r = Run((z, rm, rv, mo) => Variant(z, rm, rv, mo, unbiased: false, swapped: false));
        var several = r.Cases.Single(c => c.Name == "several features");
        Assert.StartsWith("runningVar: wrong values", several.Message);
        Assert.Contains("UNBIASED", several.Hint);
        Assert.True(r.Cases[0].Passed == false || r.Cases[0].Message.StartsWith("runningVar"));
    }

    [Fact]
    public void Swapped_weights_fail_the_first_case_on_the_mean_with_the_momentum_hint()
    {
        var r = Run((z, rm, rv, mo) => Variant(z, rm, rv, mo, unbiased: true, swapped: true));
        Assert.StartsWith("runningMean: wrong value", r.Cases[0].Message);
        Assert.Contains("becomes 0.2", r.Cases[0].Hint);
    }

    [Fact]
    public void The_layer_is_refused_and_a_stub_is_not_implemented()
    {
        var shortcut = Run((z, rm, rv, mo) =>
        {
            var model = new Sequential(new BatchNorm(mo)).Build(z.Cols, seed: 0);
            model.Forward(z);
            return (model.Get<BatchNorm>().RunningMean.Value, model.Get<BatchNorm>().RunningVariance.Value);
        });
        Assert.Equal(0, shortcut.Points);
        Assert.Contains("BatchNorm", shortcut.Summary);
        Assert.Equal(CheckStatus.NotImplemented, Run((z, rm, rv, mo) => throw new NotImplementedException("Exercise 4")).Status);
    }
}
