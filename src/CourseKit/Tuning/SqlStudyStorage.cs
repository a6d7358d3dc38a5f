using System.Data.Common;

namespace CourseKit.Tuning;

/// <summary>
/// The study storage contract on a SQL database, written once for <see cref="SqliteStorage"/> (one host) and
/// <see cref="PostgresStorage"/> (many hosts): both keep the same tables (schema version <see cref="SchemaVersion"/>) and
/// differ only in how they connect, lock, retry and create the schema. Every operation is one short transaction.
/// </summary>
public abstract partial class SqlStudyStorage : IStudyStorage
{
    /// <summary>The version of the tables CourseKit writes (1: before re-queued trials; 2: positions, retries, tokens).</summary>
    public const int SchemaVersion = 2;

    /// <summary>The format tag stored in <c>coursekit_meta</c>, which tells a study database from another application's.</summary>
    public const string SchemaFormat = "coursekit-tuning";

    private protected SqlStudyStorage() { }

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <inheritdoc />
    public virtual TimeSpan PollInterval => TimeSpan.FromMilliseconds(25);

    /// <summary>Runs <paramref name="read"/> in one read-only transaction (one snapshot), retrying as the database requires.</summary>
    private protected abstract T Read<T>(Func<DbConnection, T> read);

    /// <summary>Runs <paramref name="write"/> in one write transaction; the int is the attempt (1, 2, … after a lost connection).</summary>
    private protected abstract T Write<T>(Func<DbConnection, int, T> write);

    /// <summary>The clause that locks the rows a SELECT reads until the transaction ends ("" where the transaction locks the whole file).</summary>
    private protected abstract string ForUpdate { get; }

    /// <inheritdoc />
    public StudyInfo CreateStudy(string name, Direction direction, int seed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Write((c, _) =>
        {
            // Workers started together all try to create the study: the unique name decides, without a failed
            // statement (which would abort a PostgreSQL transaction), and the losers get StudyExistsException.
            int inserted = Exec(c, "INSERT INTO studies(name, direction, seed, created) VALUES(@n, @d, @s, @t) ON CONFLICT(name) DO NOTHING",
                ("@n", name), ("@d", direction.ToString()), ("@s", seed), ("@t", Ms(DateTime.UtcNow)));
            if (inserted == 0) throw new StudyExistsException(name, Description);
            return ReadStudy(c, name)!;
        });
    }

    /// <inheritdoc />
    public StudyInfo? FindStudy(string name) => Read(c => ReadStudy(c, name));

    /// <inheritdoc />
    public IReadOnlyList<string> StudyNames() => Read(c => Query(c, "SELECT name FROM studies ORDER BY id", r => r.GetString(0)));

    /// <inheritdoc />
    public bool DeleteStudy(string name) => Write((c, _) =>
    {
        if (ReadStudy(c, name, ForUpdate) is not { } study) return false;
        foreach (string table in new[] { "trial_attrs", "trial_values", "trial_params", "trials", "study_params" })
            Exec(c, $"DELETE FROM {table} WHERE study_id=@i", ("@i", study.Id));
        Exec(c, "DELETE FROM studies WHERE id=@i", ("@i", study.Id));
        return true;
    });

    /// <inheritdoc />
    public Distribution RegisterParameter(int studyId, string name, Distribution distribution) => Write((c, _) =>
    {
        LockStudy(c, studyId);  // positions are counted: two registrations must not interleave
        var stored = Query(c, "SELECT distribution FROM study_params WHERE study_id=@i AND name=@n", r => r.GetString(0), ("@i", studyId), ("@n", name));
        if (stored.Count > 0) return Distribution.FromJson(stored[0]);
        Exec(c, "INSERT INTO study_params(study_id, position, name, distribution) VALUES(@i, (SELECT COUNT(*) FROM study_params WHERE study_id=@i), @n, @d)",
            ("@i", studyId), ("@n", name), ("@d", distribution.ToJson()));
        return distribution;
    });

    /// <inheritdoc />
    public IReadOnlyList<(string Name, Distribution Distribution)> Parameters(int studyId) => Read(c =>
        Query(c, "SELECT name, distribution FROM study_params WHERE study_id=@i ORDER BY position", r => (r.GetString(0), Distribution.FromJson(r.GetString(1))), ("@i", studyId)));

    /// <inheritdoc />
    public void SetParameter(int studyId, int number, string name, Distribution distribution, double value) => WriteRunning(studyId, number, c =>
        Exec(c, "INSERT INTO trial_params(study_id, number, name, value, distribution) VALUES(@i, @n, @k, @v, @d) " +
                "ON CONFLICT(study_id, number, name) DO UPDATE SET value=excluded.value, distribution=excluded.distribution",
            ("@i", studyId), ("@n", number), ("@k", name), ("@v", value), ("@d", distribution.ToJson())));

    /// <inheritdoc />
    public void ReportIntermediate(int studyId, int number, int step, double value) => WriteRunning(studyId, number, c =>
        Exec(c, "INSERT INTO trial_values(study_id, number, step, value) VALUES(@i, @n, @s, @v) ON CONFLICT(study_id, number, step) DO UPDATE SET value=excluded.value",
            ("@i", studyId), ("@n", number), ("@s", step), ("@v", value)));

    /// <inheritdoc />
    public void SetAttribute(int studyId, int number, string key, string value) => WriteRunning(studyId, number, c => SetAttribute(c, studyId, number, key, value));

    /// <inheritdoc />
    public void Heartbeat(int studyId, IReadOnlyCollection<int> numbers, DateTime now)
    {
        if (numbers.Count == 0) return;
        Write((c, _) =>
        {
            foreach (int n in numbers.Order())  // one lock order across workers
                Exec(c, "UPDATE trials SET heartbeat=@t WHERE study_id=@i AND number=@n AND state='Running'", ("@t", Ms(now)), ("@i", studyId), ("@n", n));
            return 0;
        });
    }

    /// <summary>Releases what the storage holds (pooled connections).</summary>
    public abstract void Dispose();

    /// <inheritdoc />
    public override string ToString() => Description;

    private static StudyInfo? ReadStudy(DbConnection c, string name, string suffix = "") =>
        Query(c, "SELECT id, name, direction, seed, created FROM studies WHERE name=@n" + suffix,
            r => new StudyInfo(Convert.ToInt32(r.GetValue(0)), r.GetString(1), Enum.Parse<Direction>(r.GetString(2)), Convert.ToInt32(r.GetValue(3)), Time(r.GetInt64(4))),
            ("@n", name)).FirstOrDefault();

    /// <summary>Locks the study's row for the rest of the transaction (what serializes trial numbering); returns its seed.</summary>
    private protected int LockStudy(DbConnection c, int studyId) =>
        Query(c, "SELECT seed FROM studies WHERE id=@i" + ForUpdate, r => Convert.ToInt32(r.GetValue(0)), ("@i", studyId)) is [int seed] ? seed
            : throw new KeyNotFoundException($"studyId: no study with id {studyId} in {Description} (deleted?).");

    private static void SetAttribute(DbConnection c, int studyId, int number, string key, string value) =>
        Exec(c, "INSERT INTO trial_attrs(study_id, number, key, value) VALUES(@i, @n, @k, @v) ON CONFLICT(study_id, number, key) DO UPDATE SET value=excluded.value",
            ("@i", studyId), ("@n", number), ("@k", key), ("@v", value));

    private void WriteRunning(int studyId, int number, Action<DbConnection> write) => Write((c, _) =>
    {
        // Locking the trial's row keeps a heartbeat timeout elsewhere from failing it between this check and the write.
        var state = Query(c, "SELECT state FROM trials WHERE study_id=@i AND number=@n" + ForUpdate, r => r.GetString(0), ("@i", studyId), ("@n", number))
            .FirstOrDefault() ?? throw new InvalidOperationException($"trial {number}: no such trial in study {studyId}.");
        if (state != nameof(TrialState.Running)) throw new TrialFinishedException(number, state, "a finished trial cannot change.");
        write(c);
        return 0;
    });
}
