using System.Globalization;

namespace CourseKit.Tuning;

/// <summary>Studies held in this process's memory (lost when it exits); thread-safe. The default for quick notebook studies.</summary>
public sealed class InMemoryStorage : IStudyStorage
{
    private readonly Lock _lock = new();
    private readonly List<StudyState?> _studies = [];

    /// <inheritdoc />
    public string Description => "memory";

    /// <inheritdoc />
    /// <remarks>Only threads of this process share it, and they wake each other when a trial finishes.</remarks>
    public TimeSpan PollInterval => TimeSpan.FromMilliseconds(5);

    /// <inheritdoc />
    public StudyInfo CreateStudy(string name, Direction direction, int seed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_lock)
        {
            if (Find(name) is not null) throw new StudyExistsException(name, "memory");
            var info = new StudyInfo(_studies.Count, name, direction, seed, DateTime.UtcNow);
            _studies.Add(new StudyState(info));
            return info;
        }
    }

    /// <inheritdoc />
    public StudyInfo? FindStudy(string name)
    {
        lock (_lock) return Find(name)?.Info;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> StudyNames()
    {
        lock (_lock) return _studies.OfType<StudyState>().Select(s => s.Info.Name).ToList();
    }

    /// <inheritdoc />
    public bool DeleteStudy(string name)
    {
        lock (_lock)
        {
            if (Find(name) is not { } study) return false;
            _studies[study.Info.Id] = null;  // ids are never reused
            return true;
        }
    }

    /// <inheritdoc />
    public Distribution RegisterParameter(int studyId, string name, Distribution distribution)
    {
        lock (_lock)
        {
            var space = Study(studyId).Space;
            foreach (var (n, d) in space) if (n == name) return d;
            space.Add((name, distribution));
            return distribution;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<(string Name, Distribution Distribution)> Parameters(int studyId)
    {
        lock (_lock) return Study(studyId).Space.ToList();
    }

    /// <inheritdoc />
    public TrialSlot? StartTrial(int studyId, DateTime now, int? positions = null)
    {
        lock (_lock)
        {
            var study = Study(studyId);
            if (study.Trials.FirstOrDefault(t => t.State == TrialState.Waiting) is { } waiting)
            {
                (waiting.State, waiting.Started, waiting.Heartbeat) = (TrialState.Running, now, now);
                return new TrialSlot(waiting.Number, waiting.Position, waiting.Seed, new Dictionary<string, double>(waiting.Params), waiting.RetryOf);
            }
            int position = study.Trials.Count(t => t.RetryOf is null);
            if (position >= positions) return null;
            int number = study.Trials.Count;
            study.Trials.Add(new MutableTrial(number, position, Seeds.Trial(study.Info.Seed, number), now));
            return new TrialSlot(number, position, study.Trials[number].Seed, new Dictionary<string, double>(), null);
        }
    }

    /// <inheritdoc />
    public void SetParameter(int studyId, int number, string name, Distribution distribution, double value) =>
        Update(studyId, number, t => { t.Params[name] = value; t.Distributions[name] = distribution; });

    /// <inheritdoc />
    public void ReportIntermediate(int studyId, int number, int step, double value) => Update(studyId, number, t => t.Intermediate[step] = value);

    /// <inheritdoc />
    public void SetAttribute(int studyId, int number, string key, string value) => Update(studyId, number, t => t.Attributes[key] = value);

    /// <inheritdoc />
    public void Heartbeat(int studyId, IReadOnlyCollection<int> numbers, DateTime now)
    {
        lock (_lock)
            foreach (int n in numbers)
                if (TrialAt(studyId, n) is { State: TrialState.Running } t) t.Heartbeat = now;
    }

    /// <inheritdoc />
    public bool FinishTrial(int studyId, int number, TrialState state, double? value, DateTime now)
    {
        lock (_lock)
        {
            var t = TrialAt(studyId, number);
            if (t.State != TrialState.Running) return t.State == state && t.Value == value && t.Finished == now;
            (t.State, t.Value, t.Finished) = (state, value, now);
            t.Frozen = t.Freeze();
            return true;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<int> FailStaleTrials(int studyId, TimeSpan timeout, DateTime now, int maxRetries = 0)
    {
        lock (_lock)
        {
            var study = Study(studyId);
            var stale = study.Trials.Where(t => t.State == TrialState.Running && now - (t.Heartbeat ?? t.Started) > timeout).ToList();
            foreach (var t in stale)
            {
                t.Attributes[SystemAttributes.Error] = StaleReason(timeout);
                FinishTrial(studyId, t.Number, TrialState.Failed, null, now);
                int retries = RetriesOf(t.Attributes);
                if (retries < maxRetries) Requeue(study, t, retries + 1, now);
            }
            return stale.Select(t => t.Number).ToList();
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> Trials(int studyId)
    {
        lock (_lock) return Study(studyId).Trials.Select(t => t.Frozen ?? t.Freeze()).ToList();
    }

    /// <inheritdoc />
    public TrialRecord Trial(int studyId, int number)
    {
        lock (_lock)
        {
            var t = TrialAt(studyId, number);
            return t.Frozen ?? t.Freeze();
        }
    }

    /// <inheritdoc />
    public bool FinishedBefore(int studyId, int number)
    {
        lock (_lock) return Study(studyId).Trials.Take(number).All(t => t.State != TrialState.Running);
    }

    /// <summary>Nothing to release.</summary>
    public void Dispose() { }

    internal static string StaleReason(TimeSpan timeout) =>
        $"no heartbeat for more than {timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s: its process stopped or lost its connection";

    internal static int RetriesOf(IReadOnlyDictionary<string, string> attributes) =>
        attributes.TryGetValue(SystemAttributes.Retries, out var r) ? int.Parse(r, CultureInfo.InvariantCulture) : 0;

    private static void Requeue(StudyState study, MutableTrial failed, int retries, DateTime now)
    {
        var copy = new MutableTrial(study.Trials.Count, failed.Position, failed.Seed, now) { State = TrialState.Waiting, Heartbeat = null, RetryOf = failed.Number };
        foreach (var (k, v) in failed.Params) (copy.Params[k], copy.Distributions[k]) = (v, failed.Distributions[k]);
        copy.Attributes[SystemAttributes.RetryOf] = failed.Number.ToString(CultureInfo.InvariantCulture);
        copy.Attributes[SystemAttributes.Retries] = retries.ToString(CultureInfo.InvariantCulture);
        study.Trials.Add(copy);
    }

    private StudyState? Find(string name) => _studies.FirstOrDefault(s => s?.Info.Name == name);

    private StudyState Study(int studyId) => studyId >= 0 && studyId < _studies.Count && _studies[studyId] is { } s ? s
        : throw new KeyNotFoundException($"studyId: no study with id {studyId} in memory (deleted?).");

    private MutableTrial TrialAt(int studyId, int number)
    {
        var trials = Study(studyId).Trials;
        return number >= 0 && number < trials.Count ? trials[number]
            : throw new InvalidOperationException($"trial {number}: no such trial in study {studyId}.");
    }

    private void Update(int studyId, int number, Action<MutableTrial> change)
    {
        lock (_lock)
        {
            var t = TrialAt(studyId, number);
            if (t.State != TrialState.Running)
                throw new TrialFinishedException(number, t.State.ToString(), "a finished trial cannot change.");
            change(t);
        }
    }

    private sealed class StudyState(StudyInfo info)
    {
        public StudyInfo Info { get; } = info;
        public List<(string, Distribution)> Space { get; } = [];
        public List<MutableTrial> Trials { get; } = [];
    }

    private sealed class MutableTrial(int number, int position, int seed, DateTime started)
    {
        public int Number { get; } = number;
        public int Position { get; } = position;
        public int Seed { get; } = seed;
        public int? RetryOf { get; init; }
        public TrialState State { get; set; }
        public double? Value { get; set; }
        public DateTime Started { get; set; } = started;
        public DateTime? Finished { get; set; }
        public DateTime? Heartbeat { get; set; } = started;
        public Dictionary<string, double> Params { get; } = [];
        public Dictionary<string, Distribution> Distributions { get; } = [];
        public SortedDictionary<int, double> Intermediate { get; } = [];
        public Dictionary<string, string> Attributes { get; } = [];
        public TrialRecord? Frozen { get; set; }

        public TrialRecord Freeze() => new()
        {
            Number = Number, State = State, Value = Value, Seed = Seed, Started = Started, Finished = Finished, Heartbeat = Heartbeat,
            InternalParams = new Dictionary<string, double>(Params), Distributions = new Dictionary<string, Distribution>(Distributions),
            Intermediate = new SortedDictionary<int, double>(Intermediate), Attributes = new Dictionary<string, string>(Attributes),
        };
    }
}
