using System.Globalization;
using System.Text.Json.Nodes;

namespace CourseKit.Tuning;

/// <summary>
/// An integer hyperparameter in [<see cref="Low"/>, <see cref="High"/>] on a grid of <see cref="Step"/>: uniform over
/// the grid (linear), or log-uniform (P(k) ∝ log((k + ½)/(k − ½)), like Optuna's <c>log=True</c>) for sizes such as hidden units.
/// </summary>
public sealed class IntDistribution : Distribution
{
    /// <summary>Validates and creates the distribution.</summary>
    public IntDistribution(long low, long high, Scale scale = Scale.Linear, long step = 1)
    {
        if (low >= high) throw new ArgumentException($"low, high: expected low < high, actual low = {low}, high = {high} (use a fixed value for a single point).", nameof(high));
        if (scale == Scale.ReverseLog) throw new ArgumentException("scale: reverse-log applies to reals in (0, 1), not to integers.", nameof(scale));
        if (!Enum.IsDefined(scale)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale: expected Linear or Log.");
        if (scale == Scale.Log && low < 1) throw new ArgumentOutOfRangeException(nameof(low), low, $"low: log scale needs low ≥ 1, actual {low}.");
        if (step < 1) throw new ArgumentOutOfRangeException(nameof(step), step, $"step: expected ≥ 1, actual {step}.");
        if (scale == Scale.Log && step != 1) throw new ArgumentException($"step: log scale needs step 1, actual {step}.", nameof(step));
        if ((high - low) % step != 0)
            throw new ArgumentException($"step: expected (high − low) to be a multiple of the step, actual ({high} − {low}) mod {step} = {(high - low) % step}.", nameof(step));
        (Low, High, Scale, Step) = (low, high, scale, step);
    }

    /// <summary>Smallest value.</summary>
    public long Low { get; }

    /// <summary>Largest value.</summary>
    public long High { get; }

    /// <summary>Linear or log.</summary>
    public Scale Scale { get; }

    /// <summary>The grid spacing.</summary>
    public long Step { get; }

    /// <summary>Number of values on the grid.</summary>
    public long Count => (High - Low) / Step + 1;

    /// <inheritdoc />
    public override double FromUnit(double u)
    {
        RequireUnit(u);
        if (Scale == Scale.Log)
        {
            double v = Math.Exp(Math.Log(Low - 0.5) + u * (Math.Log(High + 0.5) - Math.Log(Low - 0.5)));
            return Math.Clamp(Math.Round(v, MidpointRounding.AwayFromZero), Low, High);
        }
        long index = Math.Min((long)Math.Floor(u * Count), Count - 1);
        return Low + index * Step;
    }

    /// <inheritdoc />
    public override double ToUnit(double value)
    {
        if (Scale == Scale.Log)
            return Math.Clamp((Math.Log(value) - Math.Log(Low - 0.5)) / (Math.Log(High + 0.5) - Math.Log(Low - 0.5)), 0, 1);
        return Math.Clamp(((value - Low) / Step + 0.5) / Count, 0, 1);
    }

    /// <inheritdoc />
    public override object? ToExternal(double value) => (long)Math.Round(value);

    /// <inheritdoc />
    public override bool Contains(double value) => value >= Low && value <= High && value == Math.Round(value) && ((long)value - Low) % Step == 0;

    /// <inheritdoc />
    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"int [{Low}, {High}]{(Scale == Scale.Log ? " log" : "")}{(Step != 1 ? $" step {Step}" : "")}");

    internal override JsonObject ToJsonNode() => new()
    {
        ["type"] = "int", ["low"] = Low, ["high"] = High, ["scale"] = Scale.ToString(), ["step"] = Step,
    };
}
