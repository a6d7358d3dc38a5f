using CourseKit.Tests.Support;
using CourseKit.Tuning;

namespace CourseKit.Tests.Tuning;

public class StorageTests
{
    private static double Objective(Trial t) => Math.Pow(t.Float("x", -2, 2), 2) + t.Categorical("act", "relu", "tanh").Length;

    [Fact]
    public void Sqlite_keeps_every_trial_field_across_reopening()
    {
        using var temp = new TempFolder();
        string db = temp.File("study.db");
        using (var storage = new SqliteStorage(db))
        {
            var study = Study.Create("s", Direction.Minimize, new RandomSampler(), seed: 5, storage: storage);
            study.Optimize(t =>
            {
                t.Report(1, 3.5);
                t.SetAttribute("note", "hello");
                return Objective(t);
            }, 4);
        }
        using (var storage = new SqliteStorage(db))
        {
            var study = Study.Load("s", storage);
            Assert.Equal(5, study.Seed);
            var trials = study.Trials;
            Assert.Equal(4, trials.Count);
            var t0 = trials[0];
            Assert.Equal(TrialState.Complete, t0.State);
            Assert.Equal(Seeds.Trial(5, 0), t0.Seed);
            Assert.Equal(3.5, t0.Intermediate[1]);
            Assert.Equal("hello", t0.Attributes["note"]);
            Assert.IsType<string>(t0.Params["act"]);
            Assert.True(t0.Distributions["x"].SameAs(new FloatDistribution(-2, 2)));
            Assert.True(t0.Finished >= t0.Started, $"finished {t0.Finished} before started {t0.Started}");
            Assert.True(t0.SamplerMilliseconds >= 0);
            // Resuming continues the numbering and the seeds: trial 4 is what a single run of 5 trials would have made.
            study.Optimize(Objective, 1);
            using var memory = new InMemoryStorage();
            var reference = Study.Create("s", Direction.Minimize, new RandomSampler(), seed: 5, storage: memory);
            reference.Optimize(Objective, 5);
            Assert.Equal(reference.Trials[4].Params["x"], study.Trials[4].Params["x"]);
        }
    }

    [Fact]
    public void A_file_that_is_not_sqlite_is_refused_and_left_untouched()
    {
        using var temp = new TempFolder();
        string path = temp.File("notes.db");
        File.WriteAllText(path, "these are my notes, not a database");
        byte[] before = File.ReadAllBytes(path);
        var e = Assert.Throws<InvalidDataException>(() => new SqliteStorage(path));
        Assert.Contains("not a SQLite database", e.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_corrupt_sqlite_file_is_refused_and_left_untouched()
    {
        using var temp = new TempFolder();
        string path = temp.File("broken.db");
        using (var s = new SqliteStorage(path)) Study.Create("x", storage: s).Optimize(Objective, 2);
        byte[] bytes = File.ReadAllBytes(path);
        for (int i = 100; i < bytes.Length; i++) bytes[i] = 0xA5;
        File.WriteAllBytes(path, bytes);
        foreach (string side in new[] { path + "-wal", path + "-shm" }) File.Delete(side);
        var e = Assert.Throws<InvalidDataException>(() => new SqliteStorage(path));
        Assert.Contains("left untouched", e.Message);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void Another_applications_sqlite_database_is_refused_and_left_untouched()
    {
        using var temp = new TempFolder();
        string path = temp.File("other.db");
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE customers(id INTEGER, name TEXT); INSERT INTO customers VALUES (1, 'Ada');";
            cmd.ExecuteNonQuery();
        }
        byte[] before = File.ReadAllBytes(path);
        var e = Assert.Throws<InvalidDataException>(() => new SqliteStorage(path));
        Assert.Contains("another application (tables: customers)", e.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Loading_a_study_that_does_not_exist_names_the_ones_that_do()
    {
        using var temp = new TempFolder();
        using var storage = new SqliteStorage(temp.File("s.db"));
        Study.Create("digits-lr", storage: storage);
        var e = Assert.Throws<KeyNotFoundException>(() => Study.Load("digits", storage));
        Assert.Contains("'digits-lr'", e.Message);
        Assert.Throws<StudyExistsException>(() => Study.Create("digits-lr", storage: storage));
    }

    [Fact]
    public void A_space_that_conflicts_with_the_stored_study_is_an_error_and_changes_nothing()
    {
        using var temp = new TempFolder();
        string db = temp.File("s.db");
        using (var storage = new SqliteStorage(db)) Study.Create("s", storage: storage).Optimize(Objective, 2);
        using (var storage = new SqliteStorage(db))
        {
            var study = Study.Load("s", storage);
            var e = Assert.Throws<InvalidOperationException>(() => study.Declare(new SearchSpace().Float("x", -2, 2, Scale.Linear, 0.5)));
            Assert.Contains("stores it as float [-2, 2]", e.Message);
            Assert.Throws<ArgumentException>(() => Study.CreateOrLoad("s", storage, Direction.Maximize));
            Assert.Equal(2, study.Trials.Count);
            Assert.True(study.Space.Single(p => p.Name == "x").Distribution.SameAs(new FloatDistribution(-2, 2)));
        }
    }

    [Fact]
    public void Trials_whose_heartbeat_stopped_are_marked_failed_not_left_running()
    {
        using var storage = new InMemoryStorage();
        var study = Study.Create("hb", storage: storage);
        int number = storage.StartTrial(study.Id, DateTime.UtcNow - TimeSpan.FromMinutes(5))!.Number;
        study.HeartbeatTimeout = TimeSpan.FromSeconds(30);
        Assert.Equal([number], study.FailStaleTrials());
        Assert.Equal(TrialState.Failed, study.Trials[number].State);
        study.Optimize(Objective, 2);
        Assert.Equal(3, study.Trials.Count);
    }

    [Fact]
    public void Cancellation_leaves_no_trial_running()
    {
        using var temp = new TempFolder();
        using var storage = new SqliteStorage(temp.File("c.db"));
        var study = Study.Create("c", storage: storage, sampler: new RandomSampler());
        using var cts = new CancellationTokenSource();
        int started = 0;
        Assert.ThrowsAny<OperationCanceledException>(() => study.Optimize(t =>
        {
            if (Interlocked.Increment(ref started) == 3) cts.Cancel();
            for (int epoch = 0; epoch < 50; epoch++) { t.Report(epoch, epoch); Thread.Sleep(1); }
            return Objective(t);
        }, 100, new OptimizeOptions { Concurrency = 2, CancellationToken = cts.Token }));
        var trials = study.Trials;
        Assert.InRange(trials.Count, 3, 6);
        Assert.DoesNotContain(trials, t => t.State == TrialState.Running);
        Assert.Contains(trials, t => t.State == TrialState.Cancelled);
    }

    [Fact]
    public void A_throwing_objective_gives_a_failed_trial_with_the_reason()
    {
        var study = Study.Create("f", sampler: new RandomSampler());
        study.Optimize(t => t.Number == 1 ? throw new InvalidOperationException("diverged") : Objective(t), 3);
        Assert.Equal(TrialState.Failed, study.Trials[1].State);
        Assert.Contains("diverged", study.Trials[1].Attributes[SystemAttributes.Error]);
        study.Optimize(t => double.NaN, 1);
        Assert.Equal(TrialState.Failed, study.Trials[3].State);
    }

    [Fact]
    public void A_worker_whose_trial_a_peer_failed_keeps_the_verdict_and_runs_its_next_trials()
    {
        var study = Study.Create("starved", storage: new InMemoryStorage());
        var errors = new StringWriter();
        var stderr = Console.Error;
        Console.SetError(errors);
        try
        {
            study.Optimize(t =>
            {
                double x = t.Float("x", -2, 2);
                // What a peer does when this worker's heartbeat lapsed: the storage marks the running trial failed.
                if (t.Number == 1) study.Storage.FinishTrial(study.Id, t.Number, TrialState.Failed, null, DateTime.UtcNow);
                return x * x;
            }, 4);
        }
        finally { Console.SetError(stderr); }
        Assert.Equal([TrialState.Complete, TrialState.Failed, TrialState.Complete, TrialState.Complete], study.Trials.Select(t => t.State));
        Assert.Contains("warning: study 'starved': trial 1: it is Failed;", errors.ToString());
        Assert.Throws<TrialFinishedException>(() => TellAfterAPeerFailedIt(study));
    }

    // An explicit Tell on a trial that is already finished still throws: only Optimize moves on.
    private static void TellAfterAPeerFailedIt(Study study)
    {
        var trial = study.Ask();
        study.Storage.FinishTrial(study.Id, trial.Number, TrialState.Failed, null, DateTime.UtcNow);
        study.Tell(trial, 1.0);
    }
}
