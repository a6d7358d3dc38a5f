namespace CourseKit.Charts;

/// <summary>Histogram bins along x: [start, start + size), [start + size, start + 2·size), … up to end.</summary>
/// <param name="Start">Left edge of the first bin.</param>
/// <param name="End">Right edge of the last bin.</param>
/// <param name="Size">Bin width.</param>
public sealed record Bins(double Start, double End, double Size);

/// <summary>plotly's <c>histogram</c> trace: counts of <see cref="X"/> in bins.</summary>
/// <remarks>NaN values are written as null, which plotly does not count.</remarks>
public sealed record HistogramTrace : CartesianTrace
{
    /// <inheritdoc />
    public override string Type => "histogram";

    /// <summary>The values counted.</summary>
    public required double[] X { get; init; }

    /// <summary>Explicit bins (plotly: <c>xbins</c>).</summary>
    public Bins? XBins { get; init; }

    /// <summary>Maximum number of bins when <see cref="XBins"/> is not set (plotly: <c>nbinsx</c>).</summary>
    public int? NBinsX { get; init; }

    /// <summary><c>""</c> counts, or <c>percent</c>, <c>probability</c>, <c>density</c>, <c>probability density</c>.</summary>
    public string? HistNorm { get; init; }

    /// <summary>Bar color.</summary>
    public Marker? Marker { get; init; }
}
