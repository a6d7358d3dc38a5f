using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CourseKit.Tuning;

/// <summary>
/// Studies in one SQLite file (the embedded default): every trial with its parameters, distributions, state,
/// intermediate and final values, timings and seed. Several threads and several processes of one host may share the
/// file: it uses WAL mode, a busy timeout, one short IMMEDIATE transaction per operation and retries with backoff on
/// SQLITE_BUSY. For workers on several hosts use <see cref="PostgresStorage"/>.
/// </summary>
/// <remarks>
/// Opening checks the file before writing anything: a file that is not SQLite, a corrupt one, a SQLite database of
/// another application, or a study file of a newer CourseKit gives an <see cref="InvalidDataException"/> and is left
/// untouched. A study file of schema version 1 (CourseKit before re-queued trials) is upgraded in place, in one transaction.
/// </remarks>
public sealed partial class SqliteStorage : SqlStudyStorage
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

    /// <summary>The storage URL of the file (<c>sqlite:///</c> and its absolute path).</summary>
    public override string Description => "sqlite:///" + Path;

    /// <summary>A SQLite file locks whole: the IMMEDIATE transaction already excludes other writers.</summary>
    private protected override string ForUpdate => "";

    /// <summary>Returns pooled connections so the file can be moved or deleted.</summary>
    public override void Dispose() => SqliteConnection.ClearPool(new SqliteConnection(_connectionString));

    private protected override T Read<T>(Func<DbConnection, T> read) => SqliteRetry.Run(() =>
    {
        using var c = Open();
        using var t = new RawTransaction(c, "BEGIN");  // one snapshot for all the queries of a read
        T result = read(c);
        t.Commit();
        return result;
    }, Patience);

    private protected override T Write<T>(Func<DbConnection, int, T> write) => SqliteRetry.Run(() =>
    {
        using var c = Open();
        // IMMEDIATE takes the write lock up front: a deferred transaction that upgrades later can fail with
        // SQLITE_BUSY without waiting, which is the usual cause of "database is locked".
        using var t = new RawTransaction(c, "BEGIN IMMEDIATE");
        T result = write(c, 1);
        t.Commit();
        return result;
    }, Patience);

    private SqliteConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        Exec(c, "PRAGMA busy_timeout=10000");
        return c;
    }

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
}
