namespace CourseKit.Charts;

/// <summary>
/// A value per cell of a grid: <c>Z[i][j]</c> is the value at (<c>X[j]</c>, <c>Y[i]</c>) — rows go with y, columns
/// with x, as plotly reads them.
/// </summary>
/// <remarks>A NaN or ±∞ cell is written as null, which plotly leaves blank.</remarks>
public abstract record GridTrace : CartesianTrace
{
    /// <summary>The grid of values, one array per row (per y).</summary>
    public required double[][] Z { get; init; }

    /// <summary>x coordinate of each column, or null for 0, 1, 2, ….</summary>
    public double[]? X { get; init; }

    /// <summary>y coordinate of each row, or null for 0, 1, 2, ….</summary>
    public double[]? Y { get; init; }

    /// <summary>The scale values are mapped through.</summary>
    public ColorScale? ColorScale { get; init; }

    /// <summary>Whether a colorbar shows the scale.</summary>
    public bool? ShowScale { get; init; }

    /// <summary>Value mapped to the low end of the scale.</summary>
    public double? ZMin { get; init; }

    /// <summary>Value mapped to the high end of the scale.</summary>
    public double? ZMax { get; init; }

    /// <summary>Hover text per cell, same shape as <see cref="Z"/>.</summary>
    public string[][]? Text { get; init; }
}

/// <summary>plotly's <c>heatmap</c> trace: each cell of <see cref="GridTrace.Z"/> drawn as a colored rectangle.</summary>
public sealed record HeatmapTrace : GridTrace
{
    /// <inheritdoc />
    public override string Type => "heatmap";
}

/// <summary>Contour levels and how they are colored.</summary>
public sealed record Contours
{
    /// <summary><c>fill</c> (flat color between levels), <c>heatmap</c> (smooth), <c>lines</c>, <c>none</c>.</summary>
    public string? Coloring { get; init; }

    /// <summary>Whether the level lines are drawn.</summary>
    public bool? ShowLines { get; init; }

    /// <summary>First level.</summary>
    public double? Start { get; init; }

    /// <summary>Last level.</summary>
    public double? End { get; init; }

    /// <summary>Step between levels.</summary>
    public double? Size { get; init; }
}

/// <summary>plotly's <c>contour</c> trace: level curves of <see cref="GridTrace.Z"/> over the x/y grid, filled between levels.</summary>
public sealed record ContourTrace : GridTrace
{
    /// <inheritdoc />
    public override string Type => "contour";

    /// <summary>Levels and coloring; null lets plotly choose about 15 levels.</summary>
    public Contours? Contours { get; init; }

    /// <summary>The level lines.</summary>
    public LineStyle? Line { get; init; }
}
