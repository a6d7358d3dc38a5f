using CourseKit.Charts;

namespace CourseKit.Tuning;

public sealed partial class Study
{
    /// <summary>Each complete trial's value (markers) and the best so far (a line), against the trial number.</summary>
    public Figure PlotOptimizationHistory()
    {
        var h = RequirePoints(OptimizationHistory(), "an optimization history");
        return Chart.Combine(
                Chart.Scatter(h.Select(p => p.Number), h.Select(p => p.Value), "trial"),
                Chart.Line(h.Select(p => p.Number), h.Select(p => p.BestSoFar), "best so far"))
            .WithTitle($"Optimization history — {Name}").WithXAxis("trial").WithYAxis("objective");
    }

    /// <summary>One vertical axis per parameter plus the objective, one line per complete trial, colored by its value.
    /// Log parameters are drawn as log10(x), reverse-log ones as log10(1 − x), categoricals by index.</summary>
    public Figure PlotParallelCoordinates()
    {
        var complete = RequirePoints(Trials.Where(t => t.State == TrialState.Complete).ToList(), "parallel coordinates");
        var dims = Space.Where(p => p.Distribution is not FixedDistribution).Select(p => ParcoordsDimension.Of(Label(p.Name, p.Distribution),
            complete.Select(t => t.InternalParams.TryGetValue(p.Name, out var v) ? PlotValue(p.Distribution, v) : double.NaN))).ToList();
        var values = complete.Select(t => t.Value!.Value).ToList();
        dims.Add(ParcoordsDimension.Of("objective", values));
        return Chart.ParallelCoordinates(dims, values).WithTitle($"Parallel coordinates — {Name}");
    }

    /// <summary>One scatter per parameter: the objective against the parameter's value (log axis for log parameters).</summary>
    public Figure PlotSlice()
    {
        var charts = Space.Where(p => p.Distribution is not FixedDistribution).Select(p =>
        {
            var s = SliceData(p.Name);
            var chart = s.Count == 0 ? Chart.Scatter(new[] { double.NaN }, new[] { double.NaN }, p.Name)
                : Chart.Scatter(s.Select(x => x.X), s.Select(x => x.Value), s.Select(x => (double)x.Number), p.Name, showScale: false);
            return chart.WithTitle(p.Name).WithXAxis(p.Name, log: p.Distribution is FloatDistribution { Scale: Scale.Log } or IntDistribution { Scale: Scale.Log });
        }).ToArray();
        if (charts.Length == 0) throw new InvalidOperationException($"Study '{Name}' has no parameters to slice.");
        int columns = Math.Min(3, charts.Length);
        return Chart.Grid((charts.Length + columns - 1) / columns, columns, charts).WithTitle($"Slice — {Name}");
    }

    /// <summary>A contour of the objective over two parameters (random-forest surface) with the trials as markers.</summary>
    public Figure PlotContour(string x, string y)
    {
        var c = Contour(x, y);
        bool logX = IsLog(x), logY = IsLog(y);
        return Chart.Combine(
                Chart.Contour(c.Z.Select(r => (IReadOnlyList<double>)r).ToList(), c.X, c.Y, opacity: 0.8),
                Chart.Scatter(c.TrialX, c.TrialY, "trials"))
            .WithTitle($"Contour — {Name}").WithXAxis(x, log: logX).WithYAxis(y, log: logY);
    }

    /// <summary>Parameter importance as bars (permutation importance on a random forest).</summary>
    public Figure PlotImportance(int seed = 0)
    {
        var imp = ParameterImportances(seed);
        return Chart.Bar(imp.Select(p => p.Name), imp.Select(p => p.Importance), "importance")
            .WithTitle($"Parameter importance — {Name}").WithYAxis("share of permutation importance");
    }

    /// <summary>The learning curves (intermediate values) of all trials — pruned ones stop where they were pruned.</summary>
    public Figure PlotIntermediateValues()
    {
        var curves = RequirePoints(Trials.Where(t => t.Intermediate.Count > 0).ToList(), "learning curves")
            .Select(t => Chart.Line(t.Intermediate.Keys, t.Intermediate.Values, $"trial {t.Number} ({t.State.ToString().ToLowerInvariant()})")).ToArray();
        return Chart.Combine(curves).WithTitle($"Intermediate values — {Name}").WithXAxis("step").WithYAxis("intermediate value");
    }

    private bool IsLog(string name) => DistributionOf(name) is FloatDistribution { Scale: Scale.Log } or IntDistribution { Scale: Scale.Log };

    private static double PlotValue(Distribution d, double v) => d switch
    {
        FloatDistribution { Scale: Scale.Log } or IntDistribution { Scale: Scale.Log } => Math.Log10(v),
        FloatDistribution { Scale: Scale.ReverseLog } => Math.Log10(1 - v),
        _ => v,
    };

    private static string Label(string name, Distribution d) => d switch
    {
        FloatDistribution { Scale: Scale.Log } or IntDistribution { Scale: Scale.Log } => $"log10({name})",
        FloatDistribution { Scale: Scale.ReverseLog } => $"log10(1 − {name})",
        _ => name,
    };

    private IReadOnlyList<T> RequirePoints<T>(IReadOnlyList<T> items, string what) => items.Count > 0 ? items
        : throw new InvalidOperationException($"Study '{Name}' has no trials to draw {what} from yet.");
}
