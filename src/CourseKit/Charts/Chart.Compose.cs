namespace CourseKit.Charts;

public static partial class Chart
{
    /// <summary>
    /// Overlays <paramref name="figures"/> on one pair of axes: all their traces, in order; the layout of the first, with
    /// title, axes and other settings it leaves unset taken from the later ones. Two or more histograms overlay
    /// (<c>barmode: "overlay"</c>) at opacity 0.6 unless set otherwise.
    /// </summary>
    public static Figure Combine(params Figure[] figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (figures.Length == 0) throw new ArgumentException("figures: expected at least one figure, actual 0.", nameof(figures));
        for (int i = 0; i < figures.Length; i++)
            if (figures[i] is null) throw new ArgumentNullException(nameof(figures), $"figures[{i}]: expected a figure, actual null.");
        var traces = figures.SelectMany(f => f.Traces).ToList();
        Layout layout = figures[0].Layout;
        foreach (var later in figures.Skip(1).Select(f => f.Layout))
        {
            var axes = new Dictionary<string, Axis>(later.Axes);
            foreach (var (key, axis) in layout.Axes) axes[key] = axis;
            layout = layout with
            {
                Title = layout.Title ?? later.Title, ShowLegend = layout.ShowLegend ?? later.ShowLegend, Legend = layout.Legend ?? later.Legend,
                Grid = layout.Grid ?? later.Grid, Width = layout.Width ?? later.Width, Height = layout.Height ?? later.Height,
                BarMode = layout.BarMode ?? later.BarMode, Annotations = layout.Annotations ?? later.Annotations, Axes = axes,
            };
        }
        if (layout.BarMode is null && traces.Count(t => t is HistogramTrace) >= 2)
        {
            layout = layout with { BarMode = "overlay" };
            traces = traces.Select(t => t is HistogramTrace { Opacity: null } h ? h with { Opacity = 0.6 } : t).ToList();
        }
        return new Figure(traces, layout);
    }

    /// <summary>
    /// Subplots: <paramref name="charts"/> placed in a <paramref name="rows"/> × <paramref name="columns"/> grid, row by
    /// row (plotly's <c>layout.grid</c>, pattern independent). Chart k (0-based) draws on axes <c>x{k+1}</c>/<c>y{k+1}</c>
    /// (<c>x</c>/<c>y</c> for the first) and keeps its axis titles, scales and ranges; its title becomes a caption above its cell.
    /// Parallel-coordinates charts take their cell through <c>domain</c>.
    /// </summary>
    public static Figure Grid(int rows, int columns, params Figure[] charts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentNullException.ThrowIfNull(charts);
        if (charts.Length == 0 || charts.Length > rows * columns)
            throw new ArgumentException($"charts: expected 1 to {rows * columns} charts (rows × columns), actual {charts.Length}.", nameof(charts));
        var traces = new List<Trace>();
        var axes = new Dictionary<string, Axis>();
        var captions = new List<Annotation>();
        for (int k = 0; k < charts.Length; k++)
        {
            Figure chart = charts[k] ?? throw new ArgumentNullException(nameof(charts), $"charts[{k}]: expected a figure, actual null.");
            if (chart.Layout.Grid is not null || chart.Traces.OfType<CartesianTrace>().Any(t => t.XAxis is not (null or "x") || t.YAxis is not (null or "y")))
                throw new ArgumentException($"charts[{k}]: expected a single-panel figure, actual one with subplots ({chart}).", nameof(charts));
            string suffix = k == 0 ? "" : (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            string xId = "x" + suffix, yId = "y" + suffix;
            foreach (Trace trace in chart.Traces)
                traces.Add(trace switch
                {
                    CartesianTrace c => c with { XAxis = xId, YAxis = yId },
                    ParcoordsTrace p => p with { Domain = new Domain(k / columns, k % columns) },
                    _ => trace,
                });
            if (chart.Layout.Axis("x") is { } xAxis) axes[Layout.AxisKey(xId)] = xAxis;
            if (chart.Layout.Axis("y") is { } yAxis) axes[Layout.AxisKey(yId)] = yAxis;
            if (chart.Layout.Title is { } title && chart.Traces.Any(t => t.IsCartesian))
                captions.Add(new Annotation
                {
                    Text = title.Text, X = 0.5, Y = 1, XRef = xId + " domain", YRef = yId + " domain",
                    XAnchor = "center", YAnchor = "bottom", ShowArrow = false,
                });
        }
        var layout = new Layout
        {
            Grid = new LayoutGrid { Rows = rows, Columns = columns },
            Axes = axes,
            Annotations = captions.Count == 0 ? null : captions.ToArray(),
            Height = Math.Max(450, 320 * rows),
        };
        return new Figure(traces, layout);
    }
}
