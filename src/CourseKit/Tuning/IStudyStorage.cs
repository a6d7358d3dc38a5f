namespace CourseKit.Tuning;

/// <summary>A study as storage knows it: identity, direction and seed.</summary>
public sealed record StudyInfo(int Id, string Name, Direction Direction, int Seed, DateTime Created);

/// <summary>
/// A trial a worker has just taken with <see cref="IStudyStorage.StartTrial"/>: its number (unique in the study), its
/// place in the sampler's sequence (<see cref="SamplerContext.Position"/>), its seed, and — for a trial re-queued after
/// a failure — the parameters it must run again and the trial it repeats.
/// </summary>
public sealed record TrialSlot(int Number, int Position, int Seed, IReadOnlyDictionary<string, double> FixedParams, int? RetryOf);

/// <summary>
/// Where studies live. Every method is one short, atomic operation that may be called from several threads and, for
/// shared storages, several processes or hosts; trials are addressed by (study id, trial number).
/// <see cref="InMemoryStorage"/> (one process), <see cref="SqliteStorage"/> (one host) and <see cref="PostgresStorage"/>
/// (many hosts) implement it and pass one contract test suite; <see cref="StudyStorage.Open"/> opens one from a URL.
/// </summary>
public interface IStudyStorage : IDisposable
{
    /// <summary>Where the studies are, for messages: "memory", <c>sqlite:///…</c>, <c>postgresql://user@host:port/db</c> (never a password).</summary>
    string Description { get; }

    /// <summary>How often a worker waiting for other workers' trials reads the storage again.</summary>
    TimeSpan PollInterval => TimeSpan.FromMilliseconds(25);

    /// <summary>Creates a study; throws <see cref="InvalidOperationException"/> when the name is taken.</summary>
    StudyInfo CreateStudy(string name, Direction direction, int seed);

    /// <summary>The study named <paramref name="name"/>, or null.</summary>
    StudyInfo? FindStudy(string name);

    /// <summary>Every study's name, in order of creation.</summary>
    IReadOnlyList<string> StudyNames();

    /// <summary>Deletes the study named <paramref name="name"/> with all its trials; false when there is none.</summary>
    bool DeleteStudy(string name);

    /// <summary>
    /// Records that the study has a parameter <paramref name="name"/> with <paramref name="distribution"/>; returns the
    /// distribution already stored under that name (which may differ: the caller reports the conflict), or the given one.
    /// </summary>
    Distribution RegisterParameter(int studyId, string name, Distribution distribution);

    /// <summary>The study's parameters in order of first registration.</summary>
    IReadOnlyList<(string Name, Distribution Distribution)> Parameters(int studyId);

    /// <summary>
    /// Takes the next trial, in one transaction, so that no two workers anywhere get the same number or position:
    /// the oldest <see cref="TrialState.Waiting"/> (re-queued) trial if there is one, moved to running; otherwise a new
    /// running trial numbered after every other, at the next position (fresh trials so far), seeded with
    /// <see cref="Seeds.Trial"/>(study seed, number) — or null, creating nothing, when that position would reach
    /// <paramref name="positions"/> (a grid's size).
    /// </summary>
    TrialSlot? StartTrial(int studyId, DateTime now, int? positions = null);

    /// <summary>Sets a parameter of a running trial.</summary>
    void SetParameter(int studyId, int number, string name, Distribution distribution, double value);

    /// <summary>Records the intermediate value at <paramref name="step"/> (a repeated step is overwritten).</summary>
    void ReportIntermediate(int studyId, int number, int step, double value);

    /// <summary>Sets an attribute of a running trial.</summary>
    void SetAttribute(int studyId, int number, string key, string value);

    /// <summary>Marks <paramref name="numbers"/> alive at <paramref name="now"/> (those still running).</summary>
    void Heartbeat(int studyId, IReadOnlyCollection<int> numbers, DateTime now);

    /// <summary>
    /// Moves a running trial to a final state; returns false (changing nothing) when it was no longer running — unless
    /// it already is in exactly this state with this value and finish time (the same call repeated after a lost reply).
    /// </summary>
    bool FinishTrial(int studyId, int number, TrialState state, double? value, DateTime now);

    /// <summary>
    /// Marks failed every running trial whose last heartbeat is older than <paramref name="timeout"/> (with the reason
    /// in <see cref="SystemAttributes.Error"/>) and, in the same transaction, re-queues each one that has been retried
    /// fewer than <paramref name="maxRetries"/> times: a <see cref="TrialState.Waiting"/> trial with its parameters, seed
    /// and position, and <see cref="SystemAttributes.RetryOf"/>. Returns the numbers it marked failed.
    /// </summary>
    IReadOnlyList<int> FailStaleTrials(int studyId, TimeSpan timeout, DateTime now, int maxRetries = 0);

    /// <summary>All trials of the study, by number.</summary>
    IReadOnlyList<TrialRecord> Trials(int studyId);

    /// <summary>One trial of the study (what a worker reads after finishing it, without reading the whole study).</summary>
    TrialRecord Trial(int studyId, int number) => Trials(studyId)[number];

    /// <summary>
    /// Whether every trial numbered below <paramref name="number"/> is finished or waiting: the cheap question a worker
    /// asks over and over while it waits for its predecessors (see <see cref="Study.Ask"/>).
    /// </summary>
    bool FinishedBefore(int studyId, int number) => Trials(studyId).Take(number).All(t => t.State != TrialState.Running);
}
