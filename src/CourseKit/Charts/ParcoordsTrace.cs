using System.Numerics;
using System.Text.Json.Serialization;

namespace CourseKit.Charts;

/// <summary>One axis of a parallel-coordinates chart: its label, one value per line, and the shown range.</summary>
public sealed record ParcoordsDimension
{
    /// <summary>The axis label, e.g. <c>learning rate</c>.</summary>
    public required string Label { get; init; }

    /// <summary>One value per line (per sample).</summary>
    public required double[] Values { get; init; }

    /// <summary>The shown range <c>[low, high]</c>; null uses the values' extent.</summary>
    public double[]? Range { get; init; }

    /// <summary>A dimension from any numbers, with an optional (low, high) range.</summary>
    public static ParcoordsDimension Of<T>(string label, IEnumerable<T> values, (double Low, double High)? range = null)
        where T : INumberBase<T>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        double[]? r = null;
        if (range is { } rr)
        {
            if (!double.IsFinite(rr.Low) || !double.IsFinite(rr.High) || !(rr.Low < rr.High))
                throw new ArgumentOutOfRangeException(nameof(range), rr, $"range: expected finite low < high, actual ({rr.Low}, {rr.High}).");
            r = [rr.Low, rr.High];
        }
        return new ParcoordsDimension { Label = label, Values = Series.ToDoubles(values, nameof(values)), Range = r };
    }
}

/// <summary>The lines of a parallel-coordinates chart: one color, or a number per line mapped through a colorscale.</summary>
public sealed record ParcoordsLine
{
    /// <summary>One CSS color (string) or a number per line (double[]).</summary>
    public object? Color { get; init; }

    /// <summary>The scale numeric colors are mapped through.</summary>
    public ColorScale? ColorScale { get; init; }

    /// <summary>Whether a colorbar shows the scale.</summary>
    public bool? ShowScale { get; init; }
}

/// <summary>Where a non-cartesian trace sits in a <see cref="LayoutGrid"/>: its row and column (0-based).</summary>
/// <param name="Row">Grid row, 0 at the top.</param>
/// <param name="Column">Grid column, 0 at the left.</param>
public sealed record Domain(int Row, int Column);

/// <summary>plotly's <c>parcoords</c> trace: each sample a line across one vertical axis per dimension.</summary>
public sealed record ParcoordsTrace : Trace
{
    /// <inheritdoc />
    public override string Type => "parcoords";

    /// <summary>The axes, left to right.</summary>
    public required ParcoordsDimension[] Dimensions { get; init; }

    /// <summary>Line colors.</summary>
    public ParcoordsLine? Line { get; init; }

    /// <summary>The grid cell, in a grid of subplots.</summary>
    public Domain? Domain { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override bool IsCartesian => false;
}
