using Microsoft.Data.Sqlite;

namespace CourseKit.Tuning;

/// <summary>
/// Studies in one SQLite file (the embedded default): every trial with its parameters, distributions, state,
/// intermediate and final values, timings and seed. Several threads and several processes may share the file: it uses
/// WAL mode, a busy timeout, one short IMMEDIATE transaction per operation and retries with backoff on SQLITE_BUSY.
/// </summary>
/// <remarks>
/// Opening checks the file before writing anything: a file that is not SQLite, a corrupt one, or a SQLite database of
/// another application gives an <see cref="InvalidDataException"/> and is left untouched.
/// </remarks>
public sealed partial class SqliteStorage : IStudyStorage
{
    private readonly string _connectionString;

    /// <summary>Opens (or creates) the study file at <paramref name="path"/>.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="busyPatience">How long one operation keeps retrying while other processes hold the lock (30 s when null).</param>
    public SqliteStorage(string path, TimeSpan? busyPatience = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        SqliteNative.EnsureResolvable();
        Path = System.IO.Path.GetFullPath(path);
        Patience = busyPatience ?? TimeSpan.FromSeconds(30);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30,
        }.ToString();
        CheckFile();
        SqliteRetry.Run(() => { InitializeSchema(); return 0; }, Patience);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>How long one operation retries while the file is locked by another process.</summary>
    public TimeSpan Patience { get; }

    /// <inheritdoc />
    public StudyInfo CreateStudy(string name, Direction direction, int seed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Write(c =>
        {
            if (ReadStudy(c, name) is not null) throw new InvalidOperationException($"name: a study named '{name}' already exists in '{Path}'.");
            long now = Ms(DateTime.UtcNow);
            Exec(c, "INSERT INTO studies(name, direction, seed, created) VALUES($n, $d, $s, $t)", ("$n", name), ("$d", direction.ToString()), ("$s", seed), ("$t", now));
            return ReadStudy(c, name)!;
        });
    }

    /// <inheritdoc />
    public StudyInfo? FindStudy(string name) => Read(c => ReadStudy(c, name));

    /// <inheritdoc />
    public IReadOnlyList<string> StudyNames() => Read(c => Query(c, "SELECT name FROM studies ORDER BY id", r => r.GetString(0)));

    /// <inheritdoc />
    public Distribution RegisterParameter(int studyId, string name, Distribution distribution) => Write(c =>
    {
        var stored = Query(c, "SELECT distribution FROM study_params WHERE study_id=$i AND name=$n", r => r.GetString(0), ("$i", studyId), ("$n", name));
        if (stored.Count > 0) return Distribution.FromJson(stored[0]);
        Exec(c, "INSERT INTO study_params(study_id, position, name, distribution) VALUES($i, (SELECT COUNT(*) FROM study_params WHERE study_id=$i), $n, $d)",
            ("$i", studyId), ("$n", name), ("$d", distribution.ToJson()));
        return distribution;
    });

    /// <inheritdoc />
    public IReadOnlyList<(string Name, Distribution Distribution)> Parameters(int studyId) => Read(c =>
        Query(c, "SELECT name, distribution FROM study_params WHERE study_id=$i ORDER BY position", r => (r.GetString(0), Distribution.FromJson(r.GetString(1))), ("$i", studyId)));

    /// <inheritdoc />
    public int CreateTrial(int studyId, DateTime now) => Write(c =>
    {
        int number = Convert.ToInt32(Scalar(c, "SELECT COUNT(*) FROM trials WHERE study_id=$i", ("$i", studyId)));
        int seed = Seeds.Trial(Convert.ToInt32(Scalar(c, "SELECT seed FROM studies WHERE id=$i", ("$i", studyId))), number);
        Exec(c, "INSERT INTO trials(study_id, number, state, seed, started, heartbeat) VALUES($i, $n, 'Running', $s, $t, $t)",
            ("$i", studyId), ("$n", number), ("$s", seed), ("$t", Ms(now)));
        return number;
    });

    /// <inheritdoc />
    public void SetParameter(int studyId, int number, string name, Distribution distribution, double value) => WriteRunning(studyId, number, c =>
        Exec(c, "INSERT OR REPLACE INTO trial_params(study_id, number, name, value, distribution) VALUES($i, $n, $k, $v, $d)",
            ("$i", studyId), ("$n", number), ("$k", name), ("$v", value), ("$d", distribution.ToJson())));

    /// <inheritdoc />
    public void ReportIntermediate(int studyId, int number, int step, double value) => WriteRunning(studyId, number, c =>
        Exec(c, "INSERT OR REPLACE INTO trial_values(study_id, number, step, value) VALUES($i, $n, $s, $v)", ("$i", studyId), ("$n", number), ("$s", step), ("$v", value)));

    /// <inheritdoc />
    public void SetAttribute(int studyId, int number, string key, string value) => WriteRunning(studyId, number, c =>
        Exec(c, "INSERT OR REPLACE INTO trial_attrs(study_id, number, key, value) VALUES($i, $n, $k, $v)", ("$i", studyId), ("$n", number), ("$k", key), ("$v", value)));

    /// <inheritdoc />
    public void Heartbeat(int studyId, IReadOnlyCollection<int> numbers, DateTime now)
    {
        if (numbers.Count == 0) return;
        Write(c =>
        {
            foreach (int n in numbers)
                Exec(c, "UPDATE trials SET heartbeat=$t WHERE study_id=$i AND number=$n AND state='Running'", ("$t", Ms(now)), ("$i", studyId), ("$n", n));
            return 0;
        });
    }

    /// <inheritdoc />
    public bool FinishTrial(int studyId, int number, TrialState state, double? value, DateTime now) => Write(c =>
        Exec(c, "UPDATE trials SET state=$s, value=$v, finished=$t WHERE study_id=$i AND number=$n AND state='Running'",
            ("$s", state.ToString()), ("$v", value), ("$t", Ms(now)), ("$i", studyId), ("$n", number)) == 1);

    /// <inheritdoc />
    public IReadOnlyList<int> FailStaleTrials(int studyId, TimeSpan timeout, DateTime now) => Write(c =>
    {
        long limit = Ms(now) - (long)timeout.TotalMilliseconds;
        var stale = Query(c, "SELECT number FROM trials WHERE study_id=$i AND state='Running' AND heartbeat < $l", r => r.GetInt32(0), ("$i", studyId), ("$l", limit));
        foreach (int n in stale)
        {
            Exec(c, "UPDATE trials SET state='Failed', finished=$t WHERE study_id=$i AND number=$n", ("$t", Ms(now)), ("$i", studyId), ("$n", n));
            Exec(c, "INSERT OR REPLACE INTO trial_attrs(study_id, number, key, value) VALUES($i, $n, $k, $v)", ("$i", studyId), ("$n", n),
                ("$k", SystemAttributes.Error), ("$v", $"no heartbeat for more than {timeout.TotalSeconds:0.#} s: its process stopped"));
        }
        return (IReadOnlyList<int>)stale;
    });

    /// <summary>Returns pooled connections so the file can be moved or deleted.</summary>
    public void Dispose() => SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
}
