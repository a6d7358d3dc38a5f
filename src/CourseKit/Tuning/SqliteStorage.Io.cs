using System.Text;
using Microsoft.Data.Sqlite;

namespace CourseKit.Tuning;

public sealed partial class SqliteStorage
{
    private const string Format = "coursekit-tuning", Version = "1";
    private const int NotADatabase = 26, Corrupt = 11;

    private static readonly string[] Schema =
    [
        "CREATE TABLE coursekit_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE studies(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, direction TEXT NOT NULL, seed INTEGER NOT NULL, created INTEGER NOT NULL)",
        "CREATE TABLE study_params(study_id INTEGER NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, distribution TEXT NOT NULL, PRIMARY KEY(study_id, name))",
        "CREATE TABLE trials(study_id INTEGER NOT NULL, number INTEGER NOT NULL, state TEXT NOT NULL, value REAL, seed INTEGER NOT NULL, started INTEGER NOT NULL, finished INTEGER, heartbeat INTEGER, PRIMARY KEY(study_id, number))",
        "CREATE TABLE trial_params(study_id INTEGER NOT NULL, number INTEGER NOT NULL, name TEXT NOT NULL, value REAL NOT NULL, distribution TEXT NOT NULL, PRIMARY KEY(study_id, number, name))",
        "CREATE TABLE trial_values(study_id INTEGER NOT NULL, number INTEGER NOT NULL, step INTEGER NOT NULL, value REAL NOT NULL, PRIMARY KEY(study_id, number, step))",
        "CREATE TABLE trial_attrs(study_id INTEGER NOT NULL, number INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY(study_id, number, key))",
    ];

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> Trials(int studyId) => Read(c =>
    {
        var p = ("$i", (object?)studyId);
        var parameters = Query(c, "SELECT number, name, value, distribution FROM trial_params WHERE study_id=$i",
            r => (N: r.GetInt32(0), Name: r.GetString(1), Value: r.GetDouble(2), Dist: r.GetString(3)), p).ToLookup(x => x.N);
        var values = Query(c, "SELECT number, step, value FROM trial_values WHERE study_id=$i", r => (N: r.GetInt32(0), Step: r.GetInt32(1), Value: r.GetDouble(2)), p).ToLookup(x => x.N);
        var attrs = Query(c, "SELECT number, key, value FROM trial_attrs WHERE study_id=$i", r => (N: r.GetInt32(0), Key: r.GetString(1), Value: r.GetString(2)), p).ToLookup(x => x.N);
        var cache = new Dictionary<string, Distribution>();
        return Query(c, "SELECT number, state, value, seed, started, finished, heartbeat FROM trials WHERE study_id=$i ORDER BY number", r => new TrialRecord
        {
            Number = r.GetInt32(0), State = Enum.Parse<TrialState>(r.GetString(1)), Value = r.IsDBNull(2) ? null : r.GetDouble(2),
            Seed = r.GetInt32(3), Started = Time(r.GetInt64(4)), Finished = r.IsDBNull(5) ? null : Time(r.GetInt64(5)),
            Heartbeat = r.IsDBNull(6) ? null : Time(r.GetInt64(6)),
        }, p).Select(t => t with
        {
            InternalParams = parameters[t.Number].ToDictionary(x => x.Name, x => x.Value),
            Distributions = parameters[t.Number].ToDictionary(x => x.Name, x => cache.TryGetValue(x.Dist, out var d) ? d : cache[x.Dist] = Distribution.FromJson(x.Dist)),
            Intermediate = new SortedDictionary<int, double>(values[t.Number].ToDictionary(x => x.Step, x => x.Value)),
            Attributes = attrs[t.Number].ToDictionary(x => x.Key, x => x.Value),
        }).ToList();
    });

    private void CheckFile()
    {
        if (File.Exists(Path) && new FileInfo(Path).Length > 0)
        {
            var header = new byte[16];
            using (var f = File.OpenRead(Path)) f.ReadExactly(header, 0, Math.Min(16, (int)f.Length) is 16 ? 16 : throw NotSqlite());
            if (Encoding.ASCII.GetString(header) != "SQLite format 3\0") throw NotSqlite();
        }
    }

    private InvalidDataException NotSqlite() =>
        new($"'{Path}' is not a SQLite database (its first bytes are not \"SQLite format 3\"); it was left untouched.");

    private void InitializeSchema()
    {
        try
        {
            using var c = Open();
            using var t = new RawTransaction(c, "BEGIN IMMEDIATE");
            var tables = Query(c, "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name", r => r.GetString(0));
            if (tables.Count == 0)
            {
                foreach (string sql in Schema) Exec(c, sql);
                Exec(c, "INSERT INTO coursekit_meta VALUES('format', $f), ('version', $v)", ("$f", Format), ("$v", Version));
            }
            else if (!tables.Contains("coursekit_meta"))
                throw new InvalidDataException($"'{Path}' is a SQLite database of another application (tables: {string.Join(", ", tables)}), not a CourseKit study file; it was left untouched.");
            else
            {
                var meta = Query(c, "SELECT key, value FROM coursekit_meta", r => (r.GetString(0), r.GetString(1))).ToDictionary(x => x.Item1, x => x.Item2);
                if (meta.GetValueOrDefault("format") != Format || meta.GetValueOrDefault("version") != Version)
                    throw new InvalidDataException($"'{Path}': expected a study file of format {Format} version {Version}, actual {meta.GetValueOrDefault("format")} version {meta.GetValueOrDefault("version")}; it was left untouched.");
            }
            t.Commit();
        }
        catch (SqliteException e) when (e.SqliteErrorCode is NotADatabase or Corrupt)
        {
            throw new InvalidDataException($"'{Path}' is corrupt or not a SQLite database ({e.Message}); it was left untouched.", e);
        }
        // WAL lets readers proceed while one process writes; set once the file is known to be ours.
        using var wal = Open();
        Exec(wal, "PRAGMA journal_mode=WAL");
    }

    private SqliteConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        Exec(c, "PRAGMA busy_timeout=10000");
        return c;
    }

    private T Read<T>(Func<SqliteConnection, T> read) => SqliteRetry.Run(() =>
    {
        using var c = Open();
        using var t = new RawTransaction(c, "BEGIN");  // one snapshot for all the queries of a read
        T result = read(c);
        t.Commit();
        return result;
    }, Patience);

    private T Write<T>(Func<SqliteConnection, T> write) => SqliteRetry.Run(() =>
    {
        using var c = Open();
        // IMMEDIATE takes the write lock up front: a deferred transaction that upgrades later can fail with
        // SQLITE_BUSY without waiting, which is the usual cause of "database is locked".
        using var t = new RawTransaction(c, "BEGIN IMMEDIATE");
        T result = write(c);
        t.Commit();
        return result;
    }, Patience);

    /// <summary>A transaction begun with SQL text, so commands need no transaction object; rolled back unless committed.</summary>
    private sealed class RawTransaction : IDisposable
    {
        private readonly SqliteConnection _c;
        private bool _open;

        public RawTransaction(SqliteConnection c, string begin)
        {
            _c = c;
            Exec(c, begin);
            _open = true;
        }

        public void Commit()
        {
            Exec(_c, "COMMIT");
            _open = false;
        }

        public void Dispose()
        {
            if (!_open) return;
            _open = false;
            try { Exec(_c, "ROLLBACK"); } catch (SqliteException) { /* the connection is closed next; nothing was committed */ }
        }
    }

    private void WriteRunning(int studyId, int number, Action<SqliteConnection> write) => Write(c =>
    {
        var state = Scalar(c, "SELECT state FROM trials WHERE study_id=$i AND number=$n", ("$i", studyId), ("$n", number)) as string
            ?? throw new InvalidOperationException($"trial {number}: no such trial in study {studyId}.");
        if (state != nameof(TrialState.Running)) throw new InvalidOperationException($"trial {number}: it is {state}; a finished trial cannot change.");
        write(c);
        return 0;
    });

    private static StudyInfo? ReadStudy(SqliteConnection c, string name) =>
        Query(c, "SELECT id, name, direction, seed, created FROM studies WHERE name=$n",
            r => new StudyInfo(r.GetInt32(0), r.GetString(1), Enum.Parse<Direction>(r.GetString(2)), r.GetInt32(3), Time(r.GetInt64(4))), ("$n", name)).FirstOrDefault();

    private static SqliteCommand Command(SqliteConnection c, string sql, (string, object?)[] args)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (k, v) in args) cmd.Parameters.AddWithValue(k, v ?? DBNull.Value);
        return cmd;
    }

    private static int Exec(SqliteConnection c, string sql, params (string, object?)[] args)
    {
        using var cmd = Command(c, sql, args);
        return cmd.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection c, string sql, params (string, object?)[] args)
    {
        using var cmd = Command(c, sql, args);
        return cmd.ExecuteScalar();
    }

    private static List<T> Query<T>(SqliteConnection c, string sql, Func<SqliteDataReader, T> row, params (string, object?)[] args)
    {
        using var cmd = Command(c, sql, args);
        using var r = cmd.ExecuteReader();
        var rows = new List<T>();
        while (r.Read()) rows.Add(row(r));
        return rows;
    }

    private static long Ms(DateTime t) => new DateTimeOffset(t, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static DateTime Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;
}
