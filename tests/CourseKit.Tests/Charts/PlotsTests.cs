using CourseKit.Charts;
using Plotly.NET;
using Plotly.NET.CSharp;
using static CourseKit.Tests.Charts.FigureJson;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace CourseKit.Tests.Charts;

public sealed class PlotsTests
{
    private static GenericChart Line(string name, params double[] y) =>
        PlotlyChart.Line<int, double, string>(Enumerable.Range(0, y.Length), y, Name: name);

    [Fact]
    public void A_histogram_with_bins_gets_exactly_that_many_equal_bins_over_the_data_range()
    {
        var trace = Trace(Plots.Histogram(new[] { 1f, 2f, 3f, 5f, 5f }, bins: 4));
        Assert.Equal("histogram", Text(trace, "type"));
        var bins = trace.GetProperty("xbins");
        double start = bins.GetProperty("start").GetDouble(), end = bins.GetProperty("end").GetDouble(), size = bins.GetProperty("size").GetDouble();
        Assert.Equal(1, start);
        Assert.Equal(4, Math.Round((end - start) / size));
        Assert.True(end > 5 && end < 5 + 1e-6, $"the largest value must fall inside the last bin, end {end}");
        Assert.Equal([1.0, 2, 3, 5, 5], Numbers(trace.GetProperty("x")));
    }

    [Fact]
    public void A_histogram_refuses_no_bins_and_data_without_a_finite_value()
    {
        Assert.Contains("bins: expected ≥ 1, actual 0", Assert.Throws<ArgumentOutOfRangeException>(() => Plots.Histogram(new[] { 1.0 }, bins: 0)).Message);
        Assert.Contains("expected at least one finite value", Assert.Throws<ArgumentException>(() => Plots.Histogram(new[] { double.NaN }, bins: 3)).Message);
        Assert.Contains("values: expected at least one value, actual 0", Assert.Throws<ArgumentException>(() => Plots.Histogram(Array.Empty<int>())).Message);
    }

    [Fact]
    public void Overlaid_histograms_share_one_panel_translucently()
    {
        var chart = Plots.Overlay(Plots.Histogram(new[] { 1.0, 2 }, name: "a"), Plots.Histogram(new[] { 2.0, 3 }, name: "b"));
        Assert.Equal("overlay", Text(Layout(chart), "barmode"));
        Assert.All(Traces(chart), t => Assert.Equal(0.6, t.GetProperty("opacity").GetDouble()));
        var lines = Plots.Overlay(Line("a", 1, 2), Line("b", 2, 1));
        Assert.Null(Text(Layout(lines), "barmode"));
        Assert.Equal(2, Traces(lines).Length);
    }

    [Fact]
    public void A_grid_keeps_each_panel_s_axes_and_turns_its_title_into_the_title_above_its_cell()
    {
        var cost = Line("with", 3, 2).WithTitle("Cost").WithYAxisStyle<double, double, string>(TitleText: "cost", AxisType: StyleParam.AxisType.Log);
        var accuracy = Line("with", 0.5, 0.9).WithTitle("Accuracy").WithYAxisStyle<double, double, string>(TitleText: "accuracy");
        var layout = Layout(Plots.Grid(1, 2, cost, accuracy));
        Assert.Equal("cost", Text(layout, "yaxis", "title", "text"));
        Assert.Equal("log", Text(layout, "yaxis", "type"));
        Assert.Equal("accuracy", Text(layout, "yaxis2", "title", "text"));
        Assert.Equal(["Cost", "Accuracy"], layout.GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString()!));
        Assert.Null(Text(layout, "title", "text"));
        Assert.Equal((920, 440), (layout.GetProperty("width").GetInt32(), layout.GetProperty("height").GetInt32()));
    }

    [Fact]
    public void A_grid_gives_each_run_one_color_in_every_panel_and_one_legend_entry()
    {
        var grid = Plots.Grid(1, 2, Plots.Overlay(Line("with BN", 1, 2), Line("without", 2, 3)), Plots.Overlay(Line("with BN", 4, 5), Line("without", 5, 6)));
        var traces = Traces(grid);
        Assert.Equal(["x", "x", "x2", "x2"], traces.Select(t => Text(t, "xaxis")));
        Assert.Equal(Text(traces[0], "line", "color"), Text(traces[2], "line", "color"));
        Assert.Equal(Text(traces[1], "line", "color"), Text(traces[3], "line", "color"));
        Assert.NotEqual(Text(traces[0], "line", "color"), Text(traces[1], "line", "color"));
        Assert.Equal([Palette.Color(0), Palette.Color(1)], traces.Take(2).Select(t => Text(t, "line", "color")));
        Assert.Equal(["True", "True", "False", "False"], traces.Select(t => Text(t, "showlegend")));
        Assert.Equal(["with BN", "without", "with BN", "without"], traces.Select(t => Text(t, "legendgroup")));
    }

    [Fact]
    public void The_panels_given_to_a_grid_or_an_overlay_are_left_as_they_were()
    {
        var panel = Line("run", 1, 2).WithTitle("Panel");
        string before = GenericChart.toJson(panel);
        Plots.Grid(1, 2, Line("other", 3, 4), panel);
        Plots.Overlay(panel, Line("third", 5, 6));
        panel.WithRunColors();
        Assert.Equal(before, GenericChart.toJson(panel));
    }

    [Fact]
    public void A_grid_refuses_more_panels_than_cells_and_missing_panels()
    {
        Assert.Contains("expected 1 to 2 charts, actual 3", Assert.Throws<ArgumentException>(() => Plots.Grid(1, 2, Line("a", 1), Line("b", 1), Line("c", 1))).Message);
        Assert.Contains("panels[1]: expected a chart, actual null", Assert.Throws<ArgumentNullException>(() => Plots.Grid(1, 2, Line("a", 1), null!)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Plots.Grid(0, 2, Line("a", 1)));
    }
}
