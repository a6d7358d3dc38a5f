using CourseKit.Grading;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Tuning;
using static CourseKit.Tests.Grading.Learners;

namespace CourseKit.Tests.Grading;

/// <summary>The tuning chapter's Keras-Tuner-style exercise: a build(hp) whose declared space and model the check compares.</summary>
public class TunerBuildCheckTests
{
    private static TunedModel Build(Trial hp)
    {
        int units = hp.Int("units", 32, 256, step: 32);
        double learningRate = hp.Float("learning_rate", 1e-4, 1e-2, Scale.Log);
        return new TunedModel(new Sequential(new Dense(units), new Relu(), new Dense(10)), new Adam(learningRate));
    }

    private static CheckResult Run(Func<Trial, TunedModel> build) => Checks.TunerBuild.Run(build, mode: Student);

    [Fact]
    public void A_written_build_passes_every_case_also_the_hidden_ones()
    {
        foreach (var mode in new[] { Student, Grader })
            Assert.True(Checks.TunerBuild.Run(Build, mode: mode).Passed, Checks.TunerBuild.Run(Build, mode: mode).Details);
        Assert.Equal("✓ Keras-Tuner build(hp): 3/3 cases passed", Run(Build).Summary);
        Assert.Equal(2, Checks.TunerBuild.Run(Build, mode: Grader).Cases.Count(c => c.Hidden));
    }

    [Fact]
    public void Declaring_in_another_order_or_building_the_model_itself_passes()
    {
        Assert.True(Run(hp =>
        {
            double lr = hp.Float("learning_rate", 1e-4, 1e-2, Scale.Log);
            var model = new Sequential(new Dense(hp.Int("units", 32, 256, step: 32)), new Relu(), new Dense(10)).Build(64, seed: 1);
            return new TunedModel(model, new Adam(lr));
        }).Passed);
    }

    [Fact]
    public void A_missing_step_is_named_with_the_parameter()
    {
        var r = Run(hp => new TunedModel(new Sequential(new Dense(hp.Int("units", 32, 256)), new Relu(), new Dense(10)),
            new Adam(hp.Float("learning_rate", 1e-4, 1e-2, Scale.Log))));
        Assert.Equal(CheckStatus.Failed, r.Status);
        Assert.Equal("search space: wrong value: expected units: int [32, 256] step 32, got units: int [32, 256]", r.Cases[0].Message);
        Assert.Contains("step: 32", r.Cases[0].Hint);
    }

    [Fact]
    public void A_linear_learning_rate_or_the_slides_categorical_choice_is_named()
    {
        var linear = Run(hp => new TunedModel(new Sequential(new Dense(hp.Int("units", 32, 256, step: 32)), new Relu(), new Dense(10)),
            new Adam(hp.Float("learning_rate", 1e-4, 1e-2))));
        Assert.Equal("search space: wrong value: expected learning_rate: float [0.0001, 0.01] log, got learning_rate: float [0.0001, 0.01]", linear.Cases[0].Message);
        var choice = Run(hp => new TunedModel(new Sequential(new Dense(hp.Int("units", 32, 256, step: 32)), new Relu(), new Dense(10)),
            new Adam(hp.Categorical("learning_rate", 1e-2, 1e-3, 1e-4))));
        Assert.EndsWith("got learning_rate: categorical [0.01, 0.001, 0.0001]", choice.Cases[0].Message);
    }

    [Fact]
    public void A_misspelt_or_extra_parameter_is_named()
    {
        var misspelt = Run(hp => new TunedModel(new Sequential(new Dense(hp.Int("units", 32, 256, step: 32)), new Relu(), new Dense(10)),
            new Adam(hp.Float("lr", 1e-4, 1e-2, Scale.Log))));
        Assert.Equal("search space: wrong value: expected learning_rate: float [0.0001, 0.01] log, got no parameter named \"learning_rate\"", misspelt.Cases[0].Message);
        var extra = Run(hp =>
        {
            hp.Float("dropout", 0, 0.5);
            return Build(hp);
        });
        Assert.Equal("search space: wrong value: expected no parameter named \"dropout\", got dropout: float [0, 0.5]", extra.Cases[0].Message);
    }

    [Fact]
    public void Fixed_units_or_a_fixed_rate_pass_the_low_end_and_fail_the_others_with_the_hint_to_use_hp()
    {
        var fixedUnits = Run(hp =>
        {
            hp.Int("units", 32, 256, step: 32);
            return new TunedModel(new Sequential(new Dense(32), new Relu(), new Dense(10)), new Adam(hp.Float("learning_rate", 1e-4, 1e-2, Scale.Log)));
        });
        Assert.True(fixedUnits.Cases[0].Passed);
        Assert.StartsWith("trainable parameters (are the units hp's?): wrong value: expected 19210, actual 2410", fixedUnits.Cases[1].Message);
        Assert.Contains("use the values hp gives you", fixedUnits.Cases[1].Hint);
        var fixedRate = Run(hp =>
        {
            hp.Float("learning_rate", 1e-4, 1e-2, Scale.Log);
            return new TunedModel(new Sequential(new Dense(hp.Int("units", 32, 256, step: 32)), new Relu(), new Dense(10)), new Adam(1e-3));
        });
        Assert.StartsWith("the optimizer's learning rate: wrong value", fixedRate.Cases[0].Message);
    }

    [Fact]
    public void Another_optimizer_or_output_size_is_named()
    {
        var sgd = Run(hp => new TunedModel(Build(hp).Model, new Sgd(hp.Float("learning_rate", 1e-4, 1e-2, Scale.Log))));
        Assert.Equal("optimizer: wrong value: expected Adam, got Sgd", sgd.Cases[0].Message);
        var oneOutput = Run(hp => new TunedModel(new Sequential(new Dense(hp.Int("units", 32, 256, step: 32)), new Relu(), new Dense(1)),
            new Adam(hp.Float("learning_rate", 1e-4, 1e-2, Scale.Log))));
        Assert.StartsWith("outputs of the model: wrong value: expected 10, actual 1", oneOutput.Cases[0].Message);
    }

    [Fact]
    public void A_stub_is_not_implemented_and_null_is_named()
    {
        var stub = Run(_ => throw new NotImplementedException("Exercise 4"));
        Assert.Equal(CheckStatus.NotImplemented, stub.Status);
        var nullModel = Run(hp => new TunedModel(null!, new Adam(hp.Float("learning_rate", 1e-4, 1e-2, Scale.Log))));
        Assert.Equal(CheckStatus.Error, nullModel.Status);
        Assert.Contains("one of them is null", nullModel.Details);
    }
}
