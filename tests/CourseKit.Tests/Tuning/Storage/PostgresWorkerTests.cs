using System.Diagnostics;
using CourseKit.Tests.Support;
using CourseKit.Tuning;

namespace CourseKit.Tests.Tuning.Storage;

/// <summary>Worker processes sharing one PostgreSQL study: many at once, one killed, the server restarted, workers on other hosts.</summary>
public class PostgresWorkerTests
{
    private static double Objective(TrialRecord t) => t.InternalParams["x"] * t.InternalParams["x"] + t.InternalParams["y"] * t.InternalParams["y"];

    private static void AssertAllDone(List<(int Code, string Out, string Err)> results)
    {
        for (int i = 0; i < results.Count; i++)
        {
            Assert.True(results[i].Code == 0, $"worker {i} exited {results[i].Code}: {results[i].Err}");
            Assert.StartsWith("DONE", results[i].Out);
        }
    }

    [Fact]
    public async Task Eight_processes_of_fifty_TPE_trials_number_every_trial_once_and_reproduce_a_single_run()
    {
        string url = PostgresCluster.NewDatabase();
        var workers = Enumerable.Range(0, 8).Select(_ => TuningWorker.Start(null, url, "tpe8", "50", "run", "7", "--sampler", "tpe", "--sleep-ms", "1")).ToList();
        AssertAllDone(await TuningWorker.WaitAll(workers, TimeSpan.FromMinutes(12)));  // a bound against a hang: on a loaded 2-core machine this took 5 minutes
        using var storage = new PostgresStorage(url);
        var study = Study.Load("tpe8", storage);
        var trials = study.Trials;
        Assert.Equal(Enumerable.Range(0, 400), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.All(trials, t => Assert.Equal(Objective(t), t.Value));
        Assert.Equal(trials.Min(t => t.Value!.Value), study.BestValue);
        // Lag 7 = workers − 1: trial n's parameters are what one process with the same lag proposes, whoever ran it.
        var reference = Study.Create("tpe8", Direction.Minimize, new TpeSampler(), seed: 7);
        reference.Optimize(t => { double x = t.Float("x", -1, 1), y = t.Float("y", -1, 1); return x * x + y * y; }, 400, new OptimizeOptions { Lag = 7 });
        Assert.Equal(reference.Trials.Select(t => t.InternalParams["x"]), trials.Select(t => t.InternalParams["x"]));
    }

    [Fact]
    public async Task A_worker_killed_mid_trial_has_its_trial_failed_and_rerun_once_by_the_others()
    {
        string url = PostgresCluster.NewDatabase();
        using var hung = TuningWorker.Start(null, url, "killed", "1", "hang", "--sampler", "tpe", "--retries", "1", "--heartbeat-timeout-s", "5");
        Assert.Equal("RUNNING 0", await hung.StandardOutput.ReadLineAsync());
        Process.Start("kill", ["-9", hung.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        hung.WaitForExit();
        // TPE with lag 0 waits for trial 0: the workers block until its heartbeat expires, then one re-runs it.
        var workers = Enumerable.Range(0, 2).Select(_ => TuningWorker.Start(null, url, "killed", "6", "run", "--sampler", "tpe", "--retries", "1", "--heartbeat-timeout-s", "5", "--sleep-ms", "50")).ToList();
        AssertAllDone(await TuningWorker.WaitAll(workers, TimeSpan.FromMinutes(8)));
        using var storage = new PostgresStorage(url);
        var trials = Study.Load("killed", storage).Trials;
        Assert.Equal(TrialState.Failed, trials[0].State);
        Assert.Contains("no heartbeat", trials[0].Attributes[SystemAttributes.Error]);
        var rerun = Assert.Single(trials, t => t.Attributes.GetValueOrDefault(SystemAttributes.RetryOf) == "0");
        Assert.Equal(TrialState.Complete, rerun.State);
        Assert.Equal(trials[0].InternalParams, rerun.InternalParams);
        Assert.Equal(trials[0].Seed, rerun.Seed);
        Assert.Equal(13, trials.Count);  // the killed one, its re-run, 11 fresh: 12 trials asked of the two workers
        Assert.Equal(12, trials.Count(t => t.State == TrialState.Complete));
    }

    [Fact]
    public async Task Workers_reconnect_and_finish_when_the_server_restarts_mid_run()
    {
        using var cluster = PostgresCluster.Start();
        var workers = Enumerable.Range(0, 4).Select(_ => TuningWorker.Start(null, cluster.Url, "restart", "30", "run", "3", "--sleep-ms", "30", "--heartbeat-timeout-s", "60")).ToList();
        using (var watch = new PostgresStorage(cluster.Url))
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromMinutes(2) && (watch.FindStudy("restart") is not { } s || watch.Trials(s.Id).Count(t => t.IsFinished) < 20))
                Thread.Sleep(100);
        }
        cluster.Restart();
        AssertAllDone(await TuningWorker.WaitAll(workers, TimeSpan.FromMinutes(12)));  // a bound against a hang, generous for loaded machines
        using var storage = new PostgresStorage(cluster.Url);
        var trials = Study.Load("restart", storage).Trials;
        Assert.Equal(Enumerable.Range(0, 120), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.All(trials, t => Assert.Equal(3, t.Intermediate.Count));
    }

    [Fact]
    public async Task Workers_on_two_other_hosts_share_one_study_over_tcp()
    {
        using var hosts = NetworkHosts.Create(2);
        using var cluster = PostgresCluster.Start(listen: "127.0.0.1," + string.Join(",", hosts.ServerAddresses));
        string Remote(int h) => cluster.Url.Replace("@127.0.0.1:", $"@{hosts.ServerAddresses[h]}:", StringComparison.Ordinal);
        // Inside a host, 127.0.0.1 is that host's own loopback: the server is not there.
        var local = await TuningWorker.WaitAll([TuningWorker.Start(hosts.Names[0], cluster.Url, "hosts", "1", "run")], TimeSpan.FromMinutes(1));
        Assert.NotEqual(0, local[0].Code);
        Assert.Contains("could not be reached", local[0].Err);
        var workers = Enumerable.Range(0, 4).Select(i => TuningWorker.Start(hosts.Names[i % 2], Remote(i % 2), "hosts", "15", "run", "3")).ToList();
        AssertAllDone(await TuningWorker.WaitAll(workers, TimeSpan.FromMinutes(8)));
        using var storage = new PostgresStorage(cluster.Url);
        var trials = Study.Load("hosts", storage).Trials;
        Assert.Equal(Enumerable.Range(0, 60), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
    }
}
