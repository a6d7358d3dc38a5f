using CourseKit.Tuning;

namespace CourseKit.Tests.Tuning;

/// <summary>Trial parameters read typed: the values the objective saw, converted only where nothing is lost.</summary>
public class ParameterValuesTests
{
    private static Study Run()
    {
        var study = Study.Create("typed", Direction.Minimize, new RandomSampler(), seed: 3);
        study.Optimize(t =>
        {
            double alpha = t.Float("alpha", 1e-4, 1, Scale.Log);
            int units = t.Int("units", 8, 256, Scale.Log);
            string activation = t.Categorical("activation", "relu", "tanh");
            Assert.Equal(alpha, t.Params.Get<double>("alpha"));     // while the trial runs, too
            return alpha * units + (activation == "relu" ? 0 : 1);
        }, trials: 6);
        return study;
    }

    [Fact]
    public void Finished_trials_and_the_best_parameters_read_as_the_types_the_objective_used()
    {
        var study = Run();
        foreach (var trial in study.Trials)
        {
            Assert.Equal(trial.InternalParams["alpha"], trial.Params.Get<double>("alpha"));
            Assert.Equal((float)trial.InternalParams["alpha"], trial.Params.Get<float>("alpha"));
            Assert.Equal((int)trial.InternalParams["units"], trial.Params.Get<int>("units"));
            Assert.Equal((long)trial.InternalParams["units"], trial.Params.Get<long>("units"));
            Assert.Equal(trial.InternalParams["units"], trial.Params.Get<double>("units"));
            Assert.Contains(trial.Params.Get<string>("activation"), new[] { "relu", "tanh" });
        }
        var best = study.BestParams;
        Assert.Equal(study.BestTrial.Params.Get<double>("alpha"), best.Get<double>("alpha"));
        Assert.Equal(study.BestValue, best.Get<double>("alpha") * best.Get<int>("units") + (best.Get<string>("activation") == "relu" ? 0 : 1), 12);
        Assert.Equal(7, best.GetOrDefault("layers", 7));
        Assert.Matches(@"^alpha=[0-9.e-]+, units=\d+, activation=(relu|tanh)$", best.ToString());
    }

    [Fact]
    public void Reads_that_would_lose_or_invent_a_value_are_refused_with_the_value_and_its_type()
    {
        var values = new ParameterValues(new Dictionary<string, object?> { ["alpha"] = 0.25, ["big"] = 3_000_000_000L, ["whole"] = 4.0, ["name"] = "relu" });
        Assert.Equal(4, values.Get<int>("whole"));
        var fraction = Assert.Throws<InvalidCastException>(() => values.Get<int>("alpha"));
        Assert.Equal("alpha: expected a value readable as Int32, actual 0.25 (Double).", fraction.Message);
        Assert.Contains("big: expected a value readable as Int32, actual 3000000000 (Int64)", Assert.Throws<InvalidCastException>(() => values.Get<int>("big")).Message);
        Assert.Contains("actual relu (String)", Assert.Throws<InvalidCastException>(() => values.Get<double>("name")).Message);
        var missing = Assert.Throws<KeyNotFoundException>(() => values.Get<double>("lr"));
        Assert.Contains("no parameter 'lr' in this trial; its parameters: alpha, big, whole, name", missing.Message);
    }
}
