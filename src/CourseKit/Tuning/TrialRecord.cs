namespace CourseKit.Tuning;

/// <summary>
/// A snapshot of one trial as storage holds it: parameters (internal values and their distributions), state, final and
/// intermediate values, timings, seed, attributes.
/// </summary>
public sealed record TrialRecord
{
    /// <summary>0, 1, 2, … in order of creation within the study.</summary>
    public required int Number { get; init; }

    /// <summary>Where the trial stands.</summary>
    public required TrialState State { get; init; }

    /// <summary>The objective value of a complete trial; null otherwise.</summary>
    public double? Value { get; init; }

    /// <summary>The trial's seed, derived from (study seed, number): see <see cref="Seeds.Trial"/>.</summary>
    public required int Seed { get; init; }

    /// <summary>When the trial started (UTC).</summary>
    public required DateTime Started { get; init; }

    /// <summary>When the trial finished (UTC), or null while running.</summary>
    public DateTime? Finished { get; init; }

    /// <summary>The last heartbeat of the process running it (UTC).</summary>
    public DateTime? Heartbeat { get; init; }

    /// <summary>Internal parameter values (numbers; a categorical's index), by name.</summary>
    public IReadOnlyDictionary<string, double> InternalParams { get; init; } = new Dictionary<string, double>();

    /// <summary>The distribution of each parameter, by name.</summary>
    public IReadOnlyDictionary<string, Distribution> Distributions { get; init; } = new Dictionary<string, Distribution>();

    /// <summary>Intermediate values by step (epoch), ascending — the learning curve.</summary>
    public IReadOnlyDictionary<int, double> Intermediate { get; init; } = new SortedDictionary<int, double>();

    /// <summary>User and system attributes (e.g. <c>sampler_ms</c>, an error message).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Parameter values as the objective saw them (double, long, or the categorical choice), by name;
    /// <c>Params.Get&lt;double&gt;("alpha")</c> reads one typed.
    /// </summary>
    public ParameterValues Params => new(InternalParams.ToDictionary(p => p.Key, p => Distributions[p.Key].ToExternal(p.Value)));

    /// <summary>Wall time from start to finish, or null while running.</summary>
    public TimeSpan? Duration => Finished - Started;

    /// <summary>Whether the trial is in a final state.</summary>
    public bool IsFinished => State is not (TrialState.Running or TrialState.Waiting);

    /// <summary>The last reported step, or null when none was reported.</summary>
    public int? LastStep => Intermediate.Count == 0 ? null : Intermediate.Keys.Max();

    /// <summary>Time the sampler spent choosing this trial's parameters, in milliseconds (objective excluded).</summary>
    public double SamplerMilliseconds =>
        Attributes.TryGetValue(SystemAttributes.SamplerMs, out var ms) ? double.Parse(ms, System.Globalization.CultureInfo.InvariantCulture) : 0;
}

/// <summary>Attribute keys CourseKit writes itself.</summary>
public static class SystemAttributes
{
    /// <summary>Milliseconds spent in the sampler for this trial.</summary>
    public const string SamplerMs = "sys:sampler_ms";

    /// <summary>Why a trial failed (the exception's type and message).</summary>
    public const string Error = "sys:error";

    /// <summary>On a re-queued trial: the number of the failed trial it runs again.</summary>
    public const string RetryOf = "sys:retry_of";

    /// <summary>On a re-queued trial: how many times the first trial of its chain has been retried, this one included.</summary>
    public const string Retries = "sys:retries";
}
