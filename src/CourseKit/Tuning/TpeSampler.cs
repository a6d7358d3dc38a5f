namespace CourseKit.Tuning;

/// <summary>
/// Settings of <see cref="TpeSampler"/>. The defaults were tuned on Hartmann-6 and Branin (100 trials, 40 seeds, see
/// <c>coursekit bench tuner</c>): multivariate, γ = 0.2, a narrower bandwidth (0.08 instead of Optuna's 0.2) shrunk
/// with the good group's spread, 24 candidates. More candidates or a wider bandwidth did worse on both functions.
/// </summary>
public sealed record TpeOptions
{
    /// <summary>Trials drawn at random before the model is used.</summary>
    public int StartupTrials { get; init; } = 10;

    /// <summary>Candidates drawn from l(x) per suggestion; the one maximizing l(x)/g(x) wins.</summary>
    public int Candidates { get; init; } = 24;

    /// <summary>Model all parameters that every finished trial has jointly (captures interactions), instead of one by one.</summary>
    public bool Multivariate { get; init; } = true;

    /// <summary>Weight of the broad prior component in each density (keeps exploring).</summary>
    public double PriorWeight { get; init; } = 1.0;

    /// <summary>Share γ of complete trials in the "good" group: ⌈γ·n⌉, at most <see cref="MaxGood"/>.</summary>
    public double Gamma { get; init; } = 0.2;

    /// <summary>Largest size of the "good" group.</summary>
    public int MaxGood { get; init; } = 25;

    /// <summary>Multivariate bandwidth factor: σ = factor · n^(−1/(d+4)) on the unit range.</summary>
    public double Bandwidth { get; init; } = 0.08;

    /// <summary>Shrink each axis's multivariate bandwidth with the group's spread on that axis, down to this factor (1: off).</summary>
    public double MinSpread { get; init; } = 0.8;

    /// <summary>Give older trials less weight once there are more than 25 (as Hyperopt and Optuna do).</summary>
    public bool DecayOldTrials { get; init; } = true;
}

/// <summary>
/// Tree-structured Parzen estimator (Bergstra et al. 2011): split the finished trials into the best γ share and the
/// rest, fit a density to each — l(x) for the good, g(x) for the rest — and propose the candidate drawn from l that
/// maximizes l(x)/g(x). Pruned trials count in the "rest". Works on each parameter's unit coordinate, so log and
/// reverse-log scales are modelled on the scale they are sampled on.
/// </summary>
public sealed class TpeSampler(TpeOptions? options = null) : ISampler
{
    /// <summary>The settings.</summary>
    public TpeOptions Options { get; } = options ?? new TpeOptions();

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> SampleRelative(SamplerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new Dictionary<string, double>();
        if (!Options.Multivariate) return result;
        var complete = context.CompleteBestFirst();
        if (complete.Count < Options.StartupTrials) return result;
        // The relative space: every non-fixed parameter that all complete trials have.
        var space = context.Space.Where(p => p.Distribution is not FixedDistribution && complete.All(t => t.InternalParams.ContainsKey(p.Name))).ToList();
        if (space.Count == 0) return result;
        double[] best = Propose(context, complete, space, context.RandomFor("tpe:relative"), bandwidth: Options.Bandwidth);
        for (int a = 0; a < space.Count; a++) result[space[a].Name] = best[a];
        return result;
    }

    /// <inheritdoc />
    public double SampleIndependent(SamplerContext context, string name, Distribution distribution)
    {
        ArgumentNullException.ThrowIfNull(context);
        var random = context.RandomFor(name);
        var complete = context.CompleteBestFirst().Where(t => t.InternalParams.ContainsKey(name)).ToList();
        if (complete.Count < Options.StartupTrials || distribution is FixedDistribution) return distribution.Sample(random);
        return Propose(context, complete, [(name, distribution)], random, bandwidth: null)[0];
    }

    private double[] Propose(SamplerContext context, IReadOnlyList<TrialRecord> completeBestFirst, List<(string Name, Distribution Distribution)> space,
        Random random, double? bandwidth)
    {
        int nGood = Math.Min((int)Math.Ceiling(Options.Gamma * completeBestFirst.Count), Options.MaxGood);
        var good = completeBestFirst.Take(nGood).OrderBy(t => t.Number).ToList();
        var rest = completeBestFirst.Skip(nGood)
            .Concat(context.History.Where(t => t.State == TrialState.Pruned && space.All(p => t.InternalParams.ContainsKey(p.Name))))
            .OrderBy(t => t.Number).ToList();
        int[] choices = space.Select(p => p.Distribution.IsCategorical ? p.Distribution.ChoiceCount : 0).ToArray();
        var l = Fit(good, space, choices, bandwidth);
        var g = Fit(rest, space, choices, bandwidth);
        double[] best = new double[space.Count], x = new double[space.Count];
        double bestScore = double.NegativeInfinity;
        for (int i = 0; i < Options.Candidates; i++)
        {
            l.Sample(random, x);
            double score = l.LogPdf(x) - g.LogPdf(x);
            if (score > bestScore) { bestScore = score; x.CopyTo(best, 0); }
        }
        for (int a = 0; a < space.Count; a++)
            if (choices[a] == 0) best[a] = space[a].Distribution.FromUnit(best[a]);
        return best;
    }

    private ParzenEstimator Fit(List<TrialRecord> trials, List<(string Name, Distribution Distribution)> space, int[] choices, double? bandwidth)
    {
        var rows = trials.Select(t => space.Select((p, a) => choices[a] > 0 ? t.InternalParams[p.Name] : p.Distribution.ToUnit(t.InternalParams[p.Name])).ToArray()).ToArray();
        return new ParzenEstimator(rows, Weights(rows.Length), choices, Options.PriorWeight, bandwidth, Options.MinSpread);
    }

    /// <summary>Optuna's default weights: 1 for the newest 25, a linear ramp from 1/n up to 1 for older ones.</summary>
    private double[] Weights(int n)
    {
        var w = new double[n];
        Array.Fill(w, 1.0);
        if (!Options.DecayOldTrials || n <= 25) return w;
        int ramp = n - 25;
        for (int i = 0; i < ramp; i++) w[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1 - 1.0 / n) * i / (ramp - 1);
        return w;
    }
}
