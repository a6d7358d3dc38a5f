namespace CourseKit.Tuning;

/// <summary>
/// Asynchronous successive halving (ASHA, Li et al. 2020): rungs at steps r·η^(s+k) (r = <see cref="MinResource"/>,
/// η = <see cref="ReductionFactor"/>, s = <see cref="MinEarlyStoppingRate"/>). When a trial reaches a rung it continues
/// only if its value there is in the top 1/η of the values recorded at that rung by the trials it is compared with
/// (itself included); while fewer than η values exist, only the best continues — as in Optuna.
/// </summary>
public sealed class SuccessiveHalvingPruner(int minResource = 1, int reductionFactor = 3, int minEarlyStoppingRate = 0) : IPruner
{
    /// <summary>Steps before the first rung (r).</summary>
    public int MinResource { get; } = minResource >= 1 ? minResource : throw new ArgumentOutOfRangeException(nameof(minResource), minResource, "minResource: expected ≥ 1.");

    /// <summary>η: one in η trials goes on at each rung.</summary>
    public int ReductionFactor { get; } = reductionFactor >= 2 ? reductionFactor : throw new ArgumentOutOfRangeException(nameof(reductionFactor), reductionFactor, "reductionFactor: expected ≥ 2.");

    /// <summary>s: the first rung is at r·η^s.</summary>
    public int MinEarlyStoppingRate { get; } = minEarlyStoppingRate >= 0 ? minEarlyStoppingRate : throw new ArgumentOutOfRangeException(nameof(minEarlyStoppingRate), minEarlyStoppingRate, "minEarlyStoppingRate: expected ≥ 0.");

    /// <summary>The step of rung <paramref name="k"/>.</summary>
    public long RungStep(int k) => MinResource * (long)Math.Pow(ReductionFactor, MinEarlyStoppingRate + k);

    /// <inheritdoc />
    public bool ShouldPrune(PrunerContext context) => ShouldPrune(context, context.History);

    /// <summary>The decision against <paramref name="competitors"/> only (Hyperband passes one bracket's trials).</summary>
    internal bool ShouldPrune(PrunerContext context, IEnumerable<TrialRecord> competitors)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Step is not { } step) return false;
        int? previous = context.Intermediate.Keys.Where(s => s < step).Select(s => (int?)s).Max();
        // Judge at the rung this report has just reached (the first report at or past the rung's step).
        for (int k = 0; RungStep(k) <= step; k++)
        {
            long rung = RungStep(k);
            if (previous is { } p && p >= rung) continue;
            double value = context.Intermediate[step];
            var values = competitors.Select(t => RungValue(t.Intermediate, rung)).OfType<double>().Append(value).ToList();
            if (!Promotable(value, values, context)) return true;
        }
        return false;
    }

    private static double? RungValue(IReadOnlyDictionary<int, double> curve, long rung)
    {
        foreach (var (s, v) in curve) if (s >= rung) return v;  // curves are sorted by step
        return null;
    }

    private bool Promotable(double value, List<double> values, PrunerContext context)
    {
        int index = Math.Max(values.Count / ReductionFactor - 1, 0);
        var ordered = context.Direction == Direction.Minimize ? values.Order().ToList() : values.OrderDescending().ToList();
        return !context.Better(ordered[index], value);
    }
}

/// <summary>
/// Hyperband (Li et al. 2018) on top of ASHA: brackets with minimum early-stopping rates 0 … s_max
/// (s_max = ⌊log_η(max/min)⌋), from aggressive to none; each trial joins one bracket, chosen deterministically from its
/// number in proportion to Hyperband's budgets, and competes only with trials of the same bracket.
/// </summary>
public sealed class HyperbandPruner : IPruner
{
    private readonly SuccessiveHalvingPruner[] _brackets;
    private readonly int[] _budgets;

    /// <summary>Brackets for resources (epochs) from <paramref name="minResource"/> to <paramref name="maxResource"/>.</summary>
    public HyperbandPruner(int minResource = 1, int maxResource = 27, int reductionFactor = 3)
    {
        if (maxResource <= minResource) throw new ArgumentException($"maxResource: expected > minResource ({minResource}), actual {maxResource}.", nameof(maxResource));
        var probe = new SuccessiveHalvingPruner(minResource, reductionFactor);
        int n = (int)Math.Floor(Math.Log((double)maxResource / minResource) / Math.Log(reductionFactor) + 1e-9) + 1;
        _brackets = Enumerable.Range(0, n).Select(i => new SuccessiveHalvingPruner(probe.MinResource, reductionFactor, i)).ToArray();
        _budgets = Enumerable.Range(0, n).Select(i => (int)Math.Ceiling(n * Math.Pow(reductionFactor, n - 1 - i) / (n - i))).ToArray();
    }

    /// <summary>Number of brackets.</summary>
    public int Brackets => _brackets.Length;

    /// <summary>The bracket of trial <paramref name="number"/>.</summary>
    public int BracketOf(int number)
    {
        int slot = Seeds.Derive(0x4879, number) % _budgets.Sum();
        for (int i = 0; i < _budgets.Length; i++) if ((slot -= _budgets[i]) < 0) return i;
        return _budgets.Length - 1;
    }

    /// <inheritdoc />
    public bool ShouldPrune(PrunerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int bracket = BracketOf(context.TrialNumber);
        return _brackets[bracket].ShouldPrune(context, context.History.Where(t => BracketOf(t.Number) == bracket));
    }
}
