using CourseKit.Grading;
using CourseKit.Nn;
using CourseKit.Tensors;
using static CourseKit.Tests.Grading.Learners;
using L = CourseKit.Tests.Grading.SetupOptimizationLearners;

namespace CourseKit.Tests.Grading;

/// <summary>The setting-up-optimization checks: the right answers pass, each typical mistake fails with the hint that names it.</summary>
public class SetupOptimizationCheckTests
{
    private static CheckResult Standardize(SetupMistake mistake, GradingMode? mode = null) =>
        Checks.Standardize.Run((Matrix train, Matrix dev) => L.Standardize(train, dev, mistake), mode: mode ?? Student);

    private static CheckResult Initialize(SetupMistake mistake, GradingMode? mode = null) =>
        Checks.Initialization.Run((Initializer s, int fanIn, int fanOut, int seed) => L.Initialize(s, fanIn, fanOut, seed, mistake), mode: mode ?? Student);

    private static CheckResult Gradient(SetupMistake mistake, GradingMode? mode = null) =>
        Checks.TwoSidedGradient.Run((Func<double[], double> cost, double[] theta, double epsilon) => L.Gradient(cost, theta, epsilon, mistake),
            mode: mode ?? Student);

    private static string[] Failing(CheckResult r) => r.Cases.Where(c => !c.Passed).Select(c => c.Name).ToArray();

    [Fact]
    public void The_right_answers_pass_every_case_also_the_hidden_ones()
    {
        foreach (var mode in new[] { Student, Grader })
        {
            Assert.True(Standardize(SetupMistake.None, mode).Passed, Standardize(SetupMistake.None, mode).Details);
            Assert.True(Initialize(SetupMistake.None, mode).Passed, Initialize(SetupMistake.None, mode).Details);
            Assert.True(Gradient(SetupMistake.None, mode).Passed, Gradient(SetupMistake.None, mode).Details);
        }
        Assert.Equal("✓ input standardization: 4/4 cases passed", Standardize(SetupMistake.None).Summary);
        Assert.Equal(3, Standardize(SetupMistake.None, Grader).Cases.Count(c => c.Hidden));
        Assert.Equal(3, Initialize(SetupMistake.None, Grader).Cases.Count(c => c.Hidden));
        Assert.Equal(2, Gradient(SetupMistake.None, Grader).Cases.Count(c => c.Hidden));
    }

    [Fact]
    public void A_not_implemented_exercise_is_reported_as_such()
    {
        Func<Matrix, Matrix, (Matrix, Matrix)> standardize = (_, _) => throw new NotImplementedException("Exercise 1");
        Func<Initializer, int, int, int, Matrix> initialize = (_, _, _, _) => throw new NotImplementedException("Exercise 2");
        Func<Func<double[], double>, double[], double, double[]> gradient = (_, _, _) => throw new NotImplementedException("Exercise 3");
        Assert.Equal(CheckStatus.NotImplemented, Checks.Standardize.Run(standardize, mode: Student).Status);
        Assert.Equal(CheckStatus.NotImplemented, Checks.Initialization.Run(initialize, mode: Student).Status);
        Assert.Equal(CheckStatus.NotImplemented, Checks.TwoSidedGradient.Run(gradient, mode: Student).Status);
    }

    [Fact]
    public void The_hand_checkable_cases_have_the_answers_their_hints_give()
    {
        var s = Checks.Standardize.VisibleCases[0].Input;
        Assert.Equal([-1.342f, -0.447f, 0.447f, 1.342f], L.Standardize(s.Train, s.Dev).Item1.Data.Select(v => MathF.Round(v, 3)));
        var g = Checks.TwoSidedGradient.VisibleCases[0].Input;
        Assert.Equal(3.0001, L.Gradient(g.Cost, g.Theta, g.Epsilon)[0], 9);
        Assert.Equal(3.0301, L.Gradient(g.Cost, g.Theta, g.Epsilon, SetupMistake.OneSided)[0], 9);
        Assert.Equal(6.0002, L.Gradient(g.Cost, g.Theta, g.Epsilon, SetupMistake.DivideByEpsilon)[0], 9);
    }

    [Theory]
    [InlineData(SetupMistake.SampleStd, "one feature by hand (μ = 4, σ = √5)", "divides by m, the number of training examples, not m − 1")]
    [InlineData(SetupMistake.DevOwnStatistics, "a dev set shifted away from train", "with the TRAINING set's μ and σ, not with dev's own")]
    [InlineData(SetupMistake.RowStatistics, "features on scales 1 and 1000", "the statistics of each column over the m examples")]
    [InlineData(SetupMistake.ConstantFeatureNaN, "a feature that is constant in the training set", "centred and divided by 1")]
    public void Each_standardization_mistake_fails_the_case_whose_hint_names_it(SetupMistake mistake, string failingCase, string hint)
    {
        CheckResult r = Standardize(mistake);
        Assert.False(r.Passed);
        Assert.Contains(failingCase, Failing(r));
        Assert.Contains(hint, r.Details);
    }

    [Fact]
    public void Dev_standardized_with_its_own_statistics_is_caught_by_the_dev_output_only()
    {
        CaseResult c = Standardize(SetupMistake.DevOwnStatistics).Cases.Single(c => c.Name == "a dev set shifted away from train");
        Assert.Equal("dev", c.Comparison!.Output);
    }

    [Theory]
    [InlineData(SetupMistake.VarianceAsStd, "He, 4 → 3", "the square root of the variance, not 2/n_in itself")]
    [InlineData(SetupMistake.FanOut, "Xavier, 50 → 10", "not fanOut")]
    [InlineData(SetupMistake.GlorotProduct, "Glorot, 30 → 10", "not the product n_in·n_out")]
    [InlineData(SetupMistake.Transposed, "He, 64 → 256 (shape fanIn × fanOut)", "W is fanIn × fanOut")]
    public void Each_initialization_mistake_fails_the_case_whose_hint_names_it(SetupMistake mistake, string failingCase, string hint)
    {
        CheckResult r = Initialize(mistake);
        Assert.Contains(failingCase, Failing(r));
        Assert.Contains(hint, r.Details);
    }

    [Theory]
    [InlineData(SetupMistake.OneSided, "the one-sided (J(θ + ε) − J(θ))/ε gives 3.0301")]
    [InlineData(SetupMistake.DivideByEpsilon, "dividing by ε instead of 2ε gives 6.0002")]
    public void A_one_sided_or_halved_difference_fails_the_lecture_case_with_its_numbers(SetupMistake mistake, string hint)
    {
        CheckResult r = Gradient(mistake);
        Assert.Contains("the lecture's J = θ³ at θ = 1, ε = 0.01", Failing(r));
        Assert.Contains(hint, r.Details);
    }

    [Fact]
    public void A_component_left_nudged_fails_where_components_interact_and_is_reported_as_a_changed_input()
    {
        CheckResult r = Gradient(SetupMistake.NoRestore);
        // Every case fails on the changed input; where components interact the values are wrong too, and the hint says why.
        Assert.Contains("J = θ₁²·θ₂ + θ₂³ (components interact)", Failing(r));
        Assert.StartsWith("wrong value", r.Cases.Single(c => c.Name.StartsWith("J = θ₁²", StringComparison.Ordinal)).Message);
        Assert.Contains("put it back before the next", r.Details);
        Assert.Contains("changed its input theta", r.Details);
    }
}
