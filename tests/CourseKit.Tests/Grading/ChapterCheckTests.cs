using CourseKit.Grading;
using CourseKit.Tensors;
using static CourseKit.Tests.Grading.Learners;

namespace CourseKit.Tests.Grading;

/// <summary>The cross-entropy, one-hot, hardmax and softmax-gradient checks: the library passes, typical mistakes fail.</summary>
public class ChapterCheckTests
{
    [Fact]
    public void The_library_passes_every_ready_made_check_also_with_hidden_cases()
    {
        foreach (var mode in new[] { Student, Grader })
        {
            Assert.True(Checks.Softmax.Run(Learners.Softmax, mode: mode).Passed);
            Assert.True(Checks.CrossEntropy.Run(Learners.CrossEntropy, mode: mode).Passed);
            Assert.True(Checks.OneHot.Run(Learners.OneHot, mode: mode).Passed);
            Assert.True(Checks.Hardmax.Run(Learners.Hardmax, mode: mode).Passed);
            Assert.True(Checks.SoftmaxGradient.Run(Gradient, mode: mode).Passed);
        }
    }

    [Fact]
    public void Cross_entropy_checks_the_lectures_example()
    {
        var (_, input) = Checks.CrossEntropy.VisibleCases[0];
        Assert.Equal(-Math.Log(0.2), Learners.CrossEntropy(input.YHat, input.Y), 5);
    }

    [Fact]
    public void Cross_entropy_with_0_log_0_as_NaN_fails_that_case_with_a_hint()
    {
        CheckResult r = Checks.CrossEntropy.Run(CrossEntropyNaive, mode: Student);
        CaseResult c = Assert.Single(r.Cases, c => !c.Passed);
        Assert.Equal("ŷ = 0 for some wrong classes", c.Name);
        Assert.StartsWith("wrong value: expected 0.23101", c.Message);
        Assert.Contains("actual NaN", c.Message);
        Assert.Contains("0 · log 0 counts as 0", r.Details);
    }

    [Fact]
    public void Cross_entropy_without_1_over_m_fails_the_batches_with_the_errors()
    {
        CheckResult r = Checks.CrossEntropy.Run(CrossEntropySum, mode: Student);
        Assert.True(r.Cases[0].Passed);  // m = 1
        Assert.Matches(@"^wrong value: expected [0-9.]+, actual [0-9.]+; abs error [0-9.]+, rel error 2$", r.Cases[1].Message);
    }

    [Fact]
    public void A_two_argument_method_group_and_a_lambda_both_run()
    {
        Assert.True(Checks.CrossEntropy.Run(Learners.CrossEntropy, mode: Student).Passed);
        Assert.True(Checks.CrossEntropy.Run((yHat, y) => Learners.CrossEntropy(yHat, y), mode: Student).Passed);
        Func<Matrix, Matrix, double> inDouble = (yHat, y) => Learners.CrossEntropy(yHat, y);
        Assert.True(Checks.CrossEntropy.Run(inDouble, mode: Student).Passed);
    }

    [Fact]
    public void One_hot_with_C_from_the_labels_is_a_wrong_shape()
    {
        CheckResult r = Checks.OneHot.Run(OneHotFromMax, mode: Student);
        CaseResult c = Assert.Single(r.Cases, c => !c.Passed);
        Assert.Equal("wrong shape: expected (2 × 5), got (2 × 2)", c.Message);
        Assert.Contains("not max(labels) + 1", r.Details);
    }

    [Fact]
    public void One_hot_that_changes_the_labels_is_reported()
    {
        CheckResult r = Checks.OneHot.Run((labels, c) => { var y = OneHot(labels, c); labels[0] = -1; return y; }, mode: Student);
        Assert.Contains("your function changed its input labels at index 0 (was 1, now -1)", r.Cases[0].Message);
    }

    [Fact]
    public void Hardmax_with_ties_to_the_last_index_fails_the_tie_case()
    {
        CheckResult r = Checks.Hardmax.Run(HardmaxLastTie, mode: Student);
        CaseResult c = Assert.Single(r.Cases, c => !c.Passed);
        Assert.Equal("a tie goes to the lowest index", c.Name);
        Assert.Contains("wrong values: 2 of 4 elements differ; worst at row 0, col 1: expected 1, actual 0", c.Message);
    }

    [Fact]
    public void The_softmax_gradient_with_the_wrong_sign_fails()
    {
        CheckResult r = Checks.SoftmaxGradient.Run((yHat, y) => Gradient(y, yHat), mode: Student);
        Assert.Equal(0, r.PassedCount);
        Assert.Contains("worst at row 0, col 1: expected -0.8, actual 0.8", r.Cases[0].Message);
    }
}
