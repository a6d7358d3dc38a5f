using System.Diagnostics;

namespace CourseKit.Tuning;

/// <summary>
/// One run of the objective with one set of hyperparameters. Define-by-run: the objective asks for each value where
/// it needs it (<c>trial.Float("lr", 1e-4, 1, Scale.Log)</c>), so parameters may depend on earlier ones (units of
/// layer i only if layers &gt; i). It reports a learning curve with <see cref="Report"/> and asks
/// <see cref="ShouldPrune"/> whether to stop; throwing <see cref="TrialPrunedException"/> then ends it as pruned.
/// </summary>
public sealed class Trial
{
    private readonly Dictionary<string, Distribution> _distributions = [];
    private readonly List<(string Name, Distribution Distribution)> _asked = [];
    private readonly Dictionary<string, object?> _values = [];
    private readonly SortedDictionary<int, double> _intermediate = [];
    private readonly IReadOnlyList<TrialRecord> _history;
    private readonly TrialSlot _slot;
    private IReadOnlyDictionary<string, double> _relative = new Dictionary<string, double>();

    internal Trial(Study study, TrialSlot slot, IReadOnlyList<TrialRecord> history, CancellationToken cancellationToken)
    {
        (Study, _slot, Number, Seed, _history, CancellationToken) = (study, slot, slot.Number, slot.Seed, history, cancellationToken);
    }

    /// <summary>The study this trial belongs to.</summary>
    public Study Study { get; }

    /// <summary>0, 1, 2, … within the study.</summary>
    public int Number { get; }

    /// <summary>The trial's seed (from the study seed and <see cref="Number"/>): use it for the model's initialization and data order.</summary>
    public int Seed { get; }

    /// <summary>Signalled when the run is cancelled; <see cref="Report"/> throws then.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The values suggested so far, by name; <c>Params.Get&lt;double&gt;("alpha")</c> reads one typed.</summary>
    public ParameterValues Params => new(_values);

    /// <summary>
    /// The distributions this trial was asked for, in the order of the first request for each name: what the objective
    /// declares as its search space (see <see cref="DeclaredSpace.Of{T}"/> to read it without running the objective).
    /// </summary>
    public IReadOnlyList<(string Name, Distribution Distribution)> Distributions => _asked.ToArray();

    /// <summary>The intermediate values reported so far, by step.</summary>
    public IReadOnlyDictionary<int, double> Intermediate => _intermediate;

    /// <summary>Time spent in the sampler for this trial.</summary>
    public TimeSpan SamplerTime { get; private set; }

    /// <summary>A real value in [<paramref name="low"/>, <paramref name="high"/>] on <paramref name="scale"/> (e.g. Scale.Log for α, Scale.ReverseLog for β).</summary>
    public double Float(string name, double low, double high, Scale scale = Scale.Linear, double? step = null) =>
        (double)Suggest(name, new FloatDistribution(low, high, scale, step))!;

    /// <summary>An integer in [<paramref name="low"/>, <paramref name="high"/>] (Scale.Log for sizes such as hidden units).</summary>
    public int Int(string name, int low, int high, Scale scale = Scale.Linear, int step = 1) =>
        checked((int)(long)Suggest(name, new IntDistribution(low, high, scale, step))!);

    /// <summary>One of <paramref name="choices"/>.</summary>
    public T Categorical<T>(string name, params T[] choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return (T)Suggest(name, new CategoricalDistribution(choices.Cast<object?>()))!;
    }

    /// <summary>
    /// The value of parameter <paramref name="name"/> drawn from <paramref name="distribution"/>. Asking again for the
    /// same name returns the same value; a different distribution for a name — in this trial or stored in the
    /// study — throws, naming both.
    /// </summary>
    public object? Suggest(string name, Distribution distribution)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(distribution);
        if (_distributions.TryGetValue(name, out var known))
            return known.SameAs(distribution) ? _values[name]
                : throw new ArgumentException($"{name}: already suggested in this trial as {known}, now asked as {distribution}.", nameof(distribution));
        var space = Study.Register(name, distribution);
        long start = Stopwatch.GetTimestamp();
        // A re-queued trial runs its stored parameters again; then what the sampler chose jointly; then one draw.
        double value = _slot.FixedParams.TryGetValue(name, out double f) && distribution.Contains(f) ? f
            : _relative.TryGetValue(name, out double r) && distribution.Contains(r) ? r
            : Study.Sampler.SampleIndependent(Context(space), name, distribution);
        SamplerTime += Stopwatch.GetElapsedTime(start);
        if (!distribution.Contains(value))
            throw new InvalidOperationException($"{name}: the sampler {Study.Sampler.GetType().Name} proposed {value}, outside {distribution}.");
        Study.Storage.SetParameter(Study.Id, Number, name, distribution, value);
        _distributions[name] = distribution;
        _asked.Add((name, distribution));
        return _values[name] = distribution.ToExternal(value);
    }

    /// <summary>Records the intermediate value (e.g. dev accuracy) at <paramref name="step"/> (e.g. the epoch).</summary>
    public void Report(int step, double value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, $"value: expected a finite number at step {step}, actual {value}.");
        CancellationToken.ThrowIfCancellationRequested();
        Study.Storage.ReportIntermediate(Study.Id, Number, step, value);
        _intermediate[step] = value;
    }

    /// <summary>Whether the study's pruner says this trial should stop now (after the last <see cref="Report"/>).</summary>
    public bool ShouldPrune() => Study.Pruner.ShouldPrune(new PrunerContext(Number, Study.Direction, _intermediate, _history));

    /// <summary>Stores a user attribute (a note, a metric) with the trial.</summary>
    public void SetAttribute(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        Study.Storage.SetAttribute(Study.Id, Number, key, value);
    }

    internal void SampleRelative()
    {
        long start = Stopwatch.GetTimestamp();
        _relative = Study.Sampler.SampleRelative(Context(Study.Space));
        SamplerTime += Stopwatch.GetElapsedTime(start);
    }

    private SamplerContext Context(IReadOnlyList<(string, Distribution)> space) => new(Study.Seed, Number, _slot.Position, Seed, Study.Direction, _history, space);

    /// <inheritdoc />
    public override string ToString() => $"Trial {Number} ({string.Join(", ", _values.Select(p => $"{p.Key}={p.Value}"))})";
}

/// <summary>Thrown by an objective to end its trial as pruned (after <see cref="Trial.ShouldPrune"/> said so).</summary>
public sealed class TrialPrunedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TrialPrunedException() : base("The trial was pruned.") { }

    /// <summary>Creates the exception with a message.</summary>
    public TrialPrunedException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public TrialPrunedException(string message, Exception inner) : base(message, inner) { }
}
