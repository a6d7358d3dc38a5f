using CourseKit.Tensors;

namespace CourseKit.Charts;

public static partial class Chart
{
    /// <summary>A heatmap of <paramref name="z"/>: <c>z[i, j]</c> is drawn at (x[j], y[i]) — rows along y, columns along x.</summary>
    /// <param name="z">The values, rows × columns.</param>
    /// <param name="x">Column coordinates (one per column); 0, 1, … when null.</param>
    /// <param name="y">Row coordinates (one per row); 0, 1, … when null.</param>
    /// <param name="colorScale">The scale; Viridis when null.</param>
    /// <param name="showScale">Whether a colorbar is drawn.</param>
    public static Figure Heatmap(Matrix z, IEnumerable<double>? x = null, IEnumerable<double>? y = null,
        ColorScale? colorScale = null, bool showScale = true) =>
        Heatmap(Rows(z), x, y, colorScale, showScale);

    /// <summary>A heatmap of <paramref name="z"/> (one array per row, all of the same length): <c>z[i][j]</c> at (x[j], y[i]).</summary>
    /// <param name="z">The values, one array per row.</param>
    /// <param name="x">Column coordinates (one per column); 0, 1, … when null.</param>
    /// <param name="y">Row coordinates (one per row); 0, 1, … when null.</param>
    /// <param name="colorScale">The scale; Viridis when null.</param>
    /// <param name="showScale">Whether a colorbar is drawn.</param>
    public static Figure Heatmap(IReadOnlyList<IReadOnlyList<double>> z, IEnumerable<double>? x = null, IEnumerable<double>? y = null,
        ColorScale? colorScale = null, bool showScale = true)
    {
        var (grid, xs, ys) = CheckGrid(z, x, y);
        return Single(new HeatmapTrace { Z = grid, X = xs, Y = ys, ColorScale = colorScale ?? ColorScale.Viridis, ShowScale = showScale });
    }

    /// <summary>Filled level curves of <paramref name="z"/> over the x/y grid (<c>z[i, j]</c> at (x[j], y[i])).</summary>
    /// <param name="z">The values, rows × columns.</param>
    /// <param name="x">Column coordinates; 0, 1, … when null.</param>
    /// <param name="y">Row coordinates; 0, 1, … when null.</param>
    /// <param name="colorScale">The scale; Viridis when null.</param>
    /// <param name="showScale">Whether a colorbar is drawn.</param>
    /// <param name="opacity">Opacity in [0, 1] (below 1 lets points drawn on top stand out).</param>
    /// <param name="contours">Levels and coloring; plotly's automatic levels when null.</param>
    public static Figure Contour(Matrix z, IEnumerable<double>? x = null, IEnumerable<double>? y = null,
        ColorScale? colorScale = null, bool showScale = true, double opacity = 1, Contours? contours = null) =>
        Contour(Rows(z), x, y, colorScale, showScale, opacity, contours);

    /// <summary>Filled level curves of <paramref name="z"/> (one array per row) over the x/y grid.</summary>
    /// <param name="z">The values, one array per row.</param>
    /// <param name="x">Column coordinates; 0, 1, … when null.</param>
    /// <param name="y">Row coordinates; 0, 1, … when null.</param>
    /// <param name="colorScale">The scale; Viridis when null.</param>
    /// <param name="showScale">Whether a colorbar is drawn.</param>
    /// <param name="opacity">Opacity in [0, 1].</param>
    /// <param name="contours">Levels and coloring; plotly's automatic levels when null.</param>
    public static Figure Contour(IReadOnlyList<IReadOnlyList<double>> z, IEnumerable<double>? x = null, IEnumerable<double>? y = null,
        ColorScale? colorScale = null, bool showScale = true, double opacity = 1, Contours? contours = null)
    {
        var (grid, xs, ys) = CheckGrid(z, x, y);
        if (!(opacity >= 0 && opacity <= 1))
            throw new ArgumentOutOfRangeException(nameof(opacity), opacity, $"opacity: expected a value in [0, 1], actual {opacity}.");
        return Single(new ContourTrace
        {
            Z = grid, X = xs, Y = ys, ColorScale = colorScale ?? ColorScale.Viridis, ShowScale = showScale,
            Opacity = opacity == 1 ? null : opacity, Contours = contours,
        });
    }

    /// <summary>
    /// Parallel coordinates: one vertical axis per dimension, one line per sample, colored by <paramref name="color"/>
    /// (e.g. each tuning trial's objective) through <paramref name="colorScale"/>.
    /// </summary>
    /// <param name="dimensions">The axes (see <see cref="ParcoordsDimension.Of{T}"/>), all with the same number of values.</param>
    /// <param name="color">A number per sample, or null for one color.</param>
    /// <param name="colorScale">The scale; Viridis when null.</param>
    public static Figure ParallelCoordinates(IEnumerable<ParcoordsDimension> dimensions, IEnumerable<double>? color = null, ColorScale? colorScale = null)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ParcoordsDimension[] dims = dimensions.ToArray();
        if (dims.Length == 0) throw new ArgumentException("dimensions: expected at least one dimension, actual 0.", nameof(dimensions));
        int n = dims[0].Values.Length;
        if (n == 0) throw new ArgumentException($"dimensions[0] ({dims[0].Label}): expected at least one value, actual 0.", nameof(dimensions));
        for (int d = 1; d < dims.Length; d++)
            if (dims[d].Values.Length != n)
                throw new ArgumentException($"dimensions[{d}] ({dims[d].Label}): expected {n} values (as dimensions[0]), actual {dims[d].Values.Length}.", nameof(dimensions));
        ParcoordsLine? line = null;
        if (color is not null)
        {
            double[] c = color.ToArray();
            Series.SameLength(n, c.Length, nameof(color), "one per sample");
            line = new ParcoordsLine { Color = c, ColorScale = colorScale ?? ColorScale.Viridis, ShowScale = true };
        }
        return Single(new ParcoordsTrace { Dimensions = dims, Line = line });
    }

    private static double[][] Rows(Matrix z)
    {
        ArgumentNullException.ThrowIfNull(z);
        var rows = new double[z.Rows][];
        for (int i = 0; i < z.Rows; i++) rows[i] = z.Row(i).ToArray().Select(Series.Widen).ToArray();
        return rows;
    }

    private static (double[][] Z, double[]? X, double[]? Y) CheckGrid(IReadOnlyList<IReadOnlyList<double>> z, IEnumerable<double>? x, IEnumerable<double>? y)
    {
        double[][] grid = Series.Rectangular(z, nameof(z));
        double[]? xs = x?.ToArray(), ys = y?.ToArray();
        if (xs is not null) Series.SameLength(grid[0].Length, xs.Length, nameof(x), "one per column of z");
        if (ys is not null) Series.SameLength(grid.Length, ys.Length, nameof(y), "one per row of z");
        return (grid, xs, ys);
    }
}
