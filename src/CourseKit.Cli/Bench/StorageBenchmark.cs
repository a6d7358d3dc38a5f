using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CourseKit.Tuning;

namespace CourseKit.Cli.Bench;

/// <summary>Trials per second of <see cref="Workers"/> workers sharing one study in <see cref="Storage"/> (password left out).</summary>
internal sealed record StorageResult(string Storage, string Kind, int Workers, string WorkersAre, int Trials, double Seconds)
{
    public double TrialsPerSecond => Trials / Seconds;
}

/// <summary>
/// <c>coursekit bench tuner --storage URL --workers N</c>: the storage's throughput under N workers, each running a
/// random sampler on a trivial objective (two floats, x² + y²), mirrored with Optuna's RDB storage by
/// bench/compare_storage.py. In memory the workers are threads of one process; on SQLite and PostgreSQL they are
/// processes (<c>coursekit bench tuner-worker</c>), as on several hosts, and each uses the documented lag, workers − 1.
/// The clock runs from the moment every worker has loaded the study to the moment the last one finishes.
/// </summary>
internal static class StorageBenchmark
{
    public static StorageResult Run(string url, int workers, int trials, TextWriter? progress)
    {
        using var storage = StudyStorage.Open(url);
        string kind = storage switch { InMemoryStorage => "memory", SqliteStorage => "sqlite", _ => "postgresql" };
        string name = "bench-throughput-" + Guid.NewGuid().ToString("N")[..8];
        var study = Study.Create(name, Direction.Minimize, new RandomSampler(), seed: 0, storage: storage);
        try
        {
            double seconds = kind == "memory" ? InThreads(storage, name, workers, trials) : InProcesses(url, name, workers, trials);
            int complete = study.Trials.Count(t => t.State == TrialState.Complete);
            if (complete != trials) throw new InvalidOperationException($"the workers left {complete} complete trials, expected {trials}: the figure would be wrong.");
            var result = new StorageResult(storage.Description, kind, workers, kind == "memory" ? "threads" : "processes", trials, seconds);
            progress?.WriteLine($"  {kind,-10} {workers} workers  {trials} trials in {seconds:F2} s  {result.TrialsPerSecond:F1} trials/s");
            return result;
        }
        finally
        {
            storage.DeleteStudy(name);
        }
    }

    /// <summary>The objective every worker runs, here and in bench/compare_storage.py.</summary>
    public static double Objective(Trial t)
    {
        double x = t.Float("x", -1, 1), y = t.Float("y", -1, 1);
        return x * x + y * y;
    }

    private static double InThreads(IStudyStorage storage, string name, int workers, int trials)
    {
        Study.Create("warm-up", storage: new InMemoryStorage()).Optimize(Objective, 50);  // JIT, outside the clock
        var study = Study.Load(name, storage, new RandomSampler());
        var clock = Stopwatch.StartNew();
        study.Optimize(Objective, trials, new OptimizeOptions { Concurrency = workers });
        return clock.Elapsed.TotalSeconds;
    }

    private static double InProcesses(string url, string name, int workers, int trials)
    {
        var processes = Enumerable.Range(0, workers).Select(w => StartWorker(url, name, trials / workers + (w < trials % workers ? 1 : 0), workers - 1)).ToList();
        try
        {
            foreach (var p in processes) Expect(p, "READY");
            var clock = Stopwatch.StartNew();
            foreach (var p in processes) p.StandardInput.WriteLine("GO");
            foreach (var p in processes) Expect(p, "DONE");
            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            foreach (var p in processes.Where(p => !p.HasExited)) p.Kill(entireProcessTree: true);
            processes.ForEach(p => p.Dispose());
        }
    }

    private static Process StartWorker(string url, string name, int trials, int lag)
    {
        // This very program again: the apphost, or `dotnet coursekit.dll` when run through dotnet.
        string self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") info.ArgumentList.Add(typeof(StorageBenchmark).Assembly.Location);
        foreach (string a in new[] { "bench", "tuner-worker", "--storage", url, "--study", name, "--trials", trials.ToString(CultureInfo.InvariantCulture), "--lag", lag.ToString(CultureInfo.InvariantCulture) })
            info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }

    private static void Expect(Process p, string word)
    {
        string? line = p.StandardOutput.ReadLine();
        if (line != word) throw new InvalidOperationException($"a benchmark worker said '{line}' instead of {word} (exit code {(p.HasExited ? p.ExitCode : "—")}).");
    }

    /// <summary>The worker side: load the study, say READY, wait for GO, run, say DONE.</summary>
    public static int Worker(string url, string name, int trials, int lag)
    {
        Study.Create("warm-up", storage: new InMemoryStorage()).Optimize(Objective, 50);
        using var storage = StudyStorage.Open(url);
        var study = Study.Load(name, storage, new RandomSampler());
        Console.WriteLine("READY");
        if (Console.ReadLine() != "GO") return 1;
        study.Optimize(Objective, trials, new OptimizeOptions { Lag = lag });
        Console.WriteLine("DONE");
        return 0;
    }

    public static string ToJson(StorageResult r) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["storage"] = r.Storage,
        ["kind"] = r.Kind,
        ["workers"] = r.Workers,
        ["workers_are"] = r.WorkersAre,
        ["trials"] = r.Trials,
        ["seconds"] = Math.Round(r.Seconds, 4),
        ["trials_per_second"] = Math.Round(r.TrialsPerSecond, 2),
    }, new JsonSerializerOptions { WriteIndented = true });
}
