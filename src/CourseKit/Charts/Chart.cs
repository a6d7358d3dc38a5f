using System.Numerics;

namespace CourseKit.Charts;

/// <summary>
/// One-call charts: <c>Chart.Line(x, y)</c>, <c>Chart.Scatter(x, y, color: labels)</c>, <c>Chart.Histogram(values, bins)</c>, …
/// Each returns a <see cref="Figure"/> to refine with <c>With…</c> and to combine with <see cref="Combine"/> or <see cref="Grid"/>.
/// </summary>
/// <remarks>
/// Numbers may be any numeric type (float[], int[], double[], a LINQ query). A NaN or ±∞ value is kept and written as
/// null, which plotly draws as a gap in a line, a blank heatmap cell, and leaves out of histograms and boxes — a
/// diverged run shows as a broken curve, never as a silently dropped point. Lengths that must match are checked.
/// </remarks>
public static partial class Chart
{
    /// <summary>A line through (x[i], y[i]).</summary>
    /// <param name="x">x coordinates.</param>
    /// <param name="y">y coordinates, one per x.</param>
    /// <param name="name">Legend name.</param>
    /// <param name="mode">One of <see cref="ScatterMode"/>; lines by default.</param>
    public static Figure Line<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, string? name = null, string mode = ScatterMode.Lines)
        where TX : INumberBase<TX> where TY : INumberBase<TY> =>
        Single(XyTrace(Series.NonEmpty(x, nameof(x)), Series.ToDoubles(y, nameof(y)), name, mode));

    /// <summary>A line through (i, y[i]) for i = 0, 1, ….</summary>
    public static Figure Line<TY>(IEnumerable<TY> y, string? name = null, string mode = ScatterMode.Lines) where TY : INumberBase<TY>
    {
        double[] values = Series.NonEmpty(y, nameof(y));
        return Single(XyTrace(Series.Indices(values.Length), values, name, mode));
    }

    /// <summary>A scatter plot of the points (x[i], y[i]) in one color.</summary>
    /// <param name="x">x coordinates.</param>
    /// <param name="y">y coordinates, one per x.</param>
    /// <param name="name">Legend name.</param>
    /// <param name="mode">One of <see cref="ScatterMode"/>; markers by default.</param>
    /// <param name="size">Marker diameter in pixels.</param>
    public static Figure Scatter<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, string? name = null, string mode = ScatterMode.Markers, double? size = null)
        where TX : INumberBase<TX> where TY : INumberBase<TY>
    {
        var trace = XyTrace(Series.NonEmpty(x, nameof(x)), Series.ToDoubles(y, nameof(y)), name, mode);
        return Single(size is null ? trace : trace with { Marker = new Marker { Size = CheckSize(size.Value) } });
    }

    /// <summary>A scatter plot whose point i is colored by <paramref name="color"/>[i] (a class label, a cost, …) through a colorscale.</summary>
    /// <param name="x">x coordinates.</param>
    /// <param name="y">y coordinates, one per x.</param>
    /// <param name="color">A number per point, mapped through <paramref name="colorScale"/>.</param>
    /// <param name="name">Legend name.</param>
    /// <param name="colorScale">The scale; Viridis when null.</param>
    /// <param name="showScale">Whether a colorbar is drawn.</param>
    /// <param name="size">Marker diameter in pixels.</param>
    public static Figure Scatter<TX, TY, TC>(IEnumerable<TX> x, IEnumerable<TY> y, IEnumerable<TC> color, string? name = null,
        ColorScale? colorScale = null, bool showScale = true, double? size = null)
        where TX : INumberBase<TX> where TY : INumberBase<TY> where TC : INumberBase<TC>
    {
        var trace = XyTrace(Series.NonEmpty(x, nameof(x)), Series.ToDoubles(y, nameof(y)), name, ScatterMode.Markers);
        double[] colors = Series.ToDoubles(color, nameof(color));
        Series.SameLength(trace.X.Length, colors.Length, nameof(color), "one per point");
        var marker = new Marker
        {
            Color = colors, ColorScale = colorScale ?? ColorScale.Viridis, ShowScale = showScale,
            Size = size is null ? null : CheckSize(size.Value),
        };
        return Single(trace with { Marker = marker });
    }

    /// <summary>A histogram of <paramref name="values"/>: <paramref name="bins"/> equal bins from the smallest to the largest finite value, or plotly's choice when null.</summary>
    public static Figure Histogram<T>(IEnumerable<T> values, int? bins = null, string? name = null) where T : INumberBase<T>
    {
        double[] x = Series.NonEmpty(values, nameof(values));
        Bins? xbins = null;
        if (bins is { } n)
        {
            if (n < 1) throw new ArgumentOutOfRangeException(nameof(bins), n, $"bins: expected ≥ 1, actual {n}.");
            var (min, max) = Series.FiniteRange(x, nameof(values));
            // A hair wider than (max − min)/n so that the largest value falls inside the last bin, not on its right edge.
            double size = max > min ? (max - min) / n * (1 + 1e-9) : 1;
            xbins = new Bins(min, min + n * size, size);
        }
        return Single(new HistogramTrace { X = x, XBins = xbins, Name = name });
    }

    /// <summary>A bar per category: <paramref name="values"/>[i] over <paramref name="categories"/>[i].</summary>
    public static Figure Bar<T>(IEnumerable<string> categories, IEnumerable<T> values, string? name = null) where T : INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(categories);
        string[] x = categories.ToArray();
        if (x.Length == 0) throw new ArgumentException("categories: expected at least one category, actual 0.", nameof(categories));
        double[] y = Series.ToDoubles(values, nameof(values));
        Series.SameLength(x.Length, y.Length, nameof(values), "one per category");
        return Single(new BarTrace { X = x, Y = y, Name = name });
    }

    /// <summary>A box plot (median, quartiles, whiskers) of <paramref name="values"/>; one box per distinct group when <paramref name="groups"/> is given.</summary>
    /// <param name="values">The sample.</param>
    /// <param name="name">Legend name.</param>
    /// <param name="groups">Optional group per value.</param>
    /// <param name="showPoints">Whether every point is drawn beside the box.</param>
    public static Figure Box<T>(IEnumerable<T> values, string? name = null, IEnumerable<string>? groups = null, bool showPoints = false)
        where T : INumberBase<T>
    {
        double[] y = Series.NonEmpty(values, nameof(values));
        string[]? x = groups?.ToArray();
        if (x is not null) Series.SameLength(y.Length, x.Length, nameof(groups), "one per value");
        return Single(new BoxTrace { Y = y, X = x, Name = name, BoxPoints = showPoints ? "all" : null });
    }

    private static Figure Single(Trace trace) => new([trace]);

    private static ScatterTrace XyTrace(double[] x, double[] y, string? name, string mode)
    {
        Series.SameLength(x.Length, y.Length, "y", "one per x");
        if (mode is not (ScatterMode.Lines or ScatterMode.Markers or ScatterMode.LinesAndMarkers))
            throw new ArgumentException($"mode: expected \"lines\", \"markers\" or \"lines+markers\", actual \"{mode}\".", nameof(mode));
        return new ScatterTrace { X = x, Y = y, Name = name, Mode = mode };
    }

    private static double CheckSize(double size) => size > 0 && double.IsFinite(size) ? size
        : throw new ArgumentOutOfRangeException(nameof(size), size, $"size: expected a finite value > 0, actual {size}.");
}
