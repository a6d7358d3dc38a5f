namespace CourseKit.Tuning;

/// <summary>One point of the optimization history: a complete trial's value and the best value up to it.</summary>
public sealed record HistoryPoint(int Number, double Value, double BestSoFar);

/// <summary>How much a parameter matters: its share of the random forest's permutation importance, and its Spearman rank correlation with the objective (null for categorical parameters).</summary>
public sealed record ParameterImportance(string Name, double Importance, double? Spearman);

/// <summary>A surface over two parameters (predicted by a random forest on them) with the trials on top; <c>Z[i][j]</c> is at (X[j], Y[i]).</summary>
public sealed record ContourData(string XName, string YName, double[] X, double[] Y, double[][] Z, double[] TrialX, double[] TrialY, double[] TrialValues);

public sealed partial class Study
{
    /// <summary>The complete trials, best first.</summary>
    public IReadOnlyList<TrialRecord> CompleteTrials() =>
        Trials.Where(t => t.State == TrialState.Complete).OrderBy(t => Sign * t.Value!.Value).ThenBy(t => t.Number).ToList();

    /// <summary>The best complete trial; throws when there is none yet.</summary>
    public TrialRecord BestTrial => CompleteTrials().FirstOrDefault()
        ?? throw new InvalidOperationException($"Study '{Name}' has no complete trial yet ({Trials.Count} trials in all).");

    /// <summary>The best objective value.</summary>
    public double BestValue => BestTrial.Value!.Value;

    /// <summary>The parameters of the best trial.</summary>
    public ParameterValues BestParams => BestTrial.Params;

    /// <summary>Each complete trial's value and the best so far, by trial number.</summary>
    public IReadOnlyList<HistoryPoint> OptimizationHistory()
    {
        var points = new List<HistoryPoint>();
        double best = double.NaN;
        foreach (var t in Trials.Where(t => t.State == TrialState.Complete))
        {
            double v = t.Value!.Value;
            if (double.IsNaN(best) || Sign * v < Sign * best) best = v;
            points.Add(new HistoryPoint(t.Number, v, best));
        }
        return points;
    }

    /// <summary>(trial number, parameter value as plotted, objective) for complete trials having <paramref name="name"/>.</summary>
    public IReadOnlyList<(int Number, double X, double Value)> SliceData(string name)
    {
        var d = DistributionOf(name);
        return Trials.Where(t => t.State == TrialState.Complete && t.InternalParams.ContainsKey(name))
            .Select(t => (t.Number, Axis(d, t.InternalParams[name]), t.Value!.Value)).ToList();
    }

    /// <summary>
    /// Parameter importance over complete trials: out-of-bag permutation importance of a seeded random forest on the
    /// parameters' unit coordinates (so a log parameter is judged on its log scale), and Spearman's rank correlation.
    /// </summary>
    public IReadOnlyList<ParameterImportance> ParameterImportances(int seed = 0)
    {
        var complete = Trials.Where(t => t.State == TrialState.Complete).ToList();
        var space = Space.Where(p => p.Distribution is not FixedDistribution).ToList();
        if (complete.Count < 4 || space.Count == 0)
            throw new InvalidOperationException($"Parameter importance needs at least 4 complete trials and one non-fixed parameter; study '{Name}' has {complete.Count} and {space.Count}.");
        double[][] x = complete.Select(t => space.Select(p => t.InternalParams.TryGetValue(p.Name, out var v) ? p.Distribution.ToUnit(v) : double.NaN).ToArray()).ToArray();
        double[] y = complete.Select(t => t.Value!.Value).ToArray();
        double[] importance = new RandomForest(x, y, seed).PermutationImportance(seed);
        return space.Select((p, j) => new ParameterImportance(p.Name, importance[j],
                p.Distribution.IsCategorical ? null : Spearman(x.Select(r => r[j]).ToArray(), y)))
            .OrderByDescending(p => p.Importance).ToList();
    }

    /// <summary>The data of a contour plot of <paramref name="xName"/> × <paramref name="yName"/> on a <paramref name="resolution"/>² grid.</summary>
    public ContourData Contour(string xName, string yName, int resolution = 30, int seed = 0)
    {
        var (dx, dy) = (DistributionOf(xName), DistributionOf(yName));
        ArgumentOutOfRangeException.ThrowIfLessThan(resolution, 2);
        var trials = Trials.Where(t => t.State == TrialState.Complete && t.InternalParams.ContainsKey(xName) && t.InternalParams.ContainsKey(yName)).ToList();
        if (trials.Count < 2) throw new InvalidOperationException($"A contour of {xName} × {yName} needs at least 2 complete trials with both; study '{Name}' has {trials.Count}.");
        var forest = new RandomForest(trials.Select(t => new[] { dx.ToUnit(t.InternalParams[xName]), dy.ToUnit(t.InternalParams[yName]) }).ToArray(),
            trials.Select(t => t.Value!.Value).ToArray(), seed, maxDepth: 6);
        double[] u = Enumerable.Range(0, resolution).Select(i => (double)i / (resolution - 1)).ToArray();
        double[][] z = u.Select(v => u.Select(w => forest.Predict([w, v])).ToArray()).ToArray();
        return new ContourData(xName, yName, u.Select(w => Axis(dx, dx.FromUnit(w))).ToArray(), u.Select(v => Axis(dy, dy.FromUnit(v))).ToArray(), z,
            trials.Select(t => Axis(dx, t.InternalParams[xName])).ToArray(), trials.Select(t => Axis(dy, t.InternalParams[yName])).ToArray(),
            trials.Select(t => t.Value!.Value).ToArray());
    }

    /// <summary>Spearman's rank correlation (average ranks for ties); NaN entries are skipped.</summary>
    public static double Spearman(double[] a, double[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var keep = Enumerable.Range(0, a.Length).Where(i => !double.IsNaN(a[i]) && !double.IsNaN(b[i])).ToArray();
        double[] ra = Ranks(keep.Select(i => a[i]).ToArray()), rb = Ranks(keep.Select(i => b[i]).ToArray());
        if (ra.Length < 2) return double.NaN;
        double ma = ra.Average(), mb = rb.Average(), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < ra.Length; i++) { sab += (ra[i] - ma) * (rb[i] - mb); saa += (ra[i] - ma) * (ra[i] - ma); sbb += (rb[i] - mb) * (rb[i] - mb); }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.Sqrt(saa * sbb);
    }

    private static double[] Ranks(double[] v)
    {
        int[] order = Enumerable.Range(0, v.Length).OrderBy(i => v[i]).ToArray();
        var ranks = new double[v.Length];
        for (int k = 0; k < order.Length;)
        {
            int end = k;
            while (end + 1 < order.Length && v[order[end + 1]] == v[order[k]]) end++;
            for (int m = k; m <= end; m++) ranks[order[m]] = (k + end) / 2.0 + 1;
            k = end + 1;
        }
        return ranks;
    }

    private Distribution DistributionOf(string name) => Space.FirstOrDefault(p => p.Name == name).Distribution
        ?? throw new ArgumentException($"name: the study has no parameter '{name}'; it has [{string.Join(", ", Space.Select(p => p.Name))}].", nameof(name));

    /// <summary>The value on a plot axis: the number itself (log axes are drawn as log), a categorical's index.</summary>
    private static double Axis(Distribution d, double internalValue) => internalValue;
}
