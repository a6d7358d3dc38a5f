using CourseKit.Charts;
using CourseKit.Tests.Charts;
using CourseKit.Tuning;

namespace CourseKit.Tests.Tuning;

public class PrunerTests
{
    private static TrialRecord Finished(int number, TrialState state, params double[] curve) => new()
    {
        Number = number, State = state, Seed = 0, Started = DateTime.UnixEpoch, Finished = DateTime.UnixEpoch,
        Value = state == TrialState.Complete ? curve[^1] : null,
        Intermediate = new SortedDictionary<int, double>(curve.Select((v, i) => (v, i)).ToDictionary(x => x.i + 1, x => x.v)),
    };

    private static PrunerContext Context(int number, Direction direction, IReadOnlyList<TrialRecord> history, params double[] curve) =>
        new(number, direction, new SortedDictionary<int, double>(curve.Select((v, i) => (v, i)).ToDictionary(x => x.i + 1, x => x.v)), history);

    // Dev accuracies per epoch of five finished trials; at epoch 2 their median is 0.70.
    private static readonly TrialRecord[] Accuracies =
    [
        Finished(0, TrialState.Complete, 0.50, 0.60, 0.70), Finished(1, TrialState.Complete, 0.60, 0.70, 0.80),
        Finished(2, TrialState.Complete, 0.40, 0.65, 0.75), Finished(3, TrialState.Complete, 0.70, 0.80, 0.85),
        Finished(4, TrialState.Complete, 0.65, 0.75, 0.90),
    ];

    [Fact]
    public void Median_pruner_stops_a_curve_below_the_median_and_keeps_one_above()
    {
        var pruner = new MedianPruner(startupTrials: 5);
        Assert.True(pruner.ShouldPrune(Context(5, Direction.Maximize, Accuracies, 0.30, 0.50)));
        Assert.False(pruner.ShouldPrune(Context(5, Direction.Maximize, Accuracies, 0.30, 0.72)));
        // Its best value so far counts, as in Optuna: 0.71 at epoch 1 keeps it at epoch 2.
        Assert.False(pruner.ShouldPrune(Context(5, Direction.Maximize, Accuracies, 0.71, 0.50)));
    }

    [Fact]
    public void Median_pruner_waits_for_startup_trials_and_warmup_steps()
    {
        Assert.False(new MedianPruner(startupTrials: 6).ShouldPrune(Context(5, Direction.Maximize, Accuracies, 0.1, 0.1)));
        Assert.False(new MedianPruner(startupTrials: 5, warmupSteps: 3).ShouldPrune(Context(5, Direction.Maximize, Accuracies, 0.1, 0.1)));
        Assert.True(new MedianPruner(startupTrials: 5).ShouldPrune(Context(5, Direction.Maximize, Accuracies, 0.1, 0.1)));
    }

    [Fact]
    public void Median_pruner_reads_costs_the_other_way_round()
    {
        var costs = Accuracies.Select(t => t with { Intermediate = new SortedDictionary<int, double>(t.Intermediate.ToDictionary(p => p.Key, p => 1 - p.Value)) }).ToArray();
        Assert.True(new MedianPruner(5).ShouldPrune(Context(5, Direction.Minimize, costs, 0.7, 0.5)));
        Assert.False(new MedianPruner(5).ShouldPrune(Context(5, Direction.Minimize, costs, 0.7, 0.2)));
    }

    [Fact]
    public void Successive_halving_promotes_the_top_third_at_each_rung()
    {
        var asha = new SuccessiveHalvingPruner(minResource: 1, reductionFactor: 3);
        Assert.Equal([1L, 3, 9], new[] { asha.RungStep(0), asha.RungStep(1), asha.RungStep(2) });
        // Rung at epoch 1 holds 0.50, 0.60, 0.40, 0.70, 0.65 and the new value: 6 values, top 6/3 = 2 go on.
        Assert.True(asha.ShouldPrune(Context(5, Direction.Maximize, Accuracies, 0.64)));
        Assert.False(asha.ShouldPrune(Context(5, Direction.Maximize, Accuracies, 0.68)));
        // Between rungs nothing is decided.
        Assert.False(asha.ShouldPrune(Context(5, Direction.Maximize, Accuracies, 0.68, 0.1)));
        // At the rung of epoch 3: competitors 0.70, 0.80, 0.75, 0.85, 0.90 and 0.86 → top 2 are 0.90 and 0.86.
        Assert.False(asha.ShouldPrune(Context(5, Direction.Maximize, Accuracies, 0.68, 0.1, 0.86)));
        Assert.True(asha.ShouldPrune(Context(5, Direction.Maximize, Accuracies, 0.68, 0.1, 0.84)));
    }

    [Fact]
    public void Successive_halving_lets_only_the_best_through_while_a_rung_is_nearly_empty()
    {
        var asha = new SuccessiveHalvingPruner(1, 3);
        var one = new[] { Accuracies[0] };
        Assert.False(asha.ShouldPrune(Context(1, Direction.Maximize, one, 0.55)));
        Assert.True(asha.ShouldPrune(Context(1, Direction.Maximize, one, 0.45)));
    }

    [Fact]
    public void Hyperband_spreads_trials_over_brackets_and_compares_within_one()
    {
        var hyperband = new HyperbandPruner(minResource: 1, maxResource: 27, reductionFactor: 3);
        Assert.Equal(4, hyperband.Brackets);
        var counts = Enumerable.Range(0, 4000).GroupBy(hyperband.BracketOf).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4, counts.Count);
        Assert.True(counts[0] > counts[3], "the most aggressive bracket gets the most trials");
        // The least aggressive bracket (s = 3) never prunes before epoch 27.
        int calm = Enumerable.Range(100, 1000).First(n => hyperband.BracketOf(n) == 3);
        Assert.False(hyperband.ShouldPrune(Context(calm, Direction.Maximize, Accuracies, 0.0, 0.0, 0.0)));
    }

    [Fact]
    public void A_pruned_trial_keeps_its_learning_curve()
    {
        var study = Study.Create("curves", Direction.Maximize, new RandomSampler(), new MedianPruner(startupTrials: 2), seed: 1);
        study.Optimize(t =>
        {
            double quality = t.Float("q", 0, 1);
            for (int epoch = 1; epoch <= 5; epoch++)
            {
                t.Report(epoch, quality * epoch / 5);
                if (t.ShouldPrune()) throw new TrialPrunedException();
            }
            return quality;
        }, 20);
        var pruned = study.Trials.Where(t => t.State == TrialState.Pruned).ToList();
        Assert.NotEmpty(pruned);
        Assert.All(pruned, t => Assert.InRange(t.Intermediate.Count, 1, 4));
        var curves = FigureJson.Traces(study.PlotIntermediateValues());
        var withCurves = study.Trials.Where(t => t.Intermediate.Count > 0).ToList();
        Assert.Equal(withCurves.Select(t => $"trial {t.Number} ({t.State.ToString().ToLowerInvariant()})"), curves.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(withCurves.Select(t => t.Intermediate.Count), curves.Select(c => c.GetProperty("x").GetArrayLength()));   // pruned ones stop early
    }
}
