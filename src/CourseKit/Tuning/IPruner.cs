namespace CourseKit.Tuning;

/// <summary>
/// Decides whether a trial should stop early from its intermediate values (multi-fidelity). A pruner sees the same
/// deterministic history as the sampler (finished trials that precede the trial), so decisions do not depend on timing.
/// </summary>
public interface IPruner
{
    /// <summary>Whether the trial in <paramref name="context"/> should stop now.</summary>
    bool ShouldPrune(PrunerContext context);

    /// <summary>Whether decisions depend on <see cref="PrunerContext.History"/> (see <see cref="ISampler.UsesHistory"/>).</summary>
    bool UsesHistory => true;
}

/// <summary>What a pruner sees: the trial's learning curve so far and the finished trials before it.</summary>
public sealed class PrunerContext(int trialNumber, Direction direction, IReadOnlyDictionary<int, double> intermediate, IReadOnlyList<TrialRecord> history)
{
    /// <summary>The trial being judged.</summary>
    public int TrialNumber { get; } = trialNumber;

    /// <summary>Whether smaller or larger values are better.</summary>
    public Direction Direction { get; } = direction;

    /// <summary>Its intermediate values so far, by step.</summary>
    public IReadOnlyDictionary<int, double> Intermediate { get; } = intermediate;

    /// <summary>The finished trials it is compared with.</summary>
    public IReadOnlyList<TrialRecord> History { get; } = history;

    /// <summary>The last reported step, or null.</summary>
    public int? Step => Intermediate.Count == 0 ? null : Intermediate.Keys.Max();

    /// <summary>Whether <paramref name="a"/> is better than <paramref name="b"/>.</summary>
    public bool Better(double a, double b) => Direction == Direction.Minimize ? a < b : a > b;
}

/// <summary>Never prunes.</summary>
public sealed class NoPruner : IPruner
{
    /// <inheritdoc />
    public bool ShouldPrune(PrunerContext context) => false;

    /// <inheritdoc />
    public bool UsesHistory => false;
}

/// <summary>
/// Median stopping rule: prune when the trial's best intermediate value so far is worse than the median of the complete
/// trials' values at the same step.
/// </summary>
public sealed class MedianPruner(int startupTrials = 5, int warmupSteps = 0, int intervalSteps = 1, int minTrialsAtStep = 1) : IPruner
{
    /// <summary>Complete trials needed before pruning starts.</summary>
    public int StartupTrials { get; } = startupTrials >= 0 ? startupTrials : throw new ArgumentOutOfRangeException(nameof(startupTrials), startupTrials, "startupTrials: expected ≥ 0.");

    /// <summary>Steps before which a trial is never pruned.</summary>
    public int WarmupSteps { get; } = warmupSteps >= 0 ? warmupSteps : throw new ArgumentOutOfRangeException(nameof(warmupSteps), warmupSteps, "warmupSteps: expected ≥ 0.");

    /// <summary>Check every this many steps after the warm-up.</summary>
    public int IntervalSteps { get; } = intervalSteps >= 1 ? intervalSteps : throw new ArgumentOutOfRangeException(nameof(intervalSteps), intervalSteps, "intervalSteps: expected ≥ 1.");

    /// <summary>Values needed at a step for the median to count.</summary>
    public int MinTrialsAtStep { get; } = minTrialsAtStep >= 1 ? minTrialsAtStep : throw new ArgumentOutOfRangeException(nameof(minTrialsAtStep), minTrialsAtStep, "minTrialsAtStep: expected ≥ 1.");

    /// <inheritdoc />
    public bool ShouldPrune(PrunerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Step is not { } step || step < WarmupSteps || (step - WarmupSteps) % IntervalSteps != 0) return false;
        var complete = context.History.Where(t => t.State == TrialState.Complete).ToList();
        if (complete.Count < StartupTrials) return false;
        double[] atStep = complete.Where(t => t.Intermediate.ContainsKey(step)).Select(t => t.Intermediate[step]).Order().ToArray();
        if (atStep.Length < MinTrialsAtStep || atStep.Length == 0) return false;
        double median = atStep.Length % 2 == 1 ? atStep[atStep.Length / 2] : (atStep[atStep.Length / 2 - 1] + atStep[atStep.Length / 2]) / 2;
        double best = context.Direction == Direction.Minimize ? context.Intermediate.Values.Min() : context.Intermediate.Values.Max();
        return context.Better(median, best);
    }
}
