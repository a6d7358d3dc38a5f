using System.Globalization;
using System.Text.Json.Nodes;

namespace CourseKit.Tuning;

/// <summary>A real hyperparameter in [<see cref="Low"/>, <see cref="High"/>], sampled uniformly on its <see cref="Scale"/>, optionally on a grid of <see cref="Step"/>.</summary>
public sealed class FloatDistribution : Distribution
{
    /// <summary>Validates and creates the distribution; every bad argument gives an error naming it.</summary>
    public FloatDistribution(double low, double high, Scale scale = Scale.Linear, double? step = null)
    {
        if (!double.IsFinite(low)) throw new ArgumentOutOfRangeException(nameof(low), low, $"low: expected a finite number, actual {low}.");
        if (!double.IsFinite(high)) throw new ArgumentOutOfRangeException(nameof(high), high, $"high: expected a finite number, actual {high}.");
        if (low >= high) throw new ArgumentException($"low, high: expected low < high, actual low = {low}, high = {high} (use a fixed value for a single point).", nameof(high));
        if (scale == Scale.Log && low <= 0)
            throw new ArgumentOutOfRangeException(nameof(low), low, $"low: log scale needs low > 0, actual {low}.");
        if (scale == Scale.ReverseLog && (low <= 0 || high >= 1))
            throw new ArgumentOutOfRangeException(nameof(low), $"low, high: reverse-log scale (β = 1 − 10^r) needs 0 < low < high < 1, actual [{low}, {high}].");
        if (!Enum.IsDefined(scale)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale: expected Linear, Log or ReverseLog.");
        if (step is { } s)
        {
            if (scale != Scale.Linear) throw new ArgumentException($"step: a step needs the linear scale, actual {scale}.", nameof(step));
            if (!(s > 0) || !double.IsFinite(s)) throw new ArgumentOutOfRangeException(nameof(step), s, $"step: expected a finite step > 0, actual {s}.");
            double k = (high - low) / s;
            if (Math.Abs(k - Math.Round(k)) > 1e-9 * Math.Max(1, k))
                throw new ArgumentException($"step: expected (high − low) to be a multiple of the step, actual ({high} − {low}) / {s} = {k}.", nameof(step));
        }
        (Low, High, Scale, Step) = (low, high, scale, step);
    }

    /// <summary>Smallest value.</summary>
    public double Low { get; }

    /// <summary>Largest value.</summary>
    public double High { get; }

    /// <summary>The scale on which values are uniform.</summary>
    public Scale Scale { get; }

    /// <summary>The grid spacing (linear scale only), or null for a continuous value.</summary>
    public double? Step { get; }

    /// <inheritdoc />
    public override double FromUnit(double u)
    {
        RequireUnit(u);
        double x = Scale switch
        {
            Scale.Log => Math.Exp(Math.Log(Low) + u * (Math.Log(High) - Math.Log(Low))),
            // r runs from log10(1 − low) (u = 0) down to log10(1 − high) (u = 1); β = 1 − 10^r.
            Scale.ReverseLog => 1 - Math.Pow(10, RHigh - u * (RHigh - RLow)),
            _ => Low + u * (High - Low),
        };
        if (Step is { } s) x = Low + Math.Round((x - Low) / s) * s;
        return Math.Clamp(x, Low, High);
    }

    /// <inheritdoc />
    public override double ToUnit(double value)
    {
        double u = Scale switch
        {
            Scale.Log => (Math.Log(value) - Math.Log(Low)) / (Math.Log(High) - Math.Log(Low)),
            Scale.ReverseLog => (RHigh - Math.Log10(1 - value)) / (RHigh - RLow),
            _ => (value - Low) / (High - Low),
        };
        return Math.Clamp(u, 0, 1);
    }

    private double RLow => Math.Log10(1 - High);

    private double RHigh => Math.Log10(1 - Low);

    /// <inheritdoc />
    public override object? ToExternal(double value) => value;

    /// <inheritdoc />
    public override bool Contains(double value) => value >= Low && value <= High
        && (Step is not { } s || Math.Abs((value - Low) / s - Math.Round((value - Low) / s)) < 1e-6);

    /// <inheritdoc />
    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"float [{Low:G6}, {High:G6}]{(Scale == Scale.Linear ? "" : Scale == Scale.Log ? " log" : " reverse-log")}{(Step is { } s ? $" step {s:G6}" : "")}");

    internal override JsonObject ToJsonNode() => new()
    {
        ["type"] = "float", ["low"] = Low, ["high"] = High, ["scale"] = Scale.ToString(), ["step"] = Step,
    };
}
