using System.Data.Common;

namespace CourseKit.Tuning;

public abstract partial class SqlStudyStorage
{
    private protected static DbCommand Command(DbConnection c, string sql, (string, object?)[] args)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
        {
            var p = cmd.CreateParameter();
            (p.ParameterName, p.Value) = (name, value ?? DBNull.Value);
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    private protected static int Exec(DbConnection c, string sql, params (string, object?)[] args)
    {
        using var cmd = Command(c, sql, args);
        return cmd.ExecuteNonQuery();
    }

    private protected static object? Scalar(DbConnection c, string sql, params (string, object?)[] args)
    {
        using var cmd = Command(c, sql, args);
        object? value = cmd.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private protected static List<T> Query<T>(DbConnection c, string sql, Func<DbDataReader, T> row, params (string, object?)[] args)
    {
        using var cmd = Command(c, sql, args);
        using var r = cmd.ExecuteReader();
        var rows = new List<T>();
        while (r.Read()) rows.Add(row(r));
        return rows;
    }

    /// <summary>Times are stored as Unix milliseconds (UTC): the same integer column in every database.</summary>
    private protected static long Ms(DateTime t) => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc), TimeSpan.Zero).ToUnixTimeMilliseconds();

    private protected static DateTime Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;

    /// <summary>The schema's tables, the same for every database: <paramref name="integer"/>, <paramref name="real"/>, <paramref name="key"/> are its type names.</summary>
    private protected static string[] Tables(string integer, string bigint, string real, string key) =>
    [
        "CREATE TABLE coursekit_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        $"CREATE TABLE studies(id {key}, name TEXT NOT NULL UNIQUE, direction TEXT NOT NULL, seed {integer} NOT NULL, created {bigint} NOT NULL)",
        $"CREATE TABLE study_params(study_id {integer} NOT NULL, position {integer} NOT NULL, name TEXT NOT NULL, distribution TEXT NOT NULL, PRIMARY KEY(study_id, name))",
        $"CREATE TABLE trials(study_id {integer} NOT NULL, number {integer} NOT NULL, state TEXT NOT NULL, value {real}, seed {integer} NOT NULL, " +
            $"started {bigint} NOT NULL, finished {bigint}, heartbeat {bigint}, position {integer} NOT NULL, retry_of {integer}, token TEXT, PRIMARY KEY(study_id, number))",
        $"CREATE TABLE trial_params(study_id {integer} NOT NULL, number {integer} NOT NULL, name TEXT NOT NULL, value {real} NOT NULL, distribution TEXT NOT NULL, PRIMARY KEY(study_id, number, name))",
        $"CREATE TABLE trial_values(study_id {integer} NOT NULL, number {integer} NOT NULL, step {integer} NOT NULL, value {real} NOT NULL, PRIMARY KEY(study_id, number, step))",
        $"CREATE TABLE trial_attrs(study_id {integer} NOT NULL, number {integer} NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY(study_id, number, key))",
        .. Indexes,
    ];

    /// <summary>What version 2 added to the tables beside the columns: finding a trial by state and by token.</summary>
    private protected static readonly string[] Indexes =
    [
        "CREATE INDEX trials_by_state ON trials(study_id, state)",
        "CREATE UNIQUE INDEX trials_by_token ON trials(study_id, token)",
    ];
}
