using CourseKit.Charts;
using static CourseKit.Tests.Charts.FigureJson;

namespace CourseKit.Tests.Charts;

public sealed class CostContoursTests
{
    private static double Bowl(double x, double y) => x * x + 10 * y * y;

    [Fact]
    public void The_grid_holds_the_cost_at_each_point_row_by_y()
    {
        double[][] z = CostContours.Grid(Bowl, (-2, 2), (-1, 1), 5, out double[] xs, out double[] ys);
        Assert.Equal([-2.0, -1, 0, 1, 2], xs);
        Assert.Equal([-1.0, -0.5, 0, 0.5, 1], ys);
        Assert.Equal(Bowl(xs[3], ys[1]), z[1][3]);
        Assert.Equal(0, z[2][2]);
    }

    [Fact]
    public void The_figure_has_the_contours_then_one_line_per_path_with_its_points()
    {
        var path = new OptimizerPath("gradient descent", [1.5, 1.0, 0.5], [0.8, -0.4, 0.2]);
        var figure = CostContours.Plot(Bowl, (-2, 2), (-1, 1), [path], resolution: 30, contours: 12);
        var contours = Trace(figure, 0);
        Assert.Equal("contour", contours.GetProperty("type").GetString());
        Assert.Equal(12, contours.GetProperty("ncontours").GetInt32());
        Assert.Equal(1.5, contours.GetProperty("line").GetProperty("width").GetDouble());     // visible lines
        var line = Trace(figure, 1);
        Assert.Equal("gradient descent", line.GetProperty("name").GetString());
        Assert.Equal([1.5, 1.0, 0.5], Numbers(line.GetProperty("x")));
        Assert.Equal([0.8, -0.4, 0.2], Numbers(line.GetProperty("y")));
    }

    [Fact]
    public void Bad_ranges_paths_and_costs_are_refused_with_the_argument_named()
    {
        Assert.Contains("xRange: expected finite Min < Max", Assert.Throws<ArgumentException>(() =>
            CostContours.Plot(Bowl, (1, 1), (-1, 1), [])).Message);
        Assert.Contains("'broken'", Assert.Throws<ArgumentException>(() =>
            CostContours.Plot(Bowl, (-1, 1), (-1, 1), [new OptimizerPath("broken", [1, 2], [1])])).Message);
        Assert.Contains("cost: expected finite values", Assert.Throws<ArgumentException>(() =>
            CostContours.Plot((x, y) => Math.Log(x), (-1, 1), (-1, 1), [])).Message);
    }
}
