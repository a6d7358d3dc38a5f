using System.Text.Json.Serialization;

namespace CourseKit.Charts;

/// <summary>A plotly axis: title, scale type (<c>linear</c>, <c>log</c>, <c>category</c>), range.</summary>
public sealed record Axis
{
    /// <summary>The axis title.</summary>
    public Title? Title { get; init; }

    /// <summary><c>linear</c>, <c>log</c>, <c>date</c>, <c>category</c>; null lets plotly guess.</summary>
    public string? Type { get; init; }

    /// <summary>The shown range [low, high] — for a log axis in log₁₀ units, as plotly expects.</summary>
    public double[]? Range { get; init; }

    /// <summary>Whether grid lines are drawn.</summary>
    public bool? ShowGrid { get; init; }

    /// <summary>Whether a zero line is drawn.</summary>
    public bool? ZeroLine { get; init; }
}

/// <summary>plotly's <c>layout.grid</c>: subplots in rows × columns; <c>independent</c> gives each cell its own axes.</summary>
public sealed record LayoutGrid
{
    /// <summary>Number of rows.</summary>
    public required int Rows { get; init; }

    /// <summary>Number of columns.</summary>
    public required int Columns { get; init; }

    /// <summary><c>independent</c> (axes x, x2, … per cell) or <c>coupled</c> (shared per row/column).</summary>
    public string? Pattern { get; init; } = "independent";

    /// <summary><c>top to bottom</c> (default) or <c>bottom to top</c>.</summary>
    public string? RowOrder { get; init; }
}

/// <summary>Where the legend sits; x and y in [0, 1] of the plotting area (plotly's default: right of the plot).</summary>
public sealed record Legend
{
    /// <summary>Horizontal position.</summary>
    public double? X { get; init; }

    /// <summary>Vertical position.</summary>
    public double? Y { get; init; }

    /// <summary><c>v</c> (default) or <c>h</c>.</summary>
    public string? Orientation { get; init; }
}

/// <summary>Text placed on the figure, e.g. a subplot's title above its axes.</summary>
public sealed record Annotation
{
    /// <summary>The text.</summary>
    public required string Text { get; init; }

    /// <summary>x position in <see cref="XRef"/> units.</summary>
    public double? X { get; init; }

    /// <summary>y position in <see cref="YRef"/> units.</summary>
    public double? Y { get; init; }

    /// <summary><c>paper</c>, an axis id (<c>x2</c>) or an axis domain (<c>x2 domain</c>: 0–1 across that subplot).</summary>
    public string? XRef { get; init; }

    /// <summary>As <see cref="XRef"/>, for y.</summary>
    public string? YRef { get; init; }

    /// <summary><c>left</c>, <c>center</c>, <c>right</c>.</summary>
    public string? XAnchor { get; init; }

    /// <summary><c>top</c>, <c>middle</c>, <c>bottom</c>.</summary>
    public string? YAnchor { get; init; }

    /// <summary>Whether an arrow points at (x, y).</summary>
    public bool? ShowArrow { get; init; }
}

/// <summary>
/// plotly's <c>layout</c>: title, axes, legend, grid, size. Axes are keyed by plotly's layout names
/// (<c>xaxis</c>, <c>yaxis</c>, <c>xaxis2</c>, …); see <see cref="AxisKey"/>.
/// </summary>
public sealed record Layout
{
    /// <summary>The figure title.</summary>
    public Title? Title { get; init; }

    /// <summary>Whether the legend shows (plotly's default: when there are several traces).</summary>
    public bool? ShowLegend { get; init; }

    /// <summary>Legend position.</summary>
    public Legend? Legend { get; init; }

    /// <summary>Subplot grid.</summary>
    public LayoutGrid? Grid { get; init; }

    /// <summary>Width in pixels; null fills the container.</summary>
    public int? Width { get; init; }

    /// <summary>Height in pixels (plotly's default 450).</summary>
    public int? Height { get; init; }

    /// <summary>How bars/histograms of several traces combine: <c>group</c>, <c>overlay</c>, <c>stack</c>.</summary>
    public string? BarMode { get; init; }

    /// <summary>Texts placed on the figure.</summary>
    public Annotation[]? Annotations { get; init; }

    /// <summary>The axes by layout key (<c>xaxis</c>, <c>yaxis2</c>, …), written as layout attributes of those names.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, Axis> Axes { get; init; } = new Dictionary<string, Axis>();

    [JsonExtensionData, JsonInclude]
    internal IDictionary<string, object> AxesJson
    {
        get => Axes.ToDictionary(p => p.Key, p => (object)p.Value);
        private set { } // written only
    }

    /// <summary>The layout key of an axis id: <c>x</c> → <c>xaxis</c>, <c>y3</c> → <c>yaxis3</c>.</summary>
    public static string AxisKey(string axisId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(axisId);
        if ((axisId[0] != 'x' && axisId[0] != 'y') || !axisId[1..].All(char.IsAsciiDigit) || axisId[1..] is "0" or "1")
            throw new ArgumentException($"axisId: expected x, y, x2, y2, …, actual \"{axisId}\".", nameof(axisId));
        return $"{axisId[0]}axis{axisId[1..]}";
    }

    /// <summary>The axis of <paramref name="axisId"/> (<c>x</c>, <c>y2</c>, …), or null when unset.</summary>
    public Axis? Axis(string axisId) => Axes.GetValueOrDefault(AxisKey(axisId));

    /// <summary>A copy with the axis of <paramref name="axisId"/> replaced.</summary>
    public Layout WithAxis(string axisId, Axis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        var axes = new Dictionary<string, Axis>(Axes) { [AxisKey(axisId)] = axis };
        return this with { Axes = axes };
    }
}
