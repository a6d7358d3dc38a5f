namespace CourseKit.Tuning;

/// <summary>
/// Proposes parameter values for a trial. A sampler sees only <see cref="SamplerContext.History"/>: the trials that
/// deterministically precede the trial (see <see cref="Study.Ask"/>), so the same seed gives the same trials however
/// threads or processes are scheduled.
/// </summary>
public interface ISampler
{
    /// <summary>
    /// Called once when a trial starts: values (internal) for parameters the sampler chooses jointly, e.g. a
    /// multivariate model over the parameters every finished trial has. The default chooses none.
    /// </summary>
    IReadOnlyDictionary<string, double> SampleRelative(SamplerContext context) => new Dictionary<string, double>();

    /// <summary>A value (internal) for parameter <paramref name="name"/> that <see cref="SampleRelative"/> did not choose.</summary>
    double SampleIndependent(SamplerContext context, string name, Distribution distribution);

    /// <summary>How many distinct trials the sampler can propose (a grid's size), or null when unlimited.</summary>
    int? MaxTrials => null;

    /// <summary>
    /// Whether proposals depend on <see cref="SamplerContext.History"/>. A sampler that never reads it (random, grid,
    /// Sobol) lets <see cref="Study.Ask"/> skip waiting for earlier trials and reading them: the same trials, sooner.
    /// </summary>
    bool UsesHistory => true;
}

/// <summary>What a sampler knows when it proposes values for trial <see cref="TrialNumber"/>.</summary>
public sealed class SamplerContext
{
    internal SamplerContext(int studySeed, int trialNumber, int position, int trialSeed, Direction direction, IReadOnlyList<TrialRecord> history,
        IReadOnlyList<(string Name, Distribution Distribution)> space)
    {
        (StudySeed, TrialNumber, Position, TrialSeed, Direction, History, Space) = (studySeed, trialNumber, position, trialSeed, direction, history, space);
    }

    /// <summary>The study's seed.</summary>
    public int StudySeed { get; }

    /// <summary>The trial being sampled.</summary>
    public int TrialNumber { get; }

    /// <summary>
    /// The trial's place in the sampler's sequence (a grid point, a Sobol index): its number, except that a trial
    /// re-queued after its worker died keeps the place of the trial it repeats and takes none of its own.
    /// </summary>
    public int Position { get; }

    /// <summary>Its seed (from the study seed and the trial number).</summary>
    public int TrialSeed { get; }

    /// <summary>Whether smaller or larger values are better.</summary>
    public Direction Direction { get; }

    /// <summary>The finished trials this trial may learn from, by number.</summary>
    public IReadOnlyList<TrialRecord> History { get; }

    /// <summary>The study's parameters registered so far, in order of first registration.</summary>
    public IReadOnlyList<(string Name, Distribution Distribution)> Space { get; }

    /// <summary>Complete trials of <see cref="History"/>, best first (ties by number).</summary>
    public IReadOnlyList<TrialRecord> CompleteBestFirst() => History.Where(t => t.State == TrialState.Complete && t.Value is not null)
        .OrderBy(t => Direction == Direction.Minimize ? t.Value!.Value : -t.Value!.Value).ThenBy(t => t.Number).ToList();

    /// <summary>A random stream for <paramref name="stream"/> (a parameter name) of this trial.</summary>
    public Random RandomFor(string stream) => Seeds.Random(TrialSeed, stream);
}

/// <summary>Random search: each parameter drawn independently from its distribution (on its own scale), seeded per (trial, name).</summary>
public sealed class RandomSampler : ISampler
{
    /// <inheritdoc />
    public bool UsesHistory => false;

    /// <inheritdoc />
    public double SampleIndependent(SamplerContext context, string name, Distribution distribution) =>
        distribution.Sample(context.RandomFor(name));
}
