using System.Text.Json;
using CourseKit.Charts;
using CourseKit.Tensors;
using static CourseKit.Tests.Charts.FigureJson;

namespace CourseKit.Tests.Charts;

public sealed class TraceJsonTests
{
    [Fact]
    public void A_figure_serializes_as_data_and_layout()
    {
        var root = Parse(Chart.Line(new[] { 1, 2, 3 }, new[] { 0.5f, 0.25f, 0.125f }));
        Assert.Equal(["data", "layout"], Names(root));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("data").ValueKind);
    }

    [Fact]
    public void A_line_is_a_scatter_trace_in_lines_mode_with_its_points()
    {
        var trace = Trace(Chart.Line(new[] { 1, 2, 3 }, new[] { 0.5f, 0.25f, 0.125f }, name: "cost"));
        Assert.Equal("scatter", trace.GetProperty("type").GetString());
        Assert.Equal("lines", trace.GetProperty("mode").GetString());
        Assert.Equal("cost", trace.GetProperty("name").GetString());
        Assert.Equal([1.0, 2.0, 3.0], Numbers(trace.GetProperty("x")));
        Assert.Equal([0.5, 0.25, 0.125], Numbers(trace.GetProperty("y")));
    }

    [Fact]
    public void Unset_attributes_are_left_out()
    {
        var trace = Trace(Chart.Line(new[] { 1.0, 2.0 }));
        Assert.Equal(["mode", "type", "x", "y"], Names(trace).Order());
        Assert.False(trace.TryGetProperty("marker", out _));
        Assert.False(trace.TryGetProperty("xaxis", out _));
        Assert.False(trace.TryGetProperty("name", out _));
    }

    [Fact]
    public void A_line_of_y_only_uses_indices_for_x()
    {
        var trace = Trace(Chart.Line(new[] { 3f, 1f, 2f }));
        Assert.Equal([0.0, 1.0, 2.0], Numbers(trace.GetProperty("x")));
    }

    [Fact]
    public void NaN_and_infinities_are_written_as_null()
    {
        string json = Chart.Line(new[] { 1, 2, 3, 4 }, new[] { 1f, float.NaN, float.PositiveInfinity, float.NegativeInfinity }).ToJson();
        Assert.DoesNotContain("NaN", json);
        Assert.DoesNotContain("Infinity", json);
        var y = Trace(Chart.Line(new[] { 1, 2, 3 }, new[] { 1f, float.NaN, float.PositiveInfinity })).GetProperty("y");
        Assert.Equal(JsonValueKind.Number, y[0].ValueKind);
        Assert.Equal(JsonValueKind.Null, y[1].ValueKind);
        Assert.Equal(JsonValueKind.Null, y[2].ValueKind);
    }

    [Fact]
    public void Numbers_are_written_in_invariant_round_trip_form()
    {
        string json = Chart.Line(new[] { 0.5, 1.25 }, new[] { 1e-7, 2.5 }).ToJson();
        Assert.Contains("\"x\":[0.5,1.25]", json);
        Assert.Contains("\"y\":[1E-07,2.5]", json);
        Assert.Contains("\"y\":[0.1,0.3]", Chart.Line(new[] { 0.1f, 0.3f }).ToJson()); // floats print as they print in C#, not as 0.10000000149011612
    }

    [Fact]
    public void A_scatter_colored_by_value_maps_each_point_through_a_colorscale()
    {
        var trace = Trace(Chart.Scatter(new[] { 0f, 1f, 2f }, new[] { 1f, 0f, 1f }, color: new[] { 0, 1, 2 }, size: 9));
        Assert.Equal("markers", trace.GetProperty("mode").GetString());
        var marker = trace.GetProperty("marker");
        Assert.Equal([0.0, 1.0, 2.0], Numbers(marker.GetProperty("color")));
        Assert.Equal("Viridis", marker.GetProperty("colorscale").GetString());
        Assert.True(marker.GetProperty("showscale").GetBoolean());
        Assert.Equal(9, marker.GetProperty("size").GetDouble());
    }

    [Fact]
    public void Scatter_modes_are_plotly_s_names()
    {
        Assert.Equal("lines+markers", Trace(Chart.Scatter(new[] { 1 }, new[] { 2 }, mode: ScatterMode.LinesAndMarkers)).GetProperty("mode").GetString());
        Assert.Equal("markers", Trace(Chart.Scatter(new[] { 1 }, new[] { 2 })).GetProperty("mode").GetString());
    }

    [Fact]
    public void A_histogram_with_bins_gets_explicit_equal_xbins_over_the_data_range()
    {
        var trace = Trace(Chart.Histogram(new[] { 0.0, 1, 2, 3, 4, 10 }, bins: 5));
        Assert.Equal("histogram", trace.GetProperty("type").GetString());
        var bins = trace.GetProperty("xbins");
        Assert.Equal(0, bins.GetProperty("start").GetDouble());
        Assert.Equal(2, bins.GetProperty("size").GetDouble(), 1e-6);
        Assert.True(bins.GetProperty("end").GetDouble() > 10, "the largest value must fall inside the last bin");
        Assert.Equal(6, trace.GetProperty("x").GetArrayLength());
    }

    [Fact]
    public void A_bar_chart_has_categories_on_x_and_values_on_y()
    {
        var trace = Trace(Chart.Bar(["sgd", "adam"], new[] { 0.91f, 0.97f }));
        Assert.Equal("bar", trace.GetProperty("type").GetString());
        Assert.Equal(["sgd", "adam"], trace.GetProperty("x").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(0.97, trace.GetProperty("y")[1].GetDouble(), 1e-6);
    }

    [Fact]
    public void A_heatmap_has_z_rows_along_y_and_columns_along_x()
    {
        var z = new Matrix(2, 3, [1, 2, 3, 4, 5, float.NaN]);
        var trace = Trace(Chart.Heatmap(z, x: [10, 20, 30], y: [-1, 1]));
        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        Assert.Equal(2, trace.GetProperty("z").GetArrayLength());
        Assert.Equal([1.0, 2, 3], Numbers(trace.GetProperty("z")[0]));
        Assert.Equal(JsonValueKind.Null, trace.GetProperty("z")[1][2].ValueKind);
        Assert.Equal([10.0, 20, 30], Numbers(trace.GetProperty("x")));
        Assert.Equal([-1.0, 1], Numbers(trace.GetProperty("y")));
    }

    [Fact]
    public void A_contour_writes_showscale_colorscale_opacity_and_contours()
    {
        double[][] z = [[0, 1], [1, 2]];
        var trace = Trace(Chart.Contour(z, showScale: false, colorScale: "RdBu", opacity: 0.4,
            contours: new Contours { Coloring = "heatmap", ShowLines = false, Start = 0, End = 2, Size = 0.5 }));
        Assert.Equal("contour", trace.GetProperty("type").GetString());
        Assert.False(trace.GetProperty("showscale").GetBoolean());
        Assert.Equal("RdBu", trace.GetProperty("colorscale").GetString());
        Assert.Equal(0.4, trace.GetProperty("opacity").GetDouble());
        var contours = trace.GetProperty("contours");
        Assert.Equal("heatmap", contours.GetProperty("coloring").GetString());
        Assert.False(contours.GetProperty("showlines").GetBoolean());
        Assert.Equal(0.5, contours.GetProperty("size").GetDouble());
    }

    [Fact]
    public void A_discrete_colorscale_is_written_as_position_color_stops()
    {
        var trace = Trace(Chart.Heatmap(new double[][] { [0, 1] }, colorScale: ColorScale.Discrete(["#111111", "#222222"])));
        var scale = trace.GetProperty("colorscale");
        Assert.Equal(4, scale.GetArrayLength());
        Assert.Equal(0.5, scale[1][0].GetDouble());
        Assert.Equal("#111111", scale[1][1].GetString());
        Assert.Equal("#222222", scale[2][1].GetString());
    }

    [Fact]
    public void A_box_trace_has_its_sample_on_y_and_optional_groups_on_x()
    {
        var trace = Trace(Chart.Box(new[] { 1, 2, 3, 4 }, name: "cost", groups: ["a", "a", "b", "b"], showPoints: true));
        Assert.Equal("box", trace.GetProperty("type").GetString());
        Assert.Equal([1.0, 2, 3, 4], Numbers(trace.GetProperty("y")));
        Assert.Equal("b", trace.GetProperty("x")[3].GetString());
        Assert.Equal("all", trace.GetProperty("boxpoints").GetString());
    }

    [Fact]
    public void Parallel_coordinates_have_dimensions_with_label_values_range_and_line_colors()
    {
        var figure = Chart.ParallelCoordinates(
            [ParcoordsDimension.Of("log10 α", new[] { -4.0, -3, -2 }, range: (-5, -1)), ParcoordsDimension.Of("β", new[] { 0.9f, 0.99f, 0.95f })],
            color: [0.8, 0.9, 0.7]);
        var trace = Trace(figure);
        Assert.Equal("parcoords", trace.GetProperty("type").GetString());
        var dims = trace.GetProperty("dimensions");
        Assert.Equal("log10 α", dims[0].GetProperty("label").GetString());
        Assert.Equal([-4.0, -3, -2], Numbers(dims[0].GetProperty("values")));
        Assert.Equal([-5.0, -1], Numbers(dims[0].GetProperty("range")));
        Assert.False(dims[1].TryGetProperty("range", out _));
        Assert.Equal([0.8, 0.9, 0.7], Numbers(trace.GetProperty("line").GetProperty("color")));
        Assert.Equal("Viridis", trace.GetProperty("line").GetProperty("colorscale").GetString());
        Assert.False(trace.TryGetProperty("xaxis", out _));
    }

    [Fact]
    public void Titles_in_text_are_escaped_so_the_json_can_sit_in_a_script_element()
    {
        string json = Chart.Line(new[] { 1 }).WithTitle("</script><b>x</b>").ToJson();
        Assert.DoesNotContain("</script>", json);
        Assert.Equal("</script><b>x</b>", JsonDocument.Parse(json).RootElement.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }
}
