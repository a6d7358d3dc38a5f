using CourseKit.Tuning;

namespace CourseKit.Tests.Tuning;

public class SamplerTests
{
    private static double Bowl(Trial t) => Math.Pow(t.Float("x", -5, 5) - 1, 2) + Math.Pow(Math.Log10(t.Float("lr", 1e-4, 1, Scale.Log)) + 2, 2);

    [Fact]
    public void Grid_enumerates_every_point_once_with_log_spacing_on_log_axes()
    {
        var space = new SearchSpace().Float("lr", 1e-4, 1, Scale.Log).Categorical("opt", ["adam", "sgd"]).Int("units", 1, 3);
        var grid = new GridSampler(space, pointsPerAxis: 5);
        Assert.Equal(5 * 2 * 3, grid.MaxTrials);
        var study = Study.Create("grid", sampler: grid);
        var trials = study.Optimize(t => { space.Suggest(t); return 0; }, trials: 1000);
        Assert.Equal(30, trials.Count);
        var points = trials.Select(t => $"{t.Params["lr"]:G6}|{t.Params["opt"]}|{t.Params["units"]}").ToList();
        Assert.Equal(30, points.Distinct().Count());
        Assert.Equal(new[] { 1e-4, 1e-3, 1e-2, 1e-1, 1 }, trials.Select(t => (double)t.Params["lr"]!).Distinct().Order().Select(v => Math.Round(v, 10)));
        Assert.Throws<InvalidOperationException>(() => study.Ask());
    }

    [Fact]
    public void Sobol_points_put_one_value_in_each_slice_of_every_axis()
    {
        for (int dim = 0; dim < QuasiRandomSampler.MaxDimensions; dim++)
        {
            var slices = Enumerable.Range(0, 64).Select(i => (int)(QuasiRandomSampler.SobolBits(i, dim) >> 26)).ToHashSet();
            Assert.Equal(64, slices.Count);
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_trials_and_another_seed_other_trials()
    {
        foreach (Func<ISampler> make in new Func<ISampler>[] { () => new RandomSampler(), () => new QuasiRandomSampler(), () => new TpeSampler(), () => new CoarseToFineSampler(10, 3) })
        {
            string Run(int seed) => string.Join(";", Study.Create("s", sampler: make(), seed: seed).Optimize(Bowl, 25).Select(t => $"{t.Params["x"]:R},{t.Params["lr"]:R}"));
            Assert.Equal(Run(3), Run(3));
            Assert.NotEqual(Run(3), Run(4));
        }
    }

    [Fact]
    public void Parallel_workers_reproduce_the_same_trials_whatever_the_timing()
    {
        string Run(int concurrency, int jitterSeed)
        {
            var jitter = new Random(jitterSeed);
            var study = Study.Create("p", sampler: new TpeSampler(new TpeOptions { StartupTrials = 5 }), pruner: new MedianPruner(2), seed: 11);
            var trials = study.Optimize(t =>
            {
                int sleep;
                lock (jitter) sleep = jitter.Next(0, 4);
                double v = Bowl(t);
                for (int s = 0; s < 3; s++)
                {
                    Thread.Sleep(sleep);
                    t.Report(s, v + 3 - s);
                    if (t.ShouldPrune()) throw new TrialPrunedException();
                }
                return v;
            }, 30, new OptimizeOptions { Concurrency = concurrency, Lag = 3 });
            return string.Join(";", trials.Select(t => $"{t.Number}:{t.State}:{t.Params["x"]:R}:{t.Params["lr"]:R}"));
        }
        string reference = Run(1, 0);
        Assert.Equal(reference, Run(4, 1));
        Assert.Equal(reference, Run(4, 2));
    }

    [Fact]
    public void Tpe_finds_a_better_minimum_than_random_search_on_a_bowl()
    {
        double Best(ISampler s, int seed) => Study.Create("b", sampler: s, seed: seed).Optimize(Bowl, 60).Min(t => t.Value!.Value);
        double tpe = Enumerable.Range(0, 5).Select(s => Best(new TpeSampler(), s)).Order().ElementAt(2);
        double random = Enumerable.Range(0, 5).Select(s => Best(new RandomSampler(), s)).Order().ElementAt(2);
        Assert.True(tpe < random, $"TPE median best {tpe}, random {random}");
    }

    [Fact]
    public void Coarse_to_fine_zooms_into_the_box_around_the_best_trials()
    {
        var sampler = new CoarseToFineSampler(coarseTrials: 20, topK: 3, margin: 0.25);
        var study = Study.Create("c2f", sampler: sampler, seed: 1);
        var trials = study.Optimize(t => Math.Abs(t.Float("x", 0, 100) - 30), 60);
        var coarse = trials.Take(20).Select(t => (double)t.Params["x"]!).ToList();
        var fine = trials.Skip(30).Select(t => (double)t.Params["x"]!).ToList();
        Assert.True(coarse.Max() - coarse.Min() > 60);
        Assert.All(fine, x => Assert.InRange(x, 15, 45));
        Assert.True(study.BestValue < 0.5);
    }

    [Fact]
    public void Conditional_parameters_appear_only_when_their_condition_holds()
    {
        var study = Study.Create("cond", sampler: new TpeSampler(new TpeOptions { StartupTrials = 5 }), seed: 2);
        var trials = study.Optimize(t =>
        {
            int layers = t.Int("layers", 1, 3);
            double cost = 0;
            for (int i = 0; i < layers; i++) cost += Math.Abs(Math.Log2(t.Int($"units{i}", 8, 256, Scale.Log)) - 6);
            return cost + layers;
        }, 30);
        Assert.All(trials, t =>
        {
            long layers = (long)t.Params["layers"]!;
            for (int i = 0; i < 3; i++) Assert.Equal(i < layers, t.Params.ContainsKey($"units{i}"));
        });
    }

    [Fact]
    public void A_name_reused_with_another_distribution_is_an_error()
    {
        var study = Study.Create("dup");
        var trial = study.Ask();
        trial.Float("lr", 1e-4, 1, Scale.Log);
        Assert.Equal(trial.Params["lr"], trial.Float("lr", 1e-4, 1, Scale.Log));
        Assert.Contains("already suggested", Assert.Throws<ArgumentException>(() => trial.Float("lr", 1e-4, 1)).Message);
        study.Tell(trial, 1);
        var next = study.Ask();
        Assert.Contains("stores it as float [0.0001, 1] log", Assert.Throws<InvalidOperationException>(() => next.Float("lr", 0, 1)).Message);
    }
}
