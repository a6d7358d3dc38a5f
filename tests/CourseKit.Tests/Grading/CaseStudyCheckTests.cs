using CourseKit.Grading;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Tuning;
using static CourseKit.Tests.Grading.Learners;

namespace CourseKit.Tests.Grading;

/// <summary>The case-study chapter's checks: where Batch Norm goes in the 2-D model, and the search space the learner chooses.</summary>
public class CaseStudyCheckTests
{
    private static Sequential Model(string batchNorm, int units) => batchNorm switch
    {
        "none" => new Sequential(new Dense(units), new Relu(), new Dense(1)),
        "before" => new Sequential(new Dense(units, useBias: false), new BatchNorm(), new Relu(), new Dense(1)),
        "after" => new Sequential(new Dense(units), new Relu(), new BatchNorm(), new Dense(1)),
        _ => throw new ArgumentException("batchNorm"),
    };

    private static TunedModel Space(Trial hp)
    {
        string batchNorm = hp.Categorical("batch_norm", "after", "before", "none");
        int units = hp.Int("units", 8, 256, step: 8);
        double rate = hp.Float("learning_rate", 1e-3, 0.3, Scale.Log);
        hp.Float("momentum_unused", 0.8, 0.99);           // an extra parameter is the learner's business
        return new TunedModel(Model(batchNorm, units), new Adam(rate));
    }

    [Fact]
    public void The_placement_solution_passes_also_the_hidden_cases_and_counts_like_the_summary()
    {
        foreach (var mode in new[] { Student, Grader })
            Assert.True(Checks.BatchNormPlacement.Run(Model, mode: mode).Passed);
        Assert.Equal("✓ Batch Norm placement: 3/3 cases passed", Checks.BatchNormPlacement.Run(Model, mode: Student).Summary);
        // 50 units: without bias 2·50 + 2·50 (γ, β) + 51 trainable, 2·50 running statistics.
        Assert.Equal(("dense(50, no bias) → bn → relu → dense(1)", 251, 100), Checks.ModelAnswer(Model("before", 50)));
        Assert.Equal(("dense(50) → relu → bn → dense(1)", 301, 100), Checks.ModelAnswer(Model("after", 50)));
        Assert.Equal(("dense(50) → relu → dense(1)", 201, 0), Checks.ModelAnswer(Model("none", 50)));
    }

    [Fact]
    public void Batch_norm_on_the_wrong_side_of_the_activation_is_named_with_the_layers()
    {
        var swapped = Checks.BatchNormPlacement.Run((b, u) => Model(b == "before" ? "after" : b == "after" ? "before" : b, u), mode: Student);
        Assert.Equal(CheckStatus.Failed, swapped.Status);
        Assert.Equal("layers: wrong value: expected dense(50) → relu → bn → dense(1), got dense(50, no bias) → bn → relu → dense(1)", swapped.Cases[1].Message);
        Assert.Contains("the ReLU sits between the bias and Batch Norm", swapped.Cases[1].Hint);
    }

    [Fact]
    public void A_bias_kept_before_batch_norm_as_in_the_slides_is_named()
    {
        var keptBias = Checks.BatchNormPlacement.Run((b, u) => b == "before"
            ? new Sequential(new Dense(u), new BatchNorm(), new Relu(), new Dense(1)) : Model(b, u), mode: Student);
        Assert.True(keptBias.Cases[0].Passed && keptBias.Cases[1].Passed);
        Assert.Equal("layers: wrong value: expected dense(50, no bias) → bn → relu → dense(1), got dense(50) → bn → relu → dense(1)", keptBias.Cases[2].Message);
    }

    [Fact]
    public void Fixed_units_or_two_outputs_or_a_model_for_other_inputs_are_named()
    {
        var fixedUnits = Checks.BatchNormPlacement.Run((b, _) => Model(b, 50), mode: Grader);
        Assert.True(fixedUnits.Cases.Where(c => !c.Hidden).All(c => c.Passed));
        Assert.Contains(fixedUnits.Cases, c => c.Hidden && !c.Passed);
        var twoOutputs = Checks.BatchNormPlacement.Run((b, u) => new Sequential(new Dense(u), new Relu(), new Dense(2)), mode: Student);
        Assert.Equal("layers: wrong value: expected dense(50) → relu → dense(1), got dense(50) → relu → dense(2)", twoOutputs.Cases[0].Message);
        var built = Checks.BatchNormPlacement.Run((b, u) => Model(b, u).Build(64, seed: 0), mode: Student);
        Assert.Equal(CheckStatus.Error, built.Status);
        Assert.Contains("built for 64 inputs", built.Details);
    }

    [Fact]
    public void A_placement_stub_is_not_implemented()
    {
        Assert.Equal(CheckStatus.NotImplemented, Checks.BatchNormPlacement.Run((_, _) => throw new NotImplementedException("Exercise 1"), mode: Student).Status);
    }

    [Fact]
    public void A_space_that_covers_what_it_must_passes_whatever_its_exact_ranges_and_extras()
    {
        foreach (var mode in new[] { Student, Grader })
            Assert.True(Checks.CaseStudySpace.Run(Space, mode: mode).Passed, Checks.CaseStudySpace.Run(Space, mode: mode).Details);
        Assert.True(Checks.CaseStudySpace.Run(Checks.CaseStudySpaceReference, mode: Grader).Passed);
    }

    [Fact]
    public void A_missing_placement_a_narrow_range_or_a_linear_rate_is_named()
    {
        var twoPlacements = Run(hp => hp.Categorical("batch_norm", "none", "before"), units: (16, 128), rate: (1e-3, 0.1, Scale.Log));
        Assert.Equal("search space: wrong value: expected batch_norm: categorical [none, before, after] (any order), got batch_norm: categorical [none, before]",
            twoPlacements.Cases[0].Message);
        var narrow = Run(Placement, units: (32, 128), rate: (1e-3, 0.1, Scale.Log));
        Assert.Equal("search space: wrong value: expected units: int [low ≤ 16, 128 ≤ high ≤ 512], got units: int [32, 128] step 16", narrow.Cases[0].Message);
        var linear = Run(Placement, units: (16, 128), rate: (1e-3, 0.1, Scale.Linear));
        Assert.StartsWith("search space: wrong value: expected learning_rate: float [1e-5 ≤ low ≤ 0.001, 0.1 ≤ high ≤ 1] log, got learning_rate: float [0.001, 0.1]", linear.Cases[0].Message);
        var tooHigh = Run(Placement, units: (16, 128), rate: (1e-3, 10, Scale.Log));
        Assert.Equal(CheckStatus.Failed, tooHigh.Status);
    }

    [Fact]
    public void A_model_or_rate_that_ignores_hp_is_named_with_the_values_hp_gave()
    {
        var fixedModel = Checks.CaseStudySpace.Run(hp =>
        {
            Space(hp);
            return new TunedModel(Model("none", 50), new Adam(hp.Float("learning_rate", 1e-3, 0.3, Scale.Log)));
        }, mode: Student);
        Assert.Equal("layers for batch_norm = after, units = 8: wrong value: expected dense(8) → relu → bn → dense(1), got dense(50) → relu → dense(1)",
            fixedModel.Cases[0].Message);
        var fixedRate = Checks.CaseStudySpace.Run(hp => new TunedModel(Space(hp).Model, new Adam(0.01)), mode: Student);
        Assert.StartsWith("the optimizer's learning rate (is it hp's learning_rate?): wrong value", fixedRate.Cases[0].Message);
    }

    [Fact]
    public void A_space_stub_is_not_implemented()
    {
        Assert.Equal(CheckStatus.NotImplemented, Checks.CaseStudySpace.Run(_ => throw new NotImplementedException("Exercise 2"), mode: Student).Status);
    }

    private static string Placement(Trial hp) => hp.Categorical("batch_norm", "none", "before", "after");

    private static CheckResult Run(Func<Trial, string> placement, (int Low, int High) units, (double Low, double High, Scale Scale) rate) =>
        Checks.CaseStudySpace.Run(hp =>
        {
            string batchNorm = placement(hp);
            int u = hp.Int("units", units.Low, units.High, step: 16);
            return new TunedModel(Model(batchNorm, u), new Adam(hp.Float("learning_rate", rate.Low, rate.High, rate.Scale)));
        }, mode: Student);
}
