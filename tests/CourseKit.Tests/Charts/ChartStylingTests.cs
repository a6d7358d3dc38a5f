using CourseKit.Charts;
using Plotly.NET;
using Plotly.NET.CSharp;
using static CourseKit.Tests.Charts.FigureJson;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace CourseKit.Tests.Charts;

public sealed class ChartStylingTests
{
    [Fact]
    public void WithTitle_sets_the_layout_title_that_Plotly_NET_CSharp_leaves_out()
    {
        var chart = PlotlyChart.Line<int, int, string>([1, 2], [3, 4]).WithTitle("Cost");
        Assert.Equal("Cost", Text(Layout(chart), "title", "text"));
    }

    [Fact]
    public void A_color_set_on_a_run_is_kept_and_given_to_its_other_traces()
    {
        var chart = PlotlyChart.Combine([
            PlotlyChart.Line<int, int, string>([1, 2], [1, 2], Name: "run", LineColor: Color.fromString("red")),
            PlotlyChart.Line<int, int, string>([1, 2], [2, 3], Name: "other"),
            PlotlyChart.Line<int, int, string>([1, 2], [3, 4], Name: "run")]).WithRunColors();
        var traces = Traces(chart);
        Assert.Equal(["red", Palette.Color(1), "red"], traces.Select(t => Text(t, "line", "color")));
        Assert.Equal("red", Text(traces[2], "marker", "color"));
    }

    [Fact]
    public void Colors_per_point_stay_and_unnamed_traces_have_no_legend_entry()
    {
        var chart = PlotlyChart.Combine([
            PlotlyChart.Point<int, int, string>([1, 2], [1, 2], Name: "trials", MarkerColor: Color.fromColorScaleValues(new[] { 0.1, 0.9 })),
            PlotlyChart.Line<int, int, string>([1, 2], [2, 3])]).WithRunColors();
        var traces = Traces(chart);
        Assert.Equal([0.1, 0.9], Numbers(traces[0].GetProperty("marker").GetProperty("color")));
        Assert.Equal("False", Text(traces[1], "showlegend"));
        Assert.Null(Text(traces[1], "line", "color"));
    }
}
