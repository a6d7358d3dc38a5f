using System.Text.Json.Serialization;

namespace CourseKit.Charts;

/// <summary>
/// One plotly trace (a series drawn on the figure): its plotly <see cref="Type"/> and the attributes common to all
/// types. Traces are immutable records: change one with a <c>with</c> expression.
/// </summary>
/// <remarks>Serialized by <see cref="PlotlyJson"/>: a null attribute is left out, so plotly uses its default.</remarks>
public abstract record Trace
{
    /// <summary>The plotly trace type, e.g. <c>scatter</c>, <c>heatmap</c>, <c>parcoords</c>.</summary>
    [JsonPropertyOrder(-2)]
    public abstract string Type { get; }

    /// <summary>The name shown in the legend and on hover.</summary>
    [JsonPropertyOrder(-1)]
    public string? Name { get; init; }

    /// <summary>Opacity of the whole trace in [0, 1].</summary>
    public double? Opacity { get; init; }

    /// <summary>Whether the trace has a legend entry (plotly's default: when the figure has several traces).</summary>
    public bool? ShowLegend { get; init; }

    /// <summary>Traces with the same group toggle together in the legend.</summary>
    public string? LegendGroup { get; init; }

    /// <summary>Whether plotly draws this trace on x/y axes (<see cref="CartesianTrace"/>) or in a domain (parcoords).</summary>
    [JsonIgnore]
    public abstract bool IsCartesian { get; }
}

/// <summary>A trace drawn on a pair of axes: <c>xaxis: "x"</c>, <c>"x2"</c>, … and <c>yaxis: "y"</c>, <c>"y2"</c>, ….</summary>
public abstract record CartesianTrace : Trace
{
    /// <summary>The x axis id (<c>x</c>, <c>x2</c>, …); null means <c>x</c>.</summary>
    public string? XAxis { get; init; }

    /// <summary>The y axis id (<c>y</c>, <c>y2</c>, …); null means <c>y</c>.</summary>
    public string? YAxis { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override bool IsCartesian => true;
}

/// <summary>Point markers: one color or a color per point (mapped through <see cref="ColorScale"/>), size, colorbar.</summary>
public sealed record Marker
{
    /// <summary>One CSS color (string) or a number per point (double[]) mapped through <see cref="ColorScale"/>.</summary>
    public object? Color { get; init; }

    /// <summary>Marker diameter in pixels.</summary>
    public double? Size { get; init; }

    /// <summary>The scale numeric colors are mapped through.</summary>
    public ColorScale? ColorScale { get; init; }

    /// <summary>Whether a colorbar shows the scale.</summary>
    public bool? ShowScale { get; init; }

    /// <summary>Lower end of the color range (plotly: <c>cmin</c>).</summary>
    public double? CMin { get; init; }

    /// <summary>Upper end of the color range (plotly: <c>cmax</c>).</summary>
    public double? CMax { get; init; }

    /// <summary>Marker opacity in [0, 1].</summary>
    public double? Opacity { get; init; }

    /// <summary>The marker outline.</summary>
    public LineStyle? Line { get; init; }
}

/// <summary>Line style: color, width in pixels, dash (<c>solid</c>, <c>dot</c>, <c>dash</c>, <c>dashdot</c>).</summary>
public sealed record LineStyle
{
    /// <summary>CSS color.</summary>
    public string? Color { get; init; }

    /// <summary>Width in pixels.</summary>
    public double? Width { get; init; }

    /// <summary><c>solid</c>, <c>dot</c>, <c>dash</c>, <c>longdash</c>, <c>dashdot</c>.</summary>
    public string? Dash { get; init; }
}

/// <summary>A title as plotly writes it: <c>{"text": …}</c>.</summary>
/// <param name="Text">The title text.</param>
public sealed record Title(string Text);
