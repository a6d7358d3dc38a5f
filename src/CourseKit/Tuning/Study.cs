namespace CourseKit.Tuning;

/// <summary>
/// A hyperparameter search: a named set of trials in a storage, a direction, a seed, a sampler and a pruner.
/// <see cref="Optimize"/> runs trials (several at once: caviar); <see cref="Ask"/>/<see cref="Tell(Trial, double)"/>
/// run them by hand; analysis lives in <c>Study.Analysis.cs</c>.
/// </summary>
/// <example>
/// <code>
/// var study = Study.Create("digits", Direction.Maximize, new TpeSampler(), seed: 0, storage: new SqliteStorage("tuning.db"));
/// study.Optimize(trial => Train(trial.Float("lr", 1e-4, 1, Scale.Log), trial.Float("beta", 0.9, 0.999, Scale.ReverseLog)), trials: 30);
/// </code>
/// </example>
[TypeFormatterSource("CourseKit.Display.StudyFormatterSource")]
public sealed partial class Study
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Distribution> _known = [];
    private IReadOnlyList<(string, Distribution)> _space = [];

    private Study(IStudyStorage storage, StudyInfo info, ISampler? sampler, IPruner? pruner)
    {
        (Storage, Info) = (storage, info);
        Sampler = sampler ?? new TpeSampler();
        Pruner = pruner ?? new NoPruner();
        lock (_lock) RefreshSpace();
    }

    /// <summary>Creates a new study; throws when <paramref name="storage"/> already has one named <paramref name="name"/>.</summary>
    /// <param name="name">The study's name in its storage.</param>
    /// <param name="direction">Whether the objective is minimized (a cost) or maximized (an accuracy).</param>
    /// <param name="sampler">How trials are proposed; TPE when null.</param>
    /// <param name="pruner">Early stopping; none when null.</param>
    /// <param name="seed">The study seed: trial n's randomness comes from (seed, n).</param>
    /// <param name="storage">Where trials are kept; in memory when null.</param>
    public static Study Create(string name, Direction direction = Direction.Minimize, ISampler? sampler = null, IPruner? pruner = null,
        int seed = 0, IStudyStorage? storage = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        storage ??= new InMemoryStorage();
        return new Study(storage, storage.CreateStudy(name, direction, seed), sampler, pruner);
    }

    /// <summary>Opens a stored study (to resume or analyse it); throws <see cref="KeyNotFoundException"/> naming the studies that exist.</summary>
    public static Study Load(string name, IStudyStorage storage, ISampler? sampler = null, IPruner? pruner = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(storage);
        var info = storage.FindStudy(name) ?? throw new KeyNotFoundException(
            $"name: no study named '{name}' in {storage.Description}; it has [{string.Join(", ", storage.StudyNames().Select(n => $"'{n}'"))}].");
        return new Study(storage, info, sampler, pruner);
    }

    /// <summary>Opens a stored study from the storage at <paramref name="storageUrl"/> (see <see cref="StudyStorage.Open"/>).</summary>
    public static Study Load(string name, string storageUrl, ISampler? sampler = null, IPruner? pruner = null) =>
        Load(name, StudyStorage.Open(storageUrl), sampler, pruner);

    /// <summary>Opens the study if it exists in the storage at <paramref name="storageUrl"/>, else creates it there.</summary>
    public static Study CreateOrLoad(string name, string storageUrl, Direction direction = Direction.Minimize, ISampler? sampler = null,
        IPruner? pruner = null, int seed = 0) => CreateOrLoad(name, StudyStorage.Open(storageUrl), direction, sampler, pruner, seed);

    /// <summary>Opens the study if it exists (checking direction and seed agree), else creates it.</summary>
    public static Study CreateOrLoad(string name, IStudyStorage storage, Direction direction = Direction.Minimize, ISampler? sampler = null,
        IPruner? pruner = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (storage.FindStudy(name) is not { } info)
        {
            try { return Create(name, direction, sampler, pruner, seed, storage); }
            catch (StudyExistsException) { info = storage.FindStudy(name)!; }   // another worker created it in between
        }
        if (info.Direction != direction || info.Seed != seed)
            throw new ArgumentException($"name: the stored study '{name}' was created with direction {info.Direction}, seed {info.Seed}; asked for {direction}, seed {seed}.", nameof(name));
        return new Study(storage, info, sampler, pruner);
    }

    /// <summary>The study's identity in storage.</summary>
    public StudyInfo Info { get; }

    /// <summary>The study's name.</summary>
    public string Name => Info.Name;

    /// <summary>Whether smaller or larger values are better.</summary>
    public Direction Direction => Info.Direction;

    /// <summary>The study seed.</summary>
    public int Seed => Info.Seed;

    /// <summary>Storage id.</summary>
    public int Id => Info.Id;

    /// <summary>Where trials are kept.</summary>
    public IStudyStorage Storage { get; }

    /// <summary>How trials are proposed.</summary>
    public ISampler Sampler { get; }

    /// <summary>Early stopping.</summary>
    public IPruner Pruner { get; }

    /// <summary>How often running trials signal they are alive.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A running trial without a heartbeat for this long belongs to a dead process and is marked failed.</summary>
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many times a trial whose worker stopped (no heartbeat for <see cref="HeartbeatTimeout"/>) is re-queued: run
    /// again as a new trial with the same parameters, seed and sampler position (Optuna's RetryFailedTrialCallback). 0 by
    /// default; an objective that throws is never retried.
    /// </summary>
    public int MaxRetries
    {
        get;
        set => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"MaxRetries: expected ≥ 0, actual {value}.");
    }

    /// <summary>All trials, by number (read from storage: includes other processes' trials).</summary>
    public IReadOnlyList<TrialRecord> Trials => Storage.Trials(Id);

    /// <summary>The study's parameters and their distributions, in order of first use.</summary>
    public IReadOnlyList<(string Name, Distribution Distribution)> Space
    {
        get { lock (_lock) return _space; }
    }

    /// <summary>Checks every parameter of <paramref name="space"/> against the study (registering new ones); throws on a conflict.</summary>
    public Study Declare(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        foreach (var (name, d) in space.Parameters) Register(name, d);
        return this;
    }

    internal IReadOnlyList<(string, Distribution)> Register(string name, Distribution distribution)
    {
        lock (_lock)
        {
            if (!_known.TryGetValue(name, out var stored))
            {
                stored = Storage.RegisterParameter(Id, name, distribution);
                RefreshSpace();
            }
            if (!stored.SameAs(distribution))
                throw new InvalidOperationException($"{name}: the study '{Name}' stores it as {stored}; now asked as {distribution}. Use another name or another study.");
            return _space;
        }
    }

    private void RefreshSpace()
    {
        _space = Storage.Parameters(Id);
        foreach (var (n, d) in _space) _known[n] = d;
    }


    /// <inheritdoc />
    public override string ToString() => $"Study '{Name}' ({Direction}, seed {Seed}, {Sampler.GetType().Name})";
}
