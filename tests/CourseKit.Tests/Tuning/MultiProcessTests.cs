using System.Diagnostics;
using CourseKit.Tests.Support;
using CourseKit.Tuning;

namespace CourseKit.Tests.Tuning;

/// <summary>Several real OS processes (tests/CourseKit.Tuning.Worker) sharing one SQLite study file.</summary>
[Trait("Category", "Slow")]
public class MultiProcessTests
{
    private static Process Start(params string[] args) => TuningWorker.Start(null, args);

    [Fact]
    public async Task Three_processes_share_one_study_file_without_lock_errors()
    {
        using var temp = new TempFolder();
        string db = temp.File("shared.db");
        using (var storage = new SqliteStorage(db)) Study.Create("shared", Direction.Minimize, new RandomSampler(), seed: 7, storage: storage);
        var workers = Enumerable.Range(0, 3).Select(_ => Start("sqlite:///" + db, "shared", "12", "run", "2")).ToList();
        var outputs = workers.Select(w => (Out: w.StandardOutput.ReadToEndAsync(), Err: w.StandardError.ReadToEndAsync())).ToList();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        foreach (var w in workers) await w.WaitForExitAsync(timeout.Token);
        for (int i = 0; i < 3; i++)
        {
            string output = await outputs[i].Out, errors = await outputs[i].Err;
            Assert.True(workers[i].ExitCode == 0, $"worker {i} exited {workers[i].ExitCode}: {errors}");
            Assert.StartsWith("DONE", output);
            Assert.DoesNotContain("locked", errors, StringComparison.OrdinalIgnoreCase);
        }
        using var check = new SqliteStorage(db);
        var trials = Study.Load("shared", check).Trials;
        Assert.Equal(Enumerable.Range(0, 36), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.All(trials, t => Assert.Equal(3, t.Intermediate.Count));
        // Whatever process ran trial n, its parameters came from (study seed, n).
        using var memory = new InMemoryStorage();
        var reference = Study.Create("shared", Direction.Minimize, new RandomSampler(), seed: 7, storage: memory);
        reference.Optimize(t => t.Float("x", -1, 1) + t.Float("y", -1, 1), 36);
        Assert.Equal(reference.Trials.Select(t => t.Params["x"]), trials.Select(t => t.Params["x"]));
    }

    [Fact]
    public void A_killed_process_leaves_a_trial_that_the_heartbeat_timeout_marks_failed_and_the_study_resumes()
    {
        using var temp = new TempFolder();
        string db = temp.File("crash.db");
        using (var storage = new SqliteStorage(db)) Study.Create("crash", Direction.Minimize, new RandomSampler(), seed: 7, storage: storage);
        using var worker = Start("sqlite:///" + db, "crash", "1", "hang");
        string? line = worker.StandardOutput.ReadLine();
        Assert.Equal("RUNNING 0", line);
        worker.Kill(entireProcessTree: true);
        worker.WaitForExit();

        using var storage2 = new SqliteStorage(db);
        var study = Study.Load("crash", storage2, new RandomSampler());
        study.HeartbeatTimeout = TimeSpan.FromSeconds(1);
        Assert.Equal(TrialState.Running, study.Trials[0].State);
        Thread.Sleep(1500);
        study.Optimize(t => t.Float("x", -1, 1) * t.Float("y", -1, 1), 3);  // marks the dead trial failed first
        var trials = study.Trials;
        Assert.Equal(TrialState.Failed, trials[0].State);
        Assert.Contains("no heartbeat", trials[0].Attributes[SystemAttributes.Error]);
        Assert.Equal(1.0, trials[0].Intermediate[0]);
        Assert.Equal(new[] { TrialState.Complete, TrialState.Complete, TrialState.Complete }, trials.Skip(1).Select(t => t.State));
    }
}
