using System.Globalization;
using System.Text.Json.Nodes;

namespace CourseKit.Tuning;

/// <summary>One of a list of unordered choices (strings, numbers, booleans or null), each equally likely under random sampling.</summary>
public sealed class CategoricalDistribution : Distribution
{
    private readonly object?[] _choices;

    /// <summary>Validates and creates the distribution: at least one choice, no duplicates, only storable types.</summary>
    public CategoricalDistribution(IEnumerable<object?> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        _choices = choices.ToArray();
        if (_choices.Length == 0) throw new ArgumentException("choices: expected at least one choice, actual an empty list.", nameof(choices));
        for (int i = 0; i < _choices.Length; i++)
        {
            Tuning.Choices.Check(_choices[i], $"choices[{i}]");
            for (int j = 0; j < i; j++)
                if (Equals(_choices[i], _choices[j]))
                    throw new ArgumentException($"choices[{i}]: '{_choices[i]}' repeats choices[{j}]; expected distinct choices.", nameof(choices));
        }
    }

    /// <summary>The choices, in declaration order (the internal value is the index).</summary>
    public IReadOnlyList<object?> Choices => _choices;

    /// <inheritdoc />
    public override bool IsCategorical => true;

    /// <inheritdoc />
    public override int ChoiceCount => _choices.Length;

    /// <inheritdoc />
    public override double FromUnit(double u)
    {
        RequireUnit(u);
        return Math.Min((int)(u * _choices.Length), _choices.Length - 1);
    }

    /// <inheritdoc />
    public override double ToUnit(double value) => (value + 0.5) / _choices.Length;

    /// <inheritdoc />
    public override object? ToExternal(double value) => _choices[(int)value];

    /// <summary>The internal value (index) of <paramref name="choice"/>; throws when it is not one of the choices.</summary>
    public double IndexOf(object? choice)
    {
        int i = Array.FindIndex(_choices, c => Equals(c, choice));
        return i >= 0 ? i : throw new ArgumentException($"choice: '{choice}' is not one of [{string.Join(", ", _choices)}].", nameof(choice));
    }

    /// <inheritdoc />
    public override bool Contains(double value) => value >= 0 && value < _choices.Length && value == Math.Floor(value);

    /// <inheritdoc />
    public override string Describe() =>
        "categorical [" + string.Join(", ", _choices.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture) ?? "null")) + "]";

    internal override JsonObject ToJsonNode() => new()
    {
        ["type"] = "categorical", ["choices"] = new JsonArray(_choices.Select(Tuning.Choices.Write).ToArray()),
    };
}

/// <summary>A hyperparameter held at one value (a W&amp;B sweep's <c>value:</c>); it is recorded like any other.</summary>
public sealed class FixedDistribution : Distribution
{
    /// <summary>Creates the distribution of the single <paramref name="value"/>.</summary>
    public FixedDistribution(object? value)
    {
        Choices.Check(value, nameof(value));
        Value = value;
    }

    /// <summary>The value.</summary>
    public object? Value { get; }

    /// <inheritdoc />
    public override bool IsCategorical => true;

    /// <inheritdoc />
    public override int ChoiceCount => 1;

    /// <inheritdoc />
    public override double FromUnit(double u) => 0;

    /// <inheritdoc />
    public override double ToUnit(double value) => 0.5;

    /// <inheritdoc />
    public override object? ToExternal(double value) => Value;

    /// <inheritdoc />
    public override bool Contains(double value) => value == 0;

    /// <inheritdoc />
    public override string Describe() => "fixed " + (Convert.ToString(Value, CultureInfo.InvariantCulture) ?? "null");

    internal override JsonObject ToJsonNode() => new() { ["type"] = "fixed", ["value"] = Choices.Write(Value) };
}

/// <summary>Storable choice values, written with their type so that an int comes back an int.</summary>
internal static class Choices
{
    public static void Check(object? value, string argument)
    {
        if (value is not (null or string or bool or int or long or double or float))
            throw new ArgumentException($"{argument}: expected a string, number, bool or null, actual {value.GetType().Name} ('{value}').", argument);
        if (value is double d && !double.IsFinite(d) || value is float f && !float.IsFinite(f))
            throw new ArgumentException($"{argument}: expected a finite number, actual {value}.", argument);
    }

    public static JsonNode Write(object? value) => value switch
    {
        null => new JsonObject { ["t"] = "null" },
        string s => new JsonObject { ["t"] = "string", ["v"] = s },
        bool b => new JsonObject { ["t"] = "bool", ["v"] = b },
        int i => new JsonObject { ["t"] = "int", ["v"] = i },
        long l => new JsonObject { ["t"] = "long", ["v"] = l },
        float f => new JsonObject { ["t"] = "float", ["v"] = f },
        double d => new JsonObject { ["t"] = "double", ["v"] = d },
        _ => throw new ArgumentException($"Not a storable choice: {value}."),
    };

    public static object? Read(JsonNode? node)
    {
        var o = node?.AsObject() ?? throw new FormatException("choice: expected an object");
        return (string?)o["t"] switch
        {
            "null" => null,
            "string" => (string)o["v"]!,
            "bool" => (bool)o["v"]!,
            "int" => (int)o["v"]!,
            "long" => (long)o["v"]!,
            "float" => (float)o["v"]!,
            "double" => (double)o["v"]!,
            var t => throw new FormatException($"choice: unknown type '{t}'"),
        };
    }
}
