using System.Text.Json;
using CourseKit.Charts;
using static CourseKit.Tests.Charts.FigureJson;

namespace CourseKit.Tests.Charts;

public sealed class LayoutJsonTests
{
    private static readonly Figure Cost = Chart.Line(new[] { 1, 2, 3 }, new[] { 1f, 0.1f, 0.01f }, "train");

    [Fact]
    public void Title_and_axis_titles_are_text_objects()
    {
        var layout = Layout(Cost.WithTitle("Cost").WithXAxis("epoch").WithYAxis("cost"));
        Assert.Equal("Cost", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("epoch", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("cost", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void A_log_axis_has_type_log_and_its_range_in_log10_units()
    {
        var yaxis = Layout(Cost.WithYAxis("cost", log: true, range: (1e-3, 10))).GetProperty("yaxis");
        Assert.Equal("log", yaxis.GetProperty("type").GetString());
        Assert.Equal([-3.0, 1.0], Numbers(yaxis.GetProperty("range")), (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void A_linear_range_is_written_as_given()
    {
        var xaxis = Layout(Cost.WithXAxis(range: (0, 4))).GetProperty("xaxis");
        Assert.Equal([0.0, 4.0], Numbers(xaxis.GetProperty("range")));
        Assert.False(xaxis.TryGetProperty("type", out _));
    }

    [Fact]
    public void Each_With_returns_a_new_figure_and_leaves_the_original_unchanged()
    {
        var titled = Cost.WithTitle("Cost");
        Assert.NotSame(Cost, titled);
        Assert.Null(Cost.Layout.Title);
        Assert.Equal("Cost", titled.Layout.Title!.Text);
        var logged = titled.WithYAxis(log: true);
        Assert.Null(titled.Layout.Axis("y"));
        Assert.Equal("log", logged.Layout.Axis("y")!.Type);
    }

    [Fact]
    public void Later_axis_settings_keep_earlier_ones_they_do_not_name()
    {
        var axis = Cost.WithYAxis("cost").WithYAxis(log: true).Layout.Axis("y")!;
        Assert.Equal("cost", axis.Title!.Text);
        Assert.Equal("log", axis.Type);
    }

    [Fact]
    public void Legend_and_size_are_layout_attributes()
    {
        var layout = Layout(Cost.WithLegend(true, x: 0.02, y: 0.98).WithSize(800, 500));
        Assert.True(layout.GetProperty("showlegend").GetBoolean());
        Assert.Equal(0.02, layout.GetProperty("legend").GetProperty("x").GetDouble());
        Assert.Equal(800, layout.GetProperty("width").GetInt32());
        Assert.Equal(500, layout.GetProperty("height").GetInt32());
    }

    [Fact]
    public void An_empty_layout_is_an_empty_object()
    {
        Assert.Equal(JsonValueKind.Object, Layout(Cost).ValueKind);
        Assert.Empty(Names(Layout(Cost)));
    }

    [Fact]
    public void Axis_ids_map_to_plotly_layout_keys()
    {
        Assert.Equal("xaxis", CourseKit.Charts.Layout.AxisKey("x"));
        Assert.Equal("yaxis3", CourseKit.Charts.Layout.AxisKey("y3"));
        var ex = Assert.Throws<ArgumentException>(() => CourseKit.Charts.Layout.AxisKey("z2"));
        Assert.Contains("actual \"z2\"", ex.Message);
    }
}
