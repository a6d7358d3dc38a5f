using CourseKit.Tuning;

namespace CourseKit.Tests.Tuning.Storage;

public abstract partial class StorageContractTests
{
    private static void InParallel(int workers, Action<int> work)
    {
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, workers).Select(w => new Thread(() =>
        {
            try { work(w); } catch (Exception e) { errors.Enqueue(e); }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => Assert.True(t.Join(TimeSpan.FromMinutes(2)), "a worker thread did not finish in 2 minutes"));
        if (!errors.IsEmpty) throw new AggregateException(errors);
    }

    [Fact]
    public void Workers_starting_trials_at_once_never_share_a_number_or_a_position()
    {
        var s = Storage.CreateStudy("c", Direction.Minimize, 0);
        var taken = new System.Collections.Concurrent.ConcurrentBag<TrialSlot?>();
        InParallel(8, _ => { for (int i = 0; i < 25; i++) taken.Add(Storage.StartTrial(s.Id, DateTime.UtcNow, positions: 150)); });
        var slots = taken.OfType<TrialSlot>().ToList();
        Assert.Equal(150, slots.Count);
        Assert.Equal(50, taken.Count(x => x is null));
        Assert.Equal(Enumerable.Range(0, 150), slots.Select(x => x.Number).Order());
        Assert.Equal(Enumerable.Range(0, 150), slots.Select(x => x.Position).Order());
        Assert.Equal(150, Storage.Trials(s.Id).Count);
    }

    [Fact]
    public void Workers_failing_stale_trials_at_once_fail_and_requeue_each_exactly_once()
    {
        var s = Storage.CreateStudy("stale", Direction.Minimize, 0);
        for (int i = 0; i < 20; i++) Storage.StartTrial(s.Id, T0);
        var failed = new System.Collections.Concurrent.ConcurrentBag<int>();
        InParallel(6, _ =>
        {
            foreach (int n in Storage.FailStaleTrials(s.Id, TimeSpan.FromSeconds(1), T0.AddMinutes(1), maxRetries: 2)) failed.Add(n);
        });
        Assert.Equal(Enumerable.Range(0, 20), failed.Order());
        var trials = Storage.Trials(s.Id);
        Assert.Equal(40, trials.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(),
            trials.Skip(20).Select(t => t.Attributes[SystemAttributes.RetryOf]).Order());
        var claimed = new System.Collections.Concurrent.ConcurrentBag<TrialSlot>();
        InParallel(6, _ => { for (int i = 0; i < 5; i++) if (Storage.StartTrial(s.Id, DateTime.UtcNow, positions: 20) is { } x) claimed.Add(x); });
        Assert.Equal(Enumerable.Range(20, 20), claimed.Select(x => x.Number).Order());  // the queue first, and no new position past 20
        Assert.Equal(Enumerable.Range(0, 20), claimed.Select(x => x.Position).Order());
    }

    [Fact]
    public void A_grid_study_run_by_four_threads_takes_every_point_once()
    {
        var space = new SearchSpace().Float("x", 0, 1).Int("k", 1, 3);
        var study = Study.Create("grid", Direction.Minimize, new GridSampler(space, pointsPerAxis: 5), seed: 0, storage: Storage);
        study.Optimize(t => t.Float("x", 0, 1) + t.Int("k", 1, 3), trials: 100, new OptimizeOptions { Concurrency = 4 });
        var points = study.Trials.Select(t => (t.InternalParams["x"], t.InternalParams["k"])).ToList();
        Assert.Equal(15, points.Count);
        Assert.Equal(15, points.Distinct().Count());
    }

    [Fact]
    public void A_reopened_storage_has_every_field_and_the_study_resumes_its_numbering_and_seeds()
    {
        var study = Study.Create("resume", Direction.Minimize, new RandomSampler(), seed: 5, storage: Storage);
        study.Optimize(t => { t.Report(1, 3.5); t.SetAttribute("note", "hello"); return t.Float("x", -2, 2) + t.Categorical("act", "relu", "tanh").Length; }, 3);
        var before = study.Trials;
        if (Reopen() is not { } again) return;  // memory: nothing outlives the process
        Track(again);
        var loaded = Study.Load("resume", again, new RandomSampler());
        var after = loaded.Trials;
        Assert.Equal(before.Select(Describe), after.Select(Describe));
        loaded.Optimize(t => t.Float("x", -2, 2) + t.Categorical("act", "relu", "tanh").Length, 1);
        var reference = Study.Create("resume", Direction.Minimize, new RandomSampler(), seed: 5);
        reference.Optimize(t => t.Float("x", -2, 2) + t.Categorical("act", "relu", "tanh").Length, 4);
        Assert.Equal(reference.Trials[3].Params["x"], loaded.Trials[3].Params["x"]);
        Assert.Equal(Seeds.Trial(5, 3), loaded.Trials[3].Seed);
    }

    private static string Describe(TrialRecord t) =>
        $"{t.Number} {t.State} {t.Value:R} {t.Seed} {t.Started:O} {t.Finished:O} {string.Join(",", t.InternalParams.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value:R}/{t.Distributions[p.Key].ToJson()}"))} " +
        $"{string.Join(",", t.Intermediate.Select(p => $"{p.Key}:{p.Value:R}"))} {string.Join(",", t.Attributes.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"))}";
}
