namespace CourseKit.Tuning;

/// <summary>Studies held in this process's memory (lost when it exits); thread-safe. The default for quick notebook studies.</summary>
public sealed class InMemoryStorage : IStudyStorage
{
    private readonly Lock _lock = new();
    private readonly List<(StudyInfo Info, List<(string, Distribution)> Space, List<MutableTrial> Trials)> _studies = [];

    /// <inheritdoc />
    public StudyInfo CreateStudy(string name, Direction direction, int seed)
    {
        lock (_lock)
        {
            if (_studies.Any(s => s.Info.Name == name)) throw new InvalidOperationException($"name: a study named '{name}' already exists.");
            var info = new StudyInfo(_studies.Count, name, direction, seed, DateTime.UtcNow);
            _studies.Add((info, [], []));
            return info;
        }
    }

    /// <inheritdoc />
    public StudyInfo? FindStudy(string name)
    {
        lock (_lock) return _studies.FirstOrDefault(s => s.Info.Name == name).Info;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> StudyNames()
    {
        lock (_lock) return _studies.Select(s => s.Info.Name).ToList();
    }

    /// <inheritdoc />
    public Distribution RegisterParameter(int studyId, string name, Distribution distribution)
    {
        lock (_lock)
        {
            var space = _studies[studyId].Space;
            foreach (var (n, d) in space) if (n == name) return d;
            space.Add((name, distribution));
            return distribution;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<(string Name, Distribution Distribution)> Parameters(int studyId)
    {
        lock (_lock) return _studies[studyId].Space.ToList();
    }

    /// <inheritdoc />
    public int CreateTrial(int studyId, DateTime now)
    {
        lock (_lock)
        {
            var (info, _, trials) = _studies[studyId];
            trials.Add(new MutableTrial(trials.Count, Seeds.Trial(info.Seed, trials.Count), now));
            return trials.Count - 1;
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
        foreach (int n in numbers) Update(studyId, n, t => t.Heartbeat = now);
    }

    /// <inheritdoc />
    public bool FinishTrial(int studyId, int number, TrialState state, double? value, DateTime now)
    {
        lock (_lock)
        {
            var t = _studies[studyId].Trials[number];
            if (t.State != TrialState.Running) return false;
            (t.State, t.Value, t.Finished) = (state, value, now);
            t.Frozen = t.Freeze();
            return true;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<int> FailStaleTrials(int studyId, TimeSpan timeout, DateTime now)
    {
        lock (_lock)
        {
            var stale = _studies[studyId].Trials.Where(t => t.State == TrialState.Running && now - (t.Heartbeat ?? t.Started) > timeout).ToList();
            foreach (var t in stale) FinishTrial(studyId, t.Number, TrialState.Failed, null, now);
            return stale.Select(t => t.Number).ToList();
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> Trials(int studyId)
    {
        lock (_lock) return _studies[studyId].Trials.Select(t => t.Frozen ?? t.Freeze()).ToList();
    }

    /// <summary>Nothing to release.</summary>
    public void Dispose() { }

    private void Update(int studyId, int number, Action<MutableTrial> change)
    {
        lock (_lock)
        {
            var t = _studies[studyId].Trials[number];
            if (t.State != TrialState.Running)
                throw new InvalidOperationException($"trial {number}: it is {t.State}; a finished trial cannot change.");
            change(t);
        }
    }

    private sealed class MutableTrial(int number, int seed, DateTime started)
    {
        public int Number { get; } = number;
        public TrialState State { get; set; }
        public double? Value { get; set; }
        public DateTime? Finished { get; set; }
        public DateTime? Heartbeat { get; set; } = started;
        public Dictionary<string, double> Params { get; } = [];
        public Dictionary<string, Distribution> Distributions { get; } = [];
        public SortedDictionary<int, double> Intermediate { get; } = [];
        public Dictionary<string, string> Attributes { get; } = [];
        public TrialRecord? Frozen { get; set; }
        public DateTime Started => started;

        public TrialRecord Freeze() => new()
        {
            Number = Number, State = State, Value = Value, Seed = seed, Started = started, Finished = Finished, Heartbeat = Heartbeat,
            InternalParams = new Dictionary<string, double>(Params), Distributions = new Dictionary<string, Distribution>(Distributions),
            Intermediate = new SortedDictionary<int, double>(Intermediate), Attributes = new Dictionary<string, string>(Attributes),
        };
    }
}
