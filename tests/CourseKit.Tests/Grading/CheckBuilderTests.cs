using CourseKit.Grading;

namespace CourseKit.Tests.Grading;

public class CheckBuilderTests
{
    private static Check<double[], double> Mean() =>
        Check.For<double[], double>("mean", points: 4)
            .InputNames("x")
            .Reference(x => x.Average())
            .Compare(Tolerance.Of(1e-9, 1e-9))
            .Case("three numbers", [1, 2, 3], weight: 3)
            .Case("one number", [5])
            .Hidden("random numbers", r => Enumerable.Range(0, 10).Select(_ => r.NextDouble()).ToArray());

    [Fact]
    public void A_custom_check_passes_and_weighs_its_cases()
    {
        Assert.True(Mean().Run(x => x.Average(), mode: GradingMode.Student).Passed);
        CheckResult r = Mean().Run(x => x.Length == 1 ? 0 : x.Average(), mode: GradingMode.Student);
        Assert.Equal(3, r.Points);  // 4 points × weight 3 of 4
        Assert.Equal("✗ mean: 1/2 cases passed; first failure: one number — wrong value", r.Summary);
        Assert.Equal("  ✓ three numbers\n  ✗ one number: wrong value: expected 5, actual 0; abs error 5, rel error 1", r.Details);
    }

    [Fact]
    public void A_check_without_a_reference_is_a_bug_in_the_check()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Check.For<int, int>("x").Case("a", 1).Run(v => v, mode: GradingMode.Student));
        Assert.Contains("expected a reference function", ex.Message);
    }

    [Fact]
    public void Bad_builder_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Check.For<int, int>("x", points: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Check.For<int, int>("x").Case("a", 1, weight: 0));
        Assert.Throws<ArgumentException>(() => Check.For<int, int>(" "));
    }

    [Fact]
    public void Each_ready_made_check_has_visible_and_hidden_cases()
    {
        Assert.Equal((4, 4), (Checks.Softmax.VisibleCases.Count, Checks.Softmax.HiddenCaseCount));
        Assert.True(Checks.CrossEntropy.HiddenCaseCount > 0 && Checks.OneHot.HiddenCaseCount > 0);
        Assert.True(Checks.Hardmax.HiddenCaseCount > 0 && Checks.SoftmaxGradient.HiddenCaseCount > 0);
    }

    [Fact]
    public void Every_ready_made_check_is_a_new_instance()
    {
        Checks.Softmax.Case("extra", new CourseKit.Tensors.Matrix(1, 1));
        Assert.Equal(4, Checks.Softmax.VisibleCases.Count);
    }
}
