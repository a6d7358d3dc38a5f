using System.Diagnostics;
using System.Text.Json;
using CourseKit.Tuning;

namespace CourseKit.Cli.Bench;

/// <summary>One sampler on one function: medians over seeds of the best value after 50 and 100 trials, and of the time per trial.</summary>
internal sealed record TunerResult(string Function, string Sampler, double BestAt50, double BestAt100, double MsPerTrial, double MsPerTrialTotal, int Seeds, int Trials);

/// <summary>
/// <c>coursekit bench tuner</c>: samplers on Hartmann-6 and Branin, mirrored with Optuna by bench/compare_tuner.py.
/// ms_per_trial is the sampler's own time (<see cref="Trial.SamplerTime"/>); ms_per_trial_total is everything but the
/// objective (ask, suggestions, storage, tell) — what Optuna's side measures.
/// </summary>
internal static class TunerBenchmarks
{
    public static readonly string[] Samplers = ["random", "qmc", "coarse_to_fine", "tpe"];

    public static IReadOnlyList<TunerResult> Run(string? filter, int seeds, int trials, TextWriter? progress)
    {
        var results = new List<TunerResult>();
        foreach (string function in new[] { "hartmann6", "branin" })
            foreach (string sampler in Samplers)
            {
                if (filter is not null && !sampler.Contains(filter, StringComparison.OrdinalIgnoreCase) && !function.Contains(filter, StringComparison.OrdinalIgnoreCase)) continue;
                Once(function, sampler, seed: 1000, trials);  // warm up the JIT
                var runs = Enumerable.Range(0, seeds).Select(s => Once(function, sampler, s, trials)).ToList();
                var r = new TunerResult(function, sampler, Median(runs.Select(x => x.At50)), Median(runs.Select(x => x.At100)),
                    Median(runs.Select(x => x.SamplerMs)), Median(runs.Select(x => x.TotalMs)), seeds, trials);
                progress?.WriteLine($"  {function,-10} {sampler,-15} best@50 {r.BestAt50,9:F4}  best@100 {r.BestAt100,9:F4}  {r.MsPerTrial,7:F3} ms/trial");
                results.Add(r);
            }
        return results;
    }

    private static ISampler Create(string name) => name switch
    {
        "random" => new RandomSampler(),
        "qmc" => new QuasiRandomSampler(),
        "coarse_to_fine" => new CoarseToFineSampler(),
        "tpe" => new TpeSampler(),
        _ => throw new ArgumentException($"sampler: unknown '{name}'."),
    };

    private static (double At50, double At100, double SamplerMs, double TotalMs) Once(string function, string sampler, int seed, int trials)
    {
        var study = Study.Create("bench", Direction.Minimize, Create(sampler), seed: seed);
        double best = double.PositiveInfinity, at50 = double.NaN, samplerMs = 0, objectiveMs = 0;
        Span<double> x = stackalloc double[6];
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < trials; i++)
        {
            var trial = study.Ask();
            double value;
            if (function == "hartmann6")
            {
                for (int j = 0; j < 6; j++) x[j] = trial.Float($"x{j}", 0, 1);
                long t0 = Stopwatch.GetTimestamp();
                value = TestFunctions.Hartmann6(x);
                objectiveMs += Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            }
            else
            {
                double x1 = trial.Float("x1", -5, 10), x2 = trial.Float("x2", 0, 15);
                long t0 = Stopwatch.GetTimestamp();
                value = TestFunctions.Branin(x1, x2);
                objectiveMs += Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            }
            samplerMs += trial.SamplerTime.TotalMilliseconds;
            study.Tell(trial, value);
            best = Math.Min(best, value);
            if (i == Math.Min(49, trials - 1)) at50 = best;
        }
        double totalMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds - objectiveMs;
        return (at50, best, samplerMs / trials, totalMs / trials);
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    public static string ToJson(IReadOnlyList<TunerResult> results) => JsonSerializer.Serialize(results.Select(r => new Dictionary<string, object>
    {
        ["function"] = r.Function,
        ["sampler"] = r.Sampler,
        ["best_at_50"] = Math.Round(r.BestAt50, 6),
        ["best_at_100"] = Math.Round(r.BestAt100, 6),
        ["ms_per_trial"] = Math.Round(r.MsPerTrial, 4),
        ["ms_per_trial_total"] = Math.Round(r.MsPerTrialTotal, 4),
        ["seeds"] = r.Seeds,
        ["trials"] = r.Trials,
    }), new JsonSerializerOptions { WriteIndented = true });

    public static string ToTable(IReadOnlyList<TunerResult> results) =>
        $"{"function",-10} {"sampler",-15} {"best@50",10} {"best@100",10} {"ms/trial",9} {"total ms",9}\n" +
        string.Join("\n", results.Select(r => $"{r.Function,-10} {r.Sampler,-15} {r.BestAt50,10:F4} {r.BestAt100,10:F4} {r.MsPerTrial,9:F3} {r.MsPerTrialTotal,9:F3}"));
}
