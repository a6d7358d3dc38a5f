using CourseKit.Display;
using CourseKit.Tuning;

namespace CourseKit.Tests.Tuning;

public class AnalysisTests
{
    private static Study Tuned()
    {
        var study = Study.Create("a", Direction.Minimize, new RandomSampler(), seed: 3);
        // lr matters a lot (on its log scale), units a little, noise not at all.
        study.Optimize(t => Math.Pow(Math.Log10(t.Float("lr", 1e-4, 1, Scale.Log)) + 2, 2) + 0.1 * t.Int("units", 1, 10)
                            + 0 * t.Float("noise", 0, 1) + (t.Categorical("opt", "adam", "sgd") == "sgd" ? 0.05 : 0), 80);
        return study;
    }

    [Fact]
    public void Importance_ranks_the_parameter_that_drives_the_objective_first()
    {
        var imp = Tuned().ParameterImportances(seed: 0);
        Assert.Equal("lr", imp[0].Name);
        Assert.True(imp[0].Importance > 0.6, $"lr importance {imp[0].Importance}");
        Assert.True(imp.Single(p => p.Name == "noise").Importance < 0.1);
        Assert.Equal(1.0, imp.Sum(p => p.Importance), 1e-9);
        Assert.Null(imp.Single(p => p.Name == "opt").Spearman);
        Assert.True(imp.Single(p => p.Name == "units").Spearman > 0.1);
    }

    [Fact]
    public void Spearman_matches_hand_computed_values()
    {
        Assert.Equal(1.0, Study.Spearman([1, 2, 3, 4], [10, 20, 30, 40]), 12);
        Assert.Equal(-1.0, Study.Spearman([1, 2, 3, 4], [9, 4, 1, 0]), 12);
        // Ranks (1, 2.5, 2.5, 4) and (1, 2, 3, 4): ρ = 0.9486832980505138 (scipy.stats.spearmanr).
        Assert.Equal(0.9486832980505138, Study.Spearman([1, 2, 2, 3], [1, 2, 3, 4]), 12);
    }

    [Fact]
    public void Optimization_history_is_monotone_and_ends_at_the_best_value()
    {
        var study = Tuned();
        var history = study.OptimizationHistory();
        Assert.Equal(80, history.Count);
        for (int i = 1; i < history.Count; i++) Assert.True(history[i].BestSoFar <= history[i - 1].BestSoFar);
        Assert.Equal(study.BestValue, history[^1].BestSoFar);
        Assert.Equal(study.BestTrial.Params["lr"], study.BestParams["lr"]);
    }

    [Fact]
    public void Contour_data_and_the_trials_table_render()
    {
        var study = Tuned();
        var contour = study.Contour("lr", "units", resolution: 10);
        Assert.Equal(10, contour.Z.Length);
        Assert.Equal(1e-4, contour.X[0], 12);
        string html = StudyFormatterSource.ToHtml(study);
        Assert.Contains("<table class=\"coursekit-study\"", html);
        Assert.Contains("80 complete", html);
        Assert.Contains("★", html);
        Assert.Contains("⋮", StudyFormatterSource.ToText(study));
    }

    [Fact]
    public void Analysis_of_an_empty_study_says_what_is_missing()
    {
        var study = Study.Create("empty");
        Assert.Contains("no complete trial", Assert.Throws<InvalidOperationException>(() => study.BestTrial).Message);
        Assert.Contains("at least 4 complete trials", Assert.Throws<InvalidOperationException>(() => study.ParameterImportances()).Message);
    }
}
