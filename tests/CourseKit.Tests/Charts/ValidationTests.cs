using CourseKit.Charts;
using CourseKit.Tensors;

namespace CourseKit.Tests.Charts;

public sealed class ValidationTests
{
    [Fact]
    public void Lengths_of_x_and_y_must_match()
    {
        var ex = Assert.Throws<ArgumentException>(() => Chart.Line(new[] { 1, 2, 3 }, new[] { 1f, 2f }));
        Assert.Equal("y", ex.ParamName);
        Assert.Contains("expected 3 values (one per x), actual 2", ex.Message);
    }

    [Fact]
    public void Empty_data_is_refused_naming_the_argument()
    {
        var line = Assert.Throws<ArgumentException>(() => Chart.Line(Array.Empty<double>(), Array.Empty<double>()));
        Assert.Equal("x", line.ParamName);
        Assert.Contains("expected at least one value, actual 0", line.Message);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Chart.Histogram(Array.Empty<float>())).ParamName);
        Assert.Equal("categories", Assert.Throws<ArgumentException>(() => Chart.Bar([], Array.Empty<int>())).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => Chart.Heatmap(new Matrix(0, 3))).ParamName);
        Assert.Equal("dimensions", Assert.Throws<ArgumentException>(() => Chart.ParallelCoordinates([])).ParamName);
    }

    [Fact]
    public void Colors_need_one_value_per_point()
    {
        var ex = Assert.Throws<ArgumentException>(() => Chart.Scatter(new[] { 1, 2 }, new[] { 1, 2 }, color: new[] { 0 }));
        Assert.Equal("color", ex.ParamName);
        Assert.Contains("expected 2 values (one per point), actual 1", ex.Message);
    }

    [Fact]
    public void A_histogram_with_bins_needs_a_finite_value_and_at_least_one_bin()
    {
        Assert.Contains("bins: expected ≥ 1, actual 0", Assert.Throws<ArgumentOutOfRangeException>(() => Chart.Histogram(new[] { 1.0 }, bins: 0)).Message);
        var allNaN = Assert.Throws<ArgumentException>(() => Chart.Histogram(new[] { double.NaN, double.NaN }, bins: 3));
        Assert.Contains("expected at least one finite value, actual none of 2", allNaN.Message);
    }

    [Fact]
    public void Heatmap_rows_must_be_equally_long_and_coordinates_match_the_grid()
    {
        var ragged = Assert.Throws<ArgumentException>(() => Chart.Heatmap(new double[][] { [1, 2], [3] }));
        Assert.Contains("z[1]: expected 2 values (as row 0), actual 1", ragged.Message);
        var x = Assert.Throws<ArgumentException>(() => Chart.Heatmap(new Matrix(2, 3), x: [1, 2]));
        Assert.Equal("x", x.ParamName);
        Assert.Contains("expected 3 values (one per column of z), actual 2", x.Message);
        var y = Assert.Throws<ArgumentException>(() => Chart.Contour(new Matrix(2, 3), y: [1, 2, 3]));
        Assert.Contains("expected 2 values (one per row of z), actual 3", y.Message);
    }

    [Fact]
    public void Parallel_coordinate_dimensions_must_have_equal_lengths()
    {
        var ex = Assert.Throws<ArgumentException>(() => Chart.ParallelCoordinates(
            [ParcoordsDimension.Of("a", new[] { 1, 2, 3 }), ParcoordsDimension.Of("b", new[] { 1, 2 })]));
        Assert.Contains("dimensions[1] (b): expected 3 values (as dimensions[0]), actual 2", ex.Message);
    }

    [Fact]
    public void A_log_axis_range_must_be_positive()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Chart.Line(new[] { 1 }).WithYAxis(log: true, range: (0, 1)));
        Assert.Equal("range", ex.ParamName);
        Assert.Contains("low > 0 (log axis)", ex.Message);
        Assert.Contains("actual (0, 1)", ex.Message);
    }

    [Fact]
    public void An_unknown_scatter_mode_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => Chart.Line(new[] { 1 }, mode: "dots"));
        Assert.Contains("actual \"dots\"", ex.Message);
    }

    [Fact]
    public void Discrete_and_stop_colorscales_check_their_input()
    {
        Assert.Throws<ArgumentException>(() => ColorScale.Discrete([]));
        var ex = Assert.Throws<ArgumentException>(() => ColorScale.FromStops([(0, "red"), (0.5, "blue")]));
        Assert.Contains("expected positions from 0 to 1, actual 0 to 0.5", ex.Message);
    }
}
