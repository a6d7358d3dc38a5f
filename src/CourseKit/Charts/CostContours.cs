using Plotly.NET;
using Plotly.NET.CSharp;
using static CourseKit.Charts.PlotlyInterop;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace CourseKit.Charts;

/// <summary>A sequence of points (θ₁, θ₂) an optimizer visited, drawn by <see cref="CostContours.Plot"/>.</summary>
/// <param name="Name">The legend entry, e.g. <c>"momentum"</c>.</param>
/// <param name="X">θ₁ of each step, starting with the initial point.</param>
/// <param name="Y">θ₂ of each step (as many as <paramref name="X"/>).</param>
public sealed record OptimizerPath(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>
/// The contour lines of a cost J(θ₁, θ₂) of two parameters, with the paths optimizers took over them — the picture of
/// elongated versus round cost contours in the setting-up-optimization chapter, and of momentum, RMSprop and Adam on
/// a bowl and a saddle in the optimization-algorithms chapter.
/// </summary>
public static class CostContours
{
    /// <summary>Contours of <paramref name="cost"/> over a grid, with each path drawn as a line with markers.</summary>
    /// <param name="cost">J(θ₁, θ₂); must be finite on the grid.</param>
    /// <param name="xRange">The θ₁ axis, min &lt; max.</param>
    /// <param name="yRange">The θ₂ axis, min &lt; max.</param>
    /// <param name="paths">The optimizers' paths (each at least one point).</param>
    /// <param name="resolution">Grid points per axis (≥ 2).</param>
    /// <param name="contours">How many contour lines Plotly aims for (≥ 1).</param>
    public static GenericChart Plot(Func<double, double, double> cost, (double Min, double Max) xRange, (double Min, double Max) yRange,
        IEnumerable<OptimizerPath> paths, int resolution = 120, int contours = 20)
    {
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(paths);
        if (contours < 1) throw new ArgumentOutOfRangeException(nameof(contours), contours, $"contours: expected ≥ 1, actual {contours}.");
        double[][] z = Grid(cost, xRange, yRange, resolution, out double[] xs, out double[] ys);
        var lines = PlotlyChart.Contour<double, double, double, string>(z, X: xs, Y: ys, Name: "cost J", ShowScale: false, NContours: contours,
            ColorScale: StyleParam.Colorscale.Viridis, Contours: Style<Plotly.NET.TraceObjects.Contours>(("coloring", "lines")));
        // Plotly.NET gives contour traces a line width of 0, which hides contours drawn as lines.
        var charts = new List<GenericChart> { MapTraces(lines, trace => { trace.SetProperty("line", Style<Line>(("width", 1.5))); return trace; }) };
        int color = 0;
        foreach (var path in paths)
        {
            RequirePath(path);
            string c = Palette.Color(1 + color++);
            charts.Add(PlotlyChart.Line<double, double, string>(path.X, path.Y, Name: path.Name, ShowMarkers: true,
                LineColor: Color.fromString(c), MarkerColor: Color.fromString(c)));
        }
        return PlotlyChart.Combine(charts)
            .WithXAxisStyle<double, double, string>(TitleText: "θ₁", MinMax: Tuple.Create(xRange.Min, xRange.Max))
            .WithYAxisStyle<double, double, string>(TitleText: "θ₂", MinMax: Tuple.Create(yRange.Min, yRange.Max));
    }

    /// <summary>J at every grid point: <c>z[i][j] = J(xs[j], ys[i])</c>, with xs and ys evenly spaced over the ranges.</summary>
    public static double[][] Grid(Func<double, double, double> cost, (double Min, double Max) xRange, (double Min, double Max) yRange,
        int resolution, out double[] xs, out double[] ys)
    {
        ArgumentNullException.ThrowIfNull(cost);
        if (resolution < 2) throw new ArgumentOutOfRangeException(nameof(resolution), resolution, $"resolution: expected ≥ 2, actual {resolution}.");
        xs = Axis(xRange, resolution, nameof(xRange));
        ys = Axis(yRange, resolution, nameof(yRange));
        var z = new double[resolution][];
        for (int i = 0; i < resolution; i++)
        {
            z[i] = new double[resolution];
            for (int j = 0; j < resolution; j++)
            {
                double value = cost(xs[j], ys[i]);
                if (!double.IsFinite(value))
                    throw new ArgumentException($"cost: expected finite values on the grid, actual {value} at ({xs[j]}, {ys[i]}).", nameof(cost));
                z[i][j] = value;
            }
        }
        return z;
    }

    private static double[] Axis((double Min, double Max) range, int n, string argument)
    {
        if (!double.IsFinite(range.Min) || !double.IsFinite(range.Max) || !(range.Min < range.Max))
            throw new ArgumentException($"{argument}: expected finite Min < Max, actual ({range.Min}, {range.Max}).", argument);
        return Enumerable.Range(0, n).Select(k => range.Min + (range.Max - range.Min) * k / (n - 1)).ToArray();
    }

    private static void RequirePath(OptimizerPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.X is null || path.Y is null || path.X.Count == 0 || path.X.Count != path.Y.Count)
            throw new ArgumentException($"paths: expected X and Y of the same length ≥ 1 in '{path.Name}', actual {path.X?.Count} and {path.Y?.Count}.", nameof(path));
    }
}
