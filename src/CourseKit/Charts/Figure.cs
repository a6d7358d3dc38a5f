using System.Text.Json;

namespace CourseKit.Charts;

/// <summary>
/// A plotly.js figure: traces and a layout, serialized as <c>{"data": [traces], "layout": {…}}</c>. Immutable: every
/// <c>With…</c> returns a new figure. Build one with <see cref="Chart"/>; show it with <see cref="ToHtml"/> (notebooks)
/// or <see cref="SaveHtml"/> (an offline page).
/// </summary>
/// <example><code>Chart.Line(epochs, costs).WithTitle("Cost").WithXAxis("epoch").WithYAxis("cost", log: true)</code></example>
[TypeFormatterSource("CourseKit.Display.ChartFormatterSource")]
public sealed partial class Figure
{
    /// <summary>A figure of <paramref name="traces"/> (drawn in order) and <paramref name="layout"/> (empty when null).</summary>
    public Figure(IEnumerable<Trace> traces, Layout? layout = null)
    {
        ArgumentNullException.ThrowIfNull(traces);
        Traces = traces.ToArray();
        for (int i = 0; i < Traces.Count; i++)
            if (Traces[i] is null) throw new ArgumentNullException(nameof(traces), $"traces[{i}]: expected a trace, actual null.");
        Layout = layout ?? new Layout();
    }

    /// <summary>The traces, drawn in order (later ones on top).</summary>
    public IReadOnlyList<Trace> Traces { get; }

    /// <summary>Title, axes, legend, grid, size.</summary>
    public Layout Layout { get; }

    /// <summary>A copy with <paramref name="layout"/>.</summary>
    public Figure WithLayout(Layout layout) => new(Traces, layout ?? throw new ArgumentNullException(nameof(layout)));

    /// <summary>A copy with the figure title.</summary>
    public Figure WithTitle(string title) => WithLayout(Layout with { Title = new Title(title ?? throw new ArgumentNullException(nameof(title))) });

    /// <summary>A copy whose x axis has <paramref name="title"/>, a log scale when <paramref name="log"/>, and <paramref name="range"/>.</summary>
    /// <param name="title">Axis title; null keeps the current one.</param>
    /// <param name="log">True for a log₁₀ scale, false for linear; null keeps the current type.</param>
    /// <param name="range">Shown range in data units (for a log axis both ends must be &gt; 0); null keeps the current one.</param>
    public Figure WithXAxis(string? title = null, bool? log = null, (double Low, double High)? range = null) => WithAxis("x", title, log, range);

    /// <summary>A copy whose y axis has <paramref name="title"/>, a log scale when <paramref name="log"/>, and <paramref name="range"/>.</summary>
    /// <param name="title">Axis title; null keeps the current one.</param>
    /// <param name="log">True for a log₁₀ scale, false for linear; null keeps the current type.</param>
    /// <param name="range">Shown range in data units (for a log axis both ends must be &gt; 0); null keeps the current one.</param>
    public Figure WithYAxis(string? title = null, bool? log = null, (double Low, double High)? range = null) => WithAxis("y", title, log, range);

    /// <summary>As <see cref="WithXAxis"/>, for any axis id (<c>x2</c>, <c>y3</c>, … in a grid).</summary>
    public Figure WithAxis(string axisId, string? title = null, bool? log = null, (double Low, double High)? range = null)
    {
        Axis axis = Layout.Axis(axisId) ?? new Axis();
        if (title is not null) axis = axis with { Title = new Title(title) };
        if (log is { } isLog) axis = axis with { Type = isLog ? "log" : "linear" };
        if (range is { } r)
        {
            bool logScale = axis.Type == "log";
            if (!double.IsFinite(r.Low) || !double.IsFinite(r.High) || !(r.Low < r.High) || (logScale && !(r.Low > 0)))
                throw new ArgumentOutOfRangeException(nameof(range), r,
                    $"range: expected finite low < high{(logScale ? " with low > 0 (log axis)" : "")}, actual ({r.Low}, {r.High}).");
            axis = axis with { Range = logScale ? [Math.Log10(r.Low), Math.Log10(r.High)] : [r.Low, r.High] };
        }
        return WithLayout(Layout.WithAxis(axisId, axis));
    }

    /// <summary>A copy of the given size in pixels.</summary>
    public Figure WithSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 50);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 50);
        return WithLayout(Layout with { Width = width, Height = height });
    }

    /// <summary>A copy that shows (or hides) the legend, optionally placed at (x, y) in [0, 1] of the plot area.</summary>
    public Figure WithLegend(bool show = true, double? x = null, double? y = null, string? orientation = null) =>
        WithLayout(Layout with
        {
            ShowLegend = show,
            Legend = x is null && y is null && orientation is null ? Layout.Legend : new Legend { X = x, Y = y, Orientation = orientation },
        });

    /// <summary>The figure as plotly.js JSON: <c>{"data": [...], "layout": {...}}</c> (see <see cref="PlotlyJson"/>).</summary>
    public string ToJson() => JsonSerializer.Serialize(new Wire(Traces.Cast<object>().ToArray(), Layout), PlotlyJson.Options);

    /// <summary>One line: trace types, trace count, title — e.g. <c>Figure: scatter, 2 traces, "Cost"</c>.</summary>
    public override string ToString()
    {
        string kinds = Traces.Count == 0 ? "empty" : string.Join("+", Traces.Select(t => t.Type).Distinct());
        string title = Layout.Title is { } t ? $", \"{t.Text}\"" : "";
        string grid = Layout.Grid is { } g ? $", {g.Rows}×{g.Columns} grid" : "";
        return $"Figure: {kinds}, {Traces.Count} trace{(Traces.Count == 1 ? "" : "s")}{grid}{title}";
    }

    // object[]: each trace is written with its runtime type's attributes.
    private sealed record Wire(object[] Data, Layout Layout);
}
