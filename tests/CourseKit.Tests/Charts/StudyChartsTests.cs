using CourseKit.Charts;
using CourseKit.Tuning;
using static CourseKit.Tests.Charts.FigureJson;

namespace CourseKit.Tests.Charts;

/// <summary>Each study plot holds the study's numbers: checked value by value, not by the chart's existence.</summary>
public sealed class StudyChartsTests
{
    private static readonly Study Tuned = Tune();

    private static Study Tune()
    {
        var study = Study.Create("s", Direction.Minimize, new RandomSampler(), seed: 3);
        study.Optimize(t => Math.Pow(Math.Log10(t.Float("lr", 1e-4, 1, Scale.Log)) + 2, 2) + 0.1 * t.Int("units", 1, 10)
                            + (t.Float("beta", 0.9, 0.999, Scale.ReverseLog) > 0.99 ? 0.05 : 0), 30);
        return study;
    }

    [Fact]
    public void The_optimization_history_shows_each_value_and_the_best_so_far()
    {
        var traces = Traces(Tuned.PlotOptimizationHistory());
        var history = Tuned.OptimizationHistory();
        Assert.Equal(["trial", "best so far"], traces.Select(t => Text(t, "name")));
        Assert.Equal(history.Select(p => p.Value), Numbers(traces[0].GetProperty("y")));
        Assert.Equal(history.Select(p => p.BestSoFar), Numbers(traces[1].GetProperty("y")));
        Assert.Equal("trial", Text(Layout(Tuned.PlotOptimizationHistory()), "xaxis", "title", "text"));
    }

    [Fact]
    public void Parallel_coordinates_draw_log_parameters_as_log10_and_color_lines_by_value()
    {
        var trace = Trace(Tuned.PlotParallelCoordinates());
        Assert.Equal("parcoords", Text(trace, "type"));
        var dimensions = trace.GetProperty("dimensions").EnumerateArray().ToArray();
        Assert.Equal(["log10(lr)", "units", "log10(1 − beta)", "objective"], dimensions.Select(d => Text(d, "label")));
        var complete = Tuned.Trials.Where(t => t.State == TrialState.Complete).ToList();
        Assert.Equal(complete.Select(t => Math.Log10(t.InternalParams["lr"])), Numbers(dimensions[0].GetProperty("values")));
        Assert.Equal(complete.Select(t => t.Value!.Value), Numbers(trace.GetProperty("line").GetProperty("color")));
    }

    [Fact]
    public void The_slice_plot_has_a_panel_per_parameter_with_a_log_axis_for_log_parameters()
    {
        var chart = Tuned.PlotSlice();
        var layout = Layout(chart);
        Assert.Equal(["lr", "units", "beta"], layout.GetProperty("annotations").EnumerateArray().Select(a => Text(a, "text")));
        Assert.Equal("log", Text(layout, "xaxis", "type"));
        Assert.Equal("linear", Text(layout, "xaxis2", "type"));
        Assert.Equal(Tuned.SliceData("units").Select(s => s.Value), Numbers(Trace(chart, 1).GetProperty("y")));
    }

    [Fact]
    public void The_contour_draws_the_surface_under_the_trials()
    {
        var chart = Tuned.PlotContour("lr", "units");
        var data = Tuned.Contour("lr", "units");
        Assert.Equal(["contour", "scatter"], Traces(chart).Select(t => Text(t, "type")));
        Assert.Equal(data.Z.Length, Trace(chart, 0).GetProperty("z").GetArrayLength());
        Assert.Equal(data.TrialX, Numbers(Trace(chart, 1).GetProperty("x")));
        Assert.Equal("log", Text(Layout(chart), "xaxis", "type"));
    }

    [Fact]
    public void Importance_bars_are_the_importances_by_parameter()
    {
        var trace = Trace(Tuned.PlotImportance());
        var importance = Tuned.ParameterImportances();
        Assert.Equal("bar", Text(trace, "type"));
        Assert.Equal(importance.Select(p => p.Name), trace.GetProperty("x").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(importance.Select(p => p.Importance), Numbers(trace.GetProperty("y")));
    }

    [Fact]
    public void A_study_without_trials_says_what_it_cannot_draw()
    {
        var empty = Study.Create("empty");
        Assert.Contains("no trials to draw an optimization history", Assert.Throws<InvalidOperationException>(() => empty.PlotOptimizationHistory()).Message);
        Assert.Contains("no babysat epochs", Assert.Throws<InvalidOperationException>(() => empty.PlotBranches()).Message);
    }
}
