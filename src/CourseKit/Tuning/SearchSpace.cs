namespace CourseKit.Tuning;

/// <summary>
/// A search space declared up front, like a W&amp;B sweep config: named distributions in order, optionally conditional
/// on the values chosen before them. <see cref="Suggest"/> asks a trial for each, so the same space works with every
/// sampler; define-by-run objectives call <see cref="Trial.Float"/> and friends instead.
/// </summary>
/// <example>
/// <code>
/// var space = new SearchSpace()
///     .Float("lr", 1e-4, 1, Scale.Log)
///     .Float("beta", 0.9, 0.999, Scale.ReverseLog)
///     .Int("layers", 1, 3)
///     .Int("units2", 16, 256, Scale.Log, when: p => (long)p["layers"]! >= 2);
/// </code>
/// </example>
public sealed class SearchSpace
{
    private readonly List<(string Name, Distribution Distribution, Func<IReadOnlyDictionary<string, object?>, bool>? When)> _entries = [];

    /// <summary>The parameters in declaration order.</summary>
    public IReadOnlyList<(string Name, Distribution Distribution)> Parameters => _entries.Select(e => (e.Name, e.Distribution)).ToList();

    /// <summary>Adds a real parameter.</summary>
    public SearchSpace Float(string name, double low, double high, Scale scale = Scale.Linear, double? step = null,
        Func<IReadOnlyDictionary<string, object?>, bool>? when = null) => Add(name, new FloatDistribution(low, high, scale, step), when);

    /// <summary>Adds an integer parameter.</summary>
    public SearchSpace Int(string name, long low, long high, Scale scale = Scale.Linear, long step = 1,
        Func<IReadOnlyDictionary<string, object?>, bool>? when = null) => Add(name, new IntDistribution(low, high, scale, step), when);

    /// <summary>Adds a categorical parameter.</summary>
    public SearchSpace Categorical(string name, IEnumerable<object?> choices, Func<IReadOnlyDictionary<string, object?>, bool>? when = null) =>
        Add(name, new CategoricalDistribution(choices), when);

    /// <summary>Adds a parameter held at <paramref name="value"/>.</summary>
    public SearchSpace Fixed(string name, object? value) => Add(name, new FixedDistribution(value), null);

    /// <summary>Adds <paramref name="distribution"/> under <paramref name="name"/>, present only when <paramref name="when"/> (given the values so far) holds.</summary>
    public SearchSpace Add(string name, Distribution distribution, Func<IReadOnlyDictionary<string, object?>, bool>? when = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(distribution);
        if (_entries.Any(e => e.Name == name)) throw new ArgumentException($"name: '{name}' is already in the space; expected each name once.", nameof(name));
        _entries.Add((name, distribution, when));
        return this;
    }

    /// <summary>Asks <paramref name="trial"/> for every parameter whose condition holds; returns the values by name.</summary>
    public IReadOnlyDictionary<string, object?> Suggest(Trial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var values = new Dictionary<string, object?>();
        foreach (var (name, distribution, when) in _entries)
            if (when is null || when(values)) values[name] = trial.Suggest(name, distribution);
        return values;
    }
}
