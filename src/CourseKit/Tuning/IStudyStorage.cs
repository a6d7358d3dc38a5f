namespace CourseKit.Tuning;

/// <summary>A study as storage knows it: identity, direction and seed.</summary>
public sealed record StudyInfo(int Id, string Name, Direction Direction, int Seed, DateTime Created);

/// <summary>
/// Where studies live. Every method is one short, atomic operation that may be called from several threads and, for
/// shared storages, several processes; trials are addressed by (study id, trial number). <see cref="InMemoryStorage"/>
/// and <see cref="SqliteStorage"/> implement it; a server database (PostgreSQL) can implement it for many machines.
/// </summary>
public interface IStudyStorage : IDisposable
{
    /// <summary>Creates a study; throws <see cref="InvalidOperationException"/> when the name is taken.</summary>
    StudyInfo CreateStudy(string name, Direction direction, int seed);

    /// <summary>The study named <paramref name="name"/>, or null.</summary>
    StudyInfo? FindStudy(string name);

    /// <summary>Every study's name.</summary>
    IReadOnlyList<string> StudyNames();

    /// <summary>
    /// Records that the study has a parameter <paramref name="name"/> with <paramref name="distribution"/>; returns the
    /// distribution already stored under that name (which may differ: the caller reports the conflict), or the given one.
    /// </summary>
    Distribution RegisterParameter(int studyId, string name, Distribution distribution);

    /// <summary>The study's parameters in order of first registration.</summary>
    IReadOnlyList<(string Name, Distribution Distribution)> Parameters(int studyId);

    /// <summary>
    /// Creates the next trial (number = count so far) in <see cref="TrialState.Running"/>, seeded with
    /// <see cref="Seeds.Trial"/>(study seed, number); returns its number.
    /// </summary>
    int CreateTrial(int studyId, DateTime now);

    /// <summary>Sets a parameter of a running trial.</summary>
    void SetParameter(int studyId, int number, string name, Distribution distribution, double value);

    /// <summary>Records the intermediate value at <paramref name="step"/> (a repeated step is overwritten).</summary>
    void ReportIntermediate(int studyId, int number, int step, double value);

    /// <summary>Sets an attribute.</summary>
    void SetAttribute(int studyId, int number, string key, string value);

    /// <summary>Marks <paramref name="numbers"/> alive at <paramref name="now"/>.</summary>
    void Heartbeat(int studyId, IReadOnlyCollection<int> numbers, DateTime now);

    /// <summary>Moves a running trial to a final state; returns false (changing nothing) when it was no longer running.</summary>
    bool FinishTrial(int studyId, int number, TrialState state, double? value, DateTime now);

    /// <summary>Marks failed every running trial whose last heartbeat is older than <paramref name="timeout"/>; returns their numbers.</summary>
    IReadOnlyList<int> FailStaleTrials(int studyId, TimeSpan timeout, DateTime now);

    /// <summary>All trials of the study, by number.</summary>
    IReadOnlyList<TrialRecord> Trials(int studyId);
}
