namespace CourseKit.Charts;

/// <summary>Scatter modes: how a scatter trace draws its points.</summary>
public static class ScatterMode
{
    /// <summary>Points joined by lines, no markers.</summary>
    public const string Lines = "lines";

    /// <summary>Markers only.</summary>
    public const string Markers = "markers";

    /// <summary>Lines and markers.</summary>
    public const string LinesAndMarkers = "lines+markers";
}

/// <summary>plotly's <c>scatter</c> trace: a line chart or a scatter plot of (x[i], y[i]).</summary>
/// <remarks>A NaN or ±∞ coordinate is written as null: plotly leaves a gap in the line there.</remarks>
public sealed record ScatterTrace : CartesianTrace
{
    /// <inheritdoc />
    public override string Type => "scatter";

    /// <summary>x coordinates.</summary>
    public required double[] X { get; init; }

    /// <summary>y coordinates, one per x.</summary>
    public required double[] Y { get; init; }

    /// <summary>One of <see cref="ScatterMode"/>.</summary>
    public string? Mode { get; init; }

    /// <summary>Markers (color, size, colorscale).</summary>
    public Marker? Marker { get; init; }

    /// <summary>The line between points.</summary>
    public LineStyle? Line { get; init; }

    /// <summary>Hover text per point.</summary>
    public string[]? Text { get; init; }
}

/// <summary>plotly's <c>bar</c> trace: one bar per category.</summary>
public sealed record BarTrace : CartesianTrace
{
    /// <inheritdoc />
    public override string Type => "bar";

    /// <summary>Category names (one per bar).</summary>
    public required string[] X { get; init; }

    /// <summary>Bar heights.</summary>
    public required double[] Y { get; init; }

    /// <summary>Bar colors (one CSS color, or a number per bar mapped through a colorscale).</summary>
    public Marker? Marker { get; init; }
}

/// <summary>plotly's <c>box</c> trace: median, quartiles and whiskers of a sample; one box per distinct x when x is given.</summary>
/// <remarks>NaN values are written as null, which plotly leaves out of the statistics.</remarks>
public sealed record BoxTrace : CartesianTrace
{
    /// <inheritdoc />
    public override string Type => "box";

    /// <summary>The sample.</summary>
    public required double[] Y { get; init; }

    /// <summary>Optional group per value: one box per distinct group.</summary>
    public string[]? X { get; init; }

    /// <summary><c>all</c>, <c>outliers</c>, <c>suspectedoutliers</c>; plotly also accepts <c>false</c> (not offered here).</summary>
    public string? BoxPoints { get; init; }

    /// <summary>Whether the mean is drawn too (dashed).</summary>
    public bool? BoxMean { get; init; }

    /// <summary>Box color.</summary>
    public Marker? Marker { get; init; }
}
