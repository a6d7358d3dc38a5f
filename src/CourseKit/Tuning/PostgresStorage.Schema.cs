using System.Data.Common;
using System.Globalization;

namespace CourseKit.Tuning;

public sealed partial class PostgresStorage
{
    /// <summary>Any fixed number: the transaction-scoped advisory lock that lets one worker create the tables while others wait.</summary>
    private const long SchemaLock = 0x436f757273654b;

    private void InitializeSchema(DbConnection c)
    {
        Scalar(c, "SELECT pg_advisory_xact_lock(@k)", ("@k", SchemaLock));
        var tables = Query(c, "SELECT table_name FROM information_schema.tables WHERE table_schema=@s ORDER BY table_name", r => r.GetString(0), ("@s", Schema));
        if (tables.Count == 0)
        {
            Exec(c, $"CREATE SCHEMA IF NOT EXISTS {Schema}");
            Exec(c, $"SET LOCAL search_path TO {Schema}");
            foreach (string sql in Tables("INTEGER", "BIGINT", "DOUBLE PRECISION", "SERIAL PRIMARY KEY")) Exec(c, sql);
            Exec(c, "INSERT INTO coursekit_meta VALUES('format', @f), ('version', @v)",
                ("@f", SchemaFormat), ("@v", SchemaVersion.ToString(CultureInfo.InvariantCulture)));
            return;
        }
        if (!tables.Contains("coursekit_meta"))
            throw new InvalidDataException($"{Description}: the schema '{Schema}' belongs to another application (tables: {string.Join(", ", tables)}); it was left untouched.");
        var meta = Query(c, "SELECT key, value FROM coursekit_meta", r => (r.GetString(0), r.GetString(1))).ToDictionary(x => x.Item1, x => x.Item2);
        string? format = meta.GetValueOrDefault("format"), version = meta.GetValueOrDefault("version");
        // Version 2 is the first PostgreSQL schema; a later CourseKit upgrades older ones here, inside this locked transaction.
        if (format != SchemaFormat || version != SchemaVersion.ToString(CultureInfo.InvariantCulture))
            throw new InvalidDataException($"{Description}: expected CourseKit's tables of format {SchemaFormat} version {SchemaVersion}, " +
                $"actual {format} version {version}{(format == SchemaFormat ? " (written by a newer CourseKit?)" : "")}; they were left untouched.");
    }
}
