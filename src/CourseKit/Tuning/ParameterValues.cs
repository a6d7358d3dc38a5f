using System.Collections;
using System.Globalization;

namespace CourseKit.Tuning;

/// <summary>
/// A trial's hyperparameters by name, as the objective saw them (a float parameter as <see cref="double"/>, an int
/// parameter as <see cref="long"/>, a categorical one as its choice), with typed reads:
/// <c>trial.Params.Get&lt;double&gt;("alpha")</c>, <c>best.Params.Get&lt;int&gt;("units")</c>.
/// </summary>
public sealed class ParameterValues : IReadOnlyDictionary<string, object?>
{
    private readonly IReadOnlyDictionary<string, object?> _values;

    /// <summary>Wraps <paramref name="values"/> (not copied).</summary>
    public ParameterValues(IReadOnlyDictionary<string, object?> values) => _values = values ?? throw new ArgumentNullException(nameof(values));

    /// <summary>
    /// The value of <paramref name="name"/> as a <typeparamref name="T"/>: any number converts to any numeric type it
    /// fits exactly (an int parameter reads as int, long, float or double; a float parameter as double or float, and as
    /// an integer type only when it is whole); a categorical choice reads as its own type.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No parameter of that name; the message lists the names there are.</exception>
    /// <exception cref="InvalidCastException">The value does not convert; the message gives the value and its type.</exception>
    public T Get<T>(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_values.TryGetValue(name, out object? value))
            throw new KeyNotFoundException($"name: no parameter '{name}' in this trial; its parameters: {(Count == 0 ? "none" : string.Join(", ", Keys))}.");
        if (value is T typed) return typed;
        if (value is not null && IsNumber(value.GetType()) && IsNumber(Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T)))
        {
            var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
            // Exactly: 0.25 does not read as an int, 3e9 does not fit one (a double may round to float: that is its precision).
            if (TryConvert(value, target, out object? converted)
                && (target == typeof(float) || Convert.ToDouble(converted, CultureInfo.InvariantCulture) == Convert.ToDouble(value, CultureInfo.InvariantCulture)))
                return (T)converted!;
        }
        throw new InvalidCastException($"{name}: expected a value readable as {typeof(T).Name}, actual {Show(value)}" +
            $"{(value is null ? "" : $" ({value.GetType().Name})")}.");
    }

    /// <summary>The value of <paramref name="name"/> as a <typeparamref name="T"/>, or <paramref name="fallback"/> when the trial has no such parameter.</summary>
    public T GetOrDefault<T>(string name, T fallback) => ContainsKey(name) ? Get<T>(name) : fallback;

    /// <inheritdoc />
    public object? this[string key] => _values.TryGetValue(key, out var v) ? v
        : throw new KeyNotFoundException($"key: no parameter '{key}' in this trial; its parameters: {(Count == 0 ? "none" : string.Join(", ", Keys))}.");

    /// <inheritdoc />
    public IEnumerable<string> Keys => _values.Keys;

    /// <inheritdoc />
    public IEnumerable<object?> Values => _values.Values;

    /// <inheritdoc />
    public int Count => _values.Count;

    /// <inheritdoc />
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, out object? value) => _values.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary><c>alpha=0.0123, units=64</c>.</summary>
    public override string ToString() => string.Join(", ", _values.Select(p => $"{p.Key}={Show(p.Value)}"));

    private static bool TryConvert(object value, Type target, out object? converted)
    {
        try
        {
            converted = Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
            return true;
        }
        catch (OverflowException)
        {
            converted = null;
            return false;
        }
    }

    private static bool IsNumber(Type t) => t == typeof(double) || t == typeof(float) || t == typeof(long) || t == typeof(int)
        || t == typeof(short) || t == typeof(decimal) || t == typeof(byte);

    private static string Show(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
