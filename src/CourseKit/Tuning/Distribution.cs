using System.Text.Json.Nodes;

namespace CourseKit.Tuning;

/// <summary>
/// Where one hyperparameter's values come from. Every value has an <em>internal</em> representation, a double (the
/// value itself for numbers, the index for a categorical choice), which is what storage keeps and samplers model;
/// numeric distributions also map values to a unit coordinate u ∈ [0, 1] on their <see cref="Scale"/>, so that
/// u uniform gives the distribution's own sampling law.
/// </summary>
public abstract class Distribution
{
    /// <summary>Whether values are unordered choices (modelled by index frequencies, not by a unit coordinate).</summary>
    public virtual bool IsCategorical => false;

    /// <summary>Number of choices for categorical and fixed distributions; 0 for numeric ones.</summary>
    public virtual int ChoiceCount => 0;

    /// <summary>The internal value at unit coordinate <paramref name="u"/> (snapped to the step or integer grid).</summary>
    public abstract double FromUnit(double u);

    /// <summary>The unit coordinate of an internal value (inverse of <see cref="FromUnit"/> up to the grid).</summary>
    public abstract double ToUnit(double value);

    /// <summary>The value the objective sees (double, long/int, or the categorical choice) for an internal value.</summary>
    public abstract object? ToExternal(double value);

    /// <summary>Whether <paramref name="value"/> (internal) is a value this distribution can produce.</summary>
    public abstract bool Contains(double value);

    /// <summary>One draw from the distribution, as an internal value.</summary>
    public double Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return IsCategorical ? random.Next(ChoiceCount) : FromUnit(random.NextDouble());
    }

    /// <summary>A one-line description, e.g. <c>float [0.0001, 1] log</c>.</summary>
    public abstract string Describe();

    /// <summary>The canonical JSON form (what storage keeps and what conflicts are detected on).</summary>
    public string ToJson() => ToJsonNode().ToJsonString();

    /// <summary>Whether <paramref name="other"/> describes the same distribution (same canonical JSON).</summary>
    public bool SameAs(Distribution? other) => other is not null && ToJson() == other.ToJson();

    /// <inheritdoc />
    public override string ToString() => Describe();

    internal abstract JsonObject ToJsonNode();

    /// <summary>Reads a distribution written by <see cref="ToJson"/>; throws <see cref="FormatException"/> for anything else.</summary>
    public static Distribution FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var o = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException("null");
            string type = (string?)o["type"] ?? throw new FormatException("no 'type'");
            return type switch
            {
                "float" => new FloatDistribution((double)o["low"]!, (double)o["high"]!, Enum.Parse<Scale>((string)o["scale"]!), (double?)o["step"]),
                "int" => new IntDistribution((long)o["low"]!, (long)o["high"]!, Enum.Parse<Scale>((string)o["scale"]!), (long)o["step"]!),
                "categorical" => new CategoricalDistribution(o["choices"]!.AsArray().Select(Choices.Read).ToArray()),
                "fixed" => new FixedDistribution(Choices.Read(o["value"])),
                _ => throw new FormatException($"unknown type '{type}'"),
            };
        }
        catch (Exception e) when (e is not FormatException and not ArgumentException)
        {
            throw new FormatException($"Not a CourseKit distribution: {json} ({e.Message}).", e);
        }
    }

    private protected static void RequireUnit(double u)
    {
        if (!(u >= 0 && u <= 1)) throw new ArgumentOutOfRangeException(nameof(u), u, $"u: expected a unit coordinate in [0, 1], actual {u}.");
    }
}
