using CourseKit.Grading;
using static CourseKit.Tests.Grading.Learners;

namespace CourseKit.Tests.Grading;

/// <summary>The tuning chapter's checks: α on a log scale, β on a reverse-log scale, a grid axis. Written out by hand
/// here (Math.Log10/Math.Pow), independently of the tuner's FromUnit that the checks use as their reference.</summary>
public class TuningCheckTests
{
    private static double LogScale(double u, double low, double high) =>
        Math.Pow(10, Math.Log10(low) + u * (Math.Log10(high) - Math.Log10(low)));

    private static double ReverseLogScale(double u, double low, double high) =>
        1 - Math.Pow(10, Math.Log10(1 - low) + u * (Math.Log10(1 - high) - Math.Log10(1 - low)));

    private static double[] GridValues(double low, double high, int count, bool log) =>
        Enumerable.Range(0, count).Select(i => (double)i / (count - 1))
            .Select(u => log ? LogScale(u, low, high) : low + u * (high - low)).ToArray();

    [Fact]
    public void Hand_written_scales_pass_every_case_also_the_hidden_ones()
    {
        foreach (var mode in new[] { Student, Grader })
        {
            Assert.True(Checks.LogScale.Run(LogScale, mode: mode).Passed, Checks.LogScale.Run(LogScale, mode: mode).Details);
            Assert.True(Checks.ReverseLogScale.Run(ReverseLogScale, mode: mode).Passed, Checks.ReverseLogScale.Run(ReverseLogScale, mode: mode).Details);
            Assert.True(Checks.GridValues.Run(GridValues, mode: mode).Passed, Checks.GridValues.Run(GridValues, mode: mode).Details);
        }
        Assert.Equal("✓ log scale: 5/5 cases passed", Checks.LogScale.Run(LogScale, mode: Student).Summary);
    }

    [Fact]
    public void Hidden_cases_run_only_when_grading()
    {
        var student = Checks.ReverseLogScale.Run(ReverseLogScale, mode: Student);
        var graded = Checks.ReverseLogScale.Run(ReverseLogScale, mode: Grader);
        Assert.Equal(5, student.Cases.Count);
        Assert.DoesNotContain(student.Cases, c => c.Hidden);
        Assert.Equal(8, graded.Cases.Count);
        Assert.Equal(3, graded.Cases.Count(c => c.Hidden));
        Assert.Equal(2, Checks.GridValues.Run(GridValues, mode: Grader).Cases.Count(c => c.Hidden));
        Assert.Equal(3, Checks.LogScale.Run(LogScale, mode: Grader).Cases.Count(c => c.Hidden));
    }

    [Fact]
    public void The_lectures_ranges_give_the_lectures_values()
    {
        Assert.Equal(1e-2, LogScale(0.5, 1e-4, 1), 12);
        Assert.Equal(0.99, ReverseLogScale(0.5, 0.9, 0.999), 12);
        Assert.Equal(["u = 0 gives low (α ∈ [1e-4, 1])", "u = 1 gives high (α ∈ [1e-4, 1])"], Checks.LogScale.VisibleCases.Take(2).Select(c => c.Name));
        Assert.Equal((0.5, 0.9, 0.999), Checks.ReverseLogScale.VisibleCases[2].Input);
    }

    [Fact]
    public void Natural_log_with_a_power_of_ten_fails_every_case_and_points_to_Log10()
    {
        var r = Checks.LogScale.Run((u, low, high) => Math.Pow(10, Math.Log(low) + u * (Math.Log(high) - Math.Log(low))), mode: Student);
        Assert.Equal(CheckStatus.Failed, r.Status);
        Assert.False(r.Cases[0].Passed);
        Assert.StartsWith("wrong value: expected 0.0001, actual ", r.Cases[0].Message);
        Assert.Contains("Math.Log is the natural log", r.Details);
        var beta = Checks.ReverseLogScale.Run((u, low, high) => 1 - Math.Pow(10, Math.Log(1 - low) + u * (Math.Log(1 - high) - Math.Log(1 - low))), mode: Student);
        Assert.False(beta.Cases[0].Passed);
        Assert.Contains("Math.Log is the natural log", beta.Details);
    }

    [Fact]
    public void Swapped_ends_fail_at_u_0_and_u_1_with_the_hint()
    {
        var r = Checks.LogScale.Run((u, low, high) => LogScale(1 - u, low, high), mode: Student);
        Assert.Equal("wrong value: expected 0.0001, actual 1; abs error 1, rel error 1e+04", r.Cases[0].Message);
        Assert.False(r.Cases[1].Passed);
        Assert.True(r.Cases[2].Passed);  // the midpoint is symmetric
        Assert.Contains("are the ends swapped?", r.Details);

        var beta = Checks.ReverseLogScale.Run((u, low, high) => ReverseLogScale(1 - u, low, high), mode: Student);
        Assert.StartsWith("wrong value: expected 0.9, actual 0.999", beta.Cases[0].Message);
        Assert.Contains("are the ends swapped?", beta.Details);
    }

    [Fact]
    public void A_linear_scale_passes_the_ends_and_fails_the_midpoint()
    {
        var r = Checks.LogScale.Run((u, low, high) => low + u * (high - low), mode: Student);
        Assert.True(r.Cases[0].Passed && r.Cases[1].Passed);
        CaseResult mid = r.Cases[2];
        Assert.False(mid.Passed);
        Assert.StartsWith("wrong value: expected 0.01, actual 0.50005", mid.Message);
        Assert.Contains("interpolate r, not α", r.Details);
    }

    [Fact]
    public void Sampling_beta_on_a_log_scale_instead_of_1_minus_beta_fails_the_inner_points()
    {
        var r = Checks.ReverseLogScale.Run(LogScale, mode: Student);
        Assert.True(r.Cases[0].Passed && r.Cases[1].Passed);
        Assert.False(r.Cases[2].Passed);
        Assert.StartsWith("wrong value: expected 0.99, actual 0.948", r.Cases[2].Message);
        Assert.Contains("sample 1 − β on a log scale, not β itself", r.Details);
        Assert.Equal(0.8, r.Points, 6);  // 2 of 5 equally weighted cases, of 2 points
    }

    [Fact]
    public void A_float_implementation_is_too_coarse_near_1()
    {
        var r = Checks.ReverseLogScale.Run((u, low, high) => (double)(1f - MathF.Pow(10f, MathF.Log10(1f - (float)low) + (float)u * (MathF.Log10(1f - (float)high) - MathF.Log10(1f - (float)low)))), mode: Student);
        Assert.Equal(CheckStatus.Failed, r.Status);
    }

    [Fact]
    public void Grid_values_catch_a_linear_log_axis_a_step_of_1_over_count_and_a_wrong_length()
    {
        var linear = Checks.GridValues.Run((double low, double high, int count, bool log) => GridValues(low, high, count, false), mode: Student);
        Assert.False(linear.Cases[0].Passed);
        Assert.True(linear.Cases[1].Passed);
        Assert.Contains("evenly spaced in log10", linear.Details);

        var step = Checks.GridValues.Run((double low, double high, int count, bool log) =>
            Enumerable.Range(0, count).Select(i => low + i * (high - low) / count).ToArray(), mode: Student);
        Assert.Contains("wrong values: 4 of 5 elements differ; worst at index 4: expected 1, actual 0.8", step.Cases[1].Message);
        Assert.Contains("not / count", step.Details);

        var shortAxis = Checks.GridValues.Run((double low, double high, int count, bool log) => GridValues(low, high, count, log)[1..], mode: Student);
        Assert.Equal("wrong shape: expected length 5, got length 4", shortAxis.Cases[0].Message);
    }

    [Fact]
    public void A_learner_that_throws_not_implemented_is_reported_as_such()
    {
        var r = Checks.LogScale.Run((u, low, high) => throw new NotImplementedException("Exercise 1"), mode: Student);
        Assert.Equal(CheckStatus.NotImplemented, r.Status);
        Assert.Equal("○ log scale: not implemented yet — replace the throw in Exercise 1", r.Summary);
    }
}
