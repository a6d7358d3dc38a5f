using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace CourseKit.Tuning;

public sealed partial class SqliteStorage
{
    private const int NotADatabase = 26, Corrupt = 11;

    /// <summary>Version 1 → 2: positions (a re-queued trial keeps its grid point), re-queue links, idempotency tokens.</summary>
    private static readonly string[] UpgradeFrom1 =
    [
        "ALTER TABLE trials ADD COLUMN position INTEGER NOT NULL DEFAULT 0",
        "UPDATE trials SET position = number",
        "ALTER TABLE trials ADD COLUMN retry_of INTEGER",
        "ALTER TABLE trials ADD COLUMN token TEXT",
        .. Indexes,
    ];

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
                foreach (string sql in Tables("INTEGER", "INTEGER", "REAL", "INTEGER PRIMARY KEY")) Exec(c, sql);
                Exec(c, "INSERT INTO coursekit_meta VALUES('format', @f), ('version', @v)", ("@f", SchemaFormat), ("@v", Version(SchemaVersion)));
            }
            else if (!tables.Contains("coursekit_meta"))
                throw new InvalidDataException($"'{Path}' is a SQLite database of another application (tables: {string.Join(", ", tables)}), not a CourseKit study file; it was left untouched.");
            else Upgrade(c);
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

    private void Upgrade(SqliteConnection c)
    {
        var meta = Query(c, "SELECT key, value FROM coursekit_meta", r => (r.GetString(0), r.GetString(1))).ToDictionary(x => x.Item1, x => x.Item2);
        string? format = meta.GetValueOrDefault("format"), version = meta.GetValueOrDefault("version");
        if (format != SchemaFormat || version is not ("1" or "2"))
            throw new InvalidDataException($"'{Path}': expected a study file of format {SchemaFormat} version 1 or {SchemaVersion}, " +
                $"actual {format} version {version}{(format == SchemaFormat ? " (written by a newer CourseKit?)" : "")}; it was left untouched.");
        if (version == "1")
        {
            foreach (string sql in UpgradeFrom1) Exec(c, sql);
            Exec(c, "UPDATE coursekit_meta SET value=@v WHERE key='version'", ("@v", Version(SchemaVersion)));
        }
    }

    private static string Version(int v) => v.ToString(CultureInfo.InvariantCulture);
}
