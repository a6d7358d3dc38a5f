using CourseKit.Charts;
using static CourseKit.Tests.Charts.FigureJson;

namespace CourseKit.Tests.Charts;

public sealed class CompositionTests
{
    private static Figure Line(string name) => Chart.Line(new[] { 1, 2 }, new[] { 1, 2 }, name);

    [Fact]
    public void Combine_overlays_all_traces_on_the_first_figure_s_axes_and_layout()
    {
        var combined = Chart.Combine(Line("train").WithTitle("Cost").WithYAxis(log: true), Line("validation").WithXAxis("epoch"));
        var root = Parse(combined);
        Assert.Equal(2, root.GetProperty("data").GetArrayLength());
        Assert.Equal("validation", root.GetProperty("data")[1].GetProperty("name").GetString());
        Assert.False(root.GetProperty("data")[1].TryGetProperty("xaxis", out _));
        var layout = root.GetProperty("layout");
        Assert.Equal("Cost", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("log", layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Equal("epoch", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Combined_histograms_overlay_translucently()
    {
        var figure = Chart.Combine(Chart.Histogram(new[] { 1, 2, 3 }), Chart.Histogram(new[] { 2, 3, 4 }));
        Assert.Equal("overlay", Layout(figure).GetProperty("barmode").GetString());
        Assert.Equal(0.6, Trace(figure, 1).GetProperty("opacity").GetDouble());
    }

    [Fact]
    public void Grid_assigns_each_chart_its_own_axes_row_by_row()
    {
        var grid = Chart.Grid(2, 2,
            Chart.Combine(Line("a"), Line("b")), Line("c").WithYAxis("cost", log: true), Line("d").WithXAxis("epoch"));
        var root = Parse(grid);
        var data = root.GetProperty("data");
        Assert.Equal(["x", "x", "x2", "x3"], data.EnumerateArray().Select(t => t.GetProperty("xaxis").GetString()!));
        Assert.Equal(["y", "y", "y2", "y3"], data.EnumerateArray().Select(t => t.GetProperty("yaxis").GetString()!));
        var layout = root.GetProperty("layout");
        var gridJson = layout.GetProperty("grid");
        Assert.Equal(2, gridJson.GetProperty("rows").GetInt32());
        Assert.Equal(2, gridJson.GetProperty("columns").GetInt32());
        Assert.Equal("independent", gridJson.GetProperty("pattern").GetString());
        Assert.Equal("log", layout.GetProperty("yaxis2").GetProperty("type").GetString());
        Assert.Equal("epoch", layout.GetProperty("xaxis3").GetProperty("title").GetProperty("text").GetString());
        Assert.False(layout.TryGetProperty("yaxis", out _));
    }

    [Fact]
    public void Grid_turns_chart_titles_into_captions_above_their_cells()
    {
        var grid = Chart.Grid(1, 2, Line("a").WithTitle("Cost"), Line("b").WithTitle("Accuracy"));
        var annotations = Layout(grid).GetProperty("annotations");
        Assert.Equal(2, annotations.GetArrayLength());
        Assert.Equal("Accuracy", annotations[1].GetProperty("text").GetString());
        Assert.Equal("x2 domain", annotations[1].GetProperty("xref").GetString());
        Assert.Equal("y2 domain", annotations[1].GetProperty("yref").GetString());
        Assert.False(annotations[1].GetProperty("showarrow").GetBoolean());
    }

    [Fact]
    public void Grid_places_parallel_coordinates_by_domain_row_and_column()
    {
        var parcoords = Chart.ParallelCoordinates([ParcoordsDimension.Of("a", new[] { 1, 2 }), ParcoordsDimension.Of("b", new[] { 3, 4 })]);
        var trace = Trace(Chart.Grid(2, 2, Line("a"), Line("b"), Line("c"), parcoords), 3);
        Assert.Equal(1, trace.GetProperty("domain").GetProperty("row").GetInt32());
        Assert.Equal(1, trace.GetProperty("domain").GetProperty("column").GetInt32());
    }

    [Fact]
    public void Grid_refuses_more_charts_than_cells_and_nested_grids()
    {
        var tooMany = Assert.Throws<ArgumentException>(() => Chart.Grid(1, 1, Line("a"), Line("b")));
        Assert.Contains("expected 1 to 1 charts", tooMany.Message);
        Assert.Contains("actual 2", tooMany.Message);
        var nested = Assert.Throws<ArgumentException>(() => Chart.Grid(1, 2, Chart.Grid(1, 2, Line("a"), Line("b"))));
        Assert.Contains("charts[0]: expected a single-panel figure", nested.Message);
    }

    [Fact]
    public void ToString_names_the_trace_types_count_and_title()
    {
        Assert.Equal("Figure: scatter, 2 traces, \"Cost\"", Chart.Combine(Line("a"), Line("b")).WithTitle("Cost").ToString());
        Assert.Equal("Figure: scatter+histogram, 2 traces, 1×2 grid", Chart.Grid(1, 2, Line("a"), Chart.Histogram(new[] { 1 })).ToString());
    }
}
