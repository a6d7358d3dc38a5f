using CourseKit.Data;
using CourseKit.Nn;
using CourseKit.Tensors;
using Plotly.NET;
using Plotly.NET.CSharp;
using Plotly.NET.TraceObjects;
using static CourseKit.Charts.PlotlyInterop;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace CourseKit.Charts;

/// <summary>How <see cref="DecisionRegions"/> draws the regions.</summary>
public enum RegionStyle
{
    /// <summary>One cell per grid point, in its predicted class's color: exact, with stepped boundaries.</summary>
    Heatmap,

    /// <summary>Filled contours of the predicted class (levels at 0.5, 1.5, …): smooth boundaries, interpolated between grid points.</summary>
    Contour,
}

/// <summary>The predicted class at every point of a grid: <c>Classes[i][j]</c> is the class at (<c>X[j]</c>, <c>Y[i]</c>).</summary>
/// <param name="X">Grid x coordinates, rising.</param>
/// <param name="Y">Grid y coordinates, rising.</param>
/// <param name="Classes">Predicted class per grid point, one array per y.</param>
public sealed record DecisionGrid(double[] X, double[] Y, int[][] Classes);

/// <summary>
/// Decision regions of a 2-D classifier: its prediction on a grid over the data's bounding box, drawn as colored
/// regions under the data points (colored by their true class).
/// </summary>
/// <example><code>DecisionRegions.Plot(model, new SoftmaxCrossEntropyLoss(), Synthetic.Spirals(300, 3, 0.05, seed: 0))</code></example>
public static class DecisionRegions
{
    /// <summary>Regions of <paramref name="model"/>'s predictions (<see cref="Sequential.Predict"/>, inference mode, then <see cref="ILoss.Predict"/>).</summary>
    public static GenericChart Plot(Sequential model, ILoss loss, Dataset data, int resolution = 200, RegionStyle style = RegionStyle.Heatmap)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loss);
        return Plot(x => loss.Predict(model.Predict(x)), data, resolution, style);
    }

    /// <summary>Regions of the most probable class of <paramref name="probabilities"/> (m × C class probabilities, or logits, per row).</summary>
    public static GenericChart Plot(Func<Matrix, Matrix> probabilities, Dataset data, int resolution = 200, RegionStyle style = RegionStyle.Heatmap)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(data);
        return Plot(x => ArgMax(probabilities(x), x.Rows, data.ClassCount), data, resolution, style);
    }

    /// <summary>Regions of <paramref name="predict"/>, which maps m × 2 points to m class indices in [0, C).</summary>
    /// <param name="predict">The classifier.</param>
    /// <param name="data">A 2-feature data set: its bounding box (padded by 10 % of each side) sets the grid.</param>
    /// <param name="resolution">Grid points per axis (≥ 2); the classifier sees resolution² points at once.</param>
    /// <param name="style">Heatmap cells (exact) or filled contours (smooth).</param>
    public static GenericChart Plot(Func<Matrix, int[]> predict, Dataset data, int resolution = 200, RegionStyle style = RegionStyle.Heatmap)
    {
        DecisionGrid grid = Evaluate(predict, data, resolution);
        int k = data.ClassCount;
        var charts = new List<GenericChart> { Regions(grid, k, style) };
        for (int c = 0; c < k; c++)
        {
            var rows = Enumerable.Range(0, data.Count).Where(i => data.Labels[i] == c).ToArray();
            if (rows.Length == 0) continue;
            charts.Add(PlotlyChart.Point<double, double, string>(
                rows.Select(i => Series.Widen(data.Features[i, 0])), rows.Select(i => Series.Widen(data.Features[i, 1])),
                Name: data.ClassNames?[c] ?? $"class {c}", MarkerColor: Color.fromString(Palette.Color(c)),
                MarkerOutline: Style<Line>(("color", "white"), ("width", 0.5))));
        }
        string title = data.Name is null ? "Decision regions" : $"Decision regions — {data.Name}";
        return PlotlyChart.Combine(charts).WithTitle(title)
            .WithXAxisStyle<double, double, string>(TitleText: data.FeatureNames?[0] ?? "x1", MinMax: Tuple.Create(grid.X[0], grid.X[^1]))
            .WithYAxisStyle<double, double, string>(TitleText: data.FeatureNames?[1] ?? "x2", MinMax: Tuple.Create(grid.Y[0], grid.Y[^1]));
    }

    // The predicted class per grid point in its class's color, under the points: steps of one color per class.
    private static GenericChart Regions(DecisionGrid grid, int classes, RegionStyle style)
    {
        double[][] z = grid.Classes.Select(row => row.Select(c => (double)c).ToArray()).ToArray();
        var scale = StyleParam.Colorscale.NewCustom(Enumerable.Range(0, classes).SelectMany(c => new[]
        {
            Tuple.Create((double)c / classes, Color.fromString(Palette.Color(c))),
            Tuple.Create((c + 1.0) / classes, Color.fromString(Palette.Color(c))),
        }));
        var regions = style == RegionStyle.Heatmap
            ? PlotlyChart.Heatmap<double, double, double, string>(z, X: grid.X, Y: grid.Y, Name: "predicted class", ShowScale: false, Opacity: 0.35, ColorScale: scale)
            : PlotlyChart.Contour<double, double, double, string>(z, X: grid.X, Y: grid.Y, Name: "predicted class", ShowScale: false, Opacity: 0.35, ColorScale: scale,
                Contours: Style<Contours>(("coloring", "fill"), ("showlines", false), ("start", 0.5), ("end", Math.Max(0.5, classes - 1.5)), ("size", 1.0)));
        // Class c is drawn where z = c, the middle of its color step from (c − 0.5) to (c + 0.5).
        return MapTraces(regions, trace =>
        {
            trace.SetProperty("zmin", -0.5);
            trace.SetProperty("zmax", classes - 0.5);
            return trace;
        });
    }

    /// <summary>
    /// <paramref name="predict"/> at every point of a <paramref name="resolution"/> × <paramref name="resolution"/> grid
    /// spanning the data's bounding box padded by 10 % of its width and height on each side.
    /// </summary>
    public static DecisionGrid Evaluate(Func<Matrix, int[]> predict, Dataset data, int resolution = 200)
    {
        ArgumentNullException.ThrowIfNull(predict);
        ArgumentNullException.ThrowIfNull(data);
        if (data.FeatureCount != 2)
            throw new ArgumentException($"data: expected 2 features (a 2-D set such as Synthetic.Moons), actual {data.FeatureCount}.", nameof(data));
        if (data.Count == 0) throw new ArgumentException("data: expected at least one example, actual 0.", nameof(data));
        if (resolution < 2) throw new ArgumentOutOfRangeException(nameof(resolution), resolution, $"resolution: expected ≥ 2, actual {resolution}.");
        double[] xs = Axis(data, 0, resolution), ys = Axis(data, 1, resolution);
        var points = new Matrix(resolution * resolution, 2);
        for (int i = 0; i < resolution; i++)
            for (int j = 0; j < resolution; j++)
            {
                points[i * resolution + j, 0] = (float)xs[j];
                points[i * resolution + j, 1] = (float)ys[i];
            }
        int[] predicted = predict(points) ?? throw new InvalidOperationException("predict: expected class indices, actual null.");
        if (predicted.Length != points.Rows)
            throw new InvalidOperationException($"predict: expected {points.Rows} class indices (one per grid point), actual {predicted.Length}.");
        var classes = new int[resolution][];
        for (int i = 0; i < resolution; i++)
        {
            classes[i] = predicted.AsSpan(i * resolution, resolution).ToArray();
            foreach (int c in classes[i])
                if ((uint)c >= (uint)data.ClassCount)
                    throw new InvalidOperationException($"predict: expected class indices in [0, {data.ClassCount}), actual {c}.");
        }
        return new DecisionGrid(xs, ys, classes);
    }

    private static double[] Axis(Dataset data, int feature, int resolution)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int i = 0; i < data.Count; i++)
        {
            double v = data.Features[i, feature];
            if (!double.IsFinite(v))
                throw new ArgumentException($"data: expected finite features, actual {v} at row {i}, feature {feature}.", nameof(data));
            (min, max) = (Math.Min(min, v), Math.Max(max, v));
        }
        double pad = max > min ? 0.1 * (max - min) : 0.5;
        (min, max) = (min - pad, max + pad);
        return Enumerable.Range(0, resolution).Select(j => min + (max - min) * j / (resolution - 1)).ToArray();
    }

    private static int[] ArgMax(Matrix scores, int rows, int classes)
    {
        if (scores is null || scores.Rows != rows || scores.Cols != classes)
            throw new InvalidOperationException($"probabilities: expected a {rows} × {classes} matrix (grid points × classes), actual {(scores is null ? "null" : $"{scores.Rows} × {scores.Cols}")}.");
        var result = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            Span<float> row = scores.Row(i);
            int best = 0;
            for (int c = 1; c < classes; c++) if (row[c] > row[best]) best = c;
            result[i] = best;
        }
        return result;
    }
}
