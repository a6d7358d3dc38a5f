using CourseKit.Tuning;

namespace CourseKit.Tests.Tuning.Storage;

/// <summary>
/// The study storage contract: one suite, run against every storage (<see cref="InMemoryStorageContractTests"/>,
/// <see cref="SqliteStorageContractTests"/>, <see cref="PostgresStorageContractTests"/>). Each test gets an empty storage.
/// </summary>
public abstract partial class StorageContractTests : IDisposable
{
    private readonly List<IStudyStorage> _opened = [];

    /// <summary>An empty storage of the kind under test, the same every time this test calls it.</summary>
    protected abstract IStudyStorage CreateStorage();

    /// <summary>The same storage opened again (a new process would see this), or null for one that lives in memory.</summary>
    protected abstract IStudyStorage? Reopen();

    /// <summary>Times the storage keeps exactly (memory) or to the millisecond (SQL databases).</summary>
    protected virtual TimeSpan TimeResolution => TimeSpan.FromMilliseconds(1);

    private IStudyStorage? _storage;

    protected IStudyStorage Storage => _storage ??= Track(CreateStorage());

    protected T Track<T>(T storage) where T : IStudyStorage
    {
        _opened.Add(storage);
        return storage;
    }

    public virtual void Dispose()
    {
        foreach (var s in _opened) s.Dispose();
        GC.SuppressFinalize(this);
    }

    protected static readonly DateTime T0 = new(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_study_is_created_found_listed_and_its_name_is_unique()
    {
        var info = Storage.CreateStudy("digits", Direction.Maximize, 42);
        Storage.CreateStudy("spirals", Direction.Minimize, 1);
        Assert.Equal(("digits", Direction.Maximize, 42), (info.Name, info.Direction, info.Seed));
        Assert.Equal(info, Storage.FindStudy("digits"));
        Assert.Null(Storage.FindStudy("nothing"));
        Assert.Equal(["digits", "spirals"], Storage.StudyNames());
        var e = Assert.Throws<StudyExistsException>(() => Storage.CreateStudy("digits", Direction.Minimize, 0));
        Assert.Contains("already exists", e.Message);
    }

    [Fact]
    public void Workers_that_create_or_load_the_same_study_at_once_all_open_the_one_study()
    {
        _ = Storage;   // the empty storage first; then one connection per worker where the storage has connections
        var storages = Enumerable.Range(0, 6).Select(_ => Reopen() is { } other ? Track(other) : Storage).ToArray();
        using var start = new Barrier(storages.Length);
        var opened = storages.AsParallel().WithDegreeOfParallelism(storages.Length).Select(s =>
        {
            start.SignalAndWait();
            return Study.CreateOrLoad("shared", s, Direction.Maximize, seed: 7).Info;
        }).ToArray();
        Assert.Single(opened.Select(i => i.Id).Distinct());
        Assert.Equal(["shared"], Storage.StudyNames());
    }

    [Fact]
    public void Deleting_a_study_removes_its_trials_and_frees_its_name()
    {
        var a = Storage.CreateStudy("a", Direction.Minimize, 0);
        var b = Storage.CreateStudy("b", Direction.Minimize, 0);
        int n = Storage.StartTrial(a.Id, T0)!.Number;
        Storage.SetParameter(a.Id, n, "x", new FloatDistribution(0, 1), 0.5);
        Storage.StartTrial(b.Id, T0);
        Assert.True(Storage.DeleteStudy("a"));
        Assert.False(Storage.DeleteStudy("a"));
        Assert.Equal(["b"], Storage.StudyNames());
        Assert.Single(Storage.Trials(b.Id));
        Assert.Throws<KeyNotFoundException>(() => Storage.StartTrial(a.Id, T0));
        var again = Storage.CreateStudy("a", Direction.Minimize, 3);
        Assert.NotEqual(a.Id, again.Id);
        Assert.Empty(Storage.Trials(again.Id));
        Assert.Empty(Storage.Parameters(again.Id));
    }

    [Fact]
    public void Parameters_keep_their_first_distribution_and_order()
    {
        var s = Storage.CreateStudy("p", Direction.Minimize, 0);
        var lr = new FloatDistribution(1e-4, 1, Scale.Log);
        Assert.Same(lr, Storage.RegisterParameter(s.Id, "lr", lr));
        Storage.RegisterParameter(s.Id, "units", new IntDistribution(16, 256, Scale.Log));
        var stored = Storage.RegisterParameter(s.Id, "lr", new FloatDistribution(0, 1));
        Assert.True(stored.SameAs(lr));
        Assert.Equal(["lr", "units"], Storage.Parameters(s.Id).Select(p => p.Name));
        Assert.True(Storage.Parameters(s.Id)[1].Distribution.SameAs(new IntDistribution(16, 256, Scale.Log)));
    }

    [Fact]
    public void Trials_are_numbered_positioned_and_seeded_from_the_study_seed()
    {
        var s = Storage.CreateStudy("t", Direction.Minimize, 9);
        var slots = Enumerable.Range(0, 4).Select(_ => Storage.StartTrial(s.Id, T0)!).ToList();
        Assert.Equal([0, 1, 2, 3], slots.Select(x => x.Number));
        Assert.Equal([0, 1, 2, 3], slots.Select(x => x.Position));
        Assert.Equal(Enumerable.Range(0, 4).Select(n => Seeds.Trial(9, n)), slots.Select(x => x.Seed));
        Assert.All(slots, x => Assert.Empty(x.FixedParams));
        Assert.All(slots, x => Assert.Null(x.RetryOf));
        var trials = Storage.Trials(s.Id);
        Assert.All(trials, t => Assert.Equal(TrialState.Running, t.State));
        Assert.All(trials, t => Assert.Equal(T0, t.Started));
    }

    [Fact]
    public void No_trial_is_created_past_the_samplers_last_position()
    {
        var s = Storage.CreateStudy("grid", Direction.Minimize, 0);
        Assert.Equal(0, Storage.StartTrial(s.Id, T0, positions: 2)?.Position);
        Assert.Equal(1, Storage.StartTrial(s.Id, T0, positions: 2)?.Position);
        Assert.Null(Storage.StartTrial(s.Id, T0, positions: 2));
        Assert.Equal(2, Storage.Trials(s.Id).Count);
    }
}
