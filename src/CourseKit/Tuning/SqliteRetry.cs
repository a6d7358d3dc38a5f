using Microsoft.Data.Sqlite;

namespace CourseKit.Tuning;

/// <summary>
/// Runs a short SQLite operation again when another process holds the write lock (SQLITE_BUSY / SQLITE_LOCKED), with
/// exponential backoff and jitter, so several processes can share one study file without "database is locked" errors.
/// </summary>
internal static class SqliteRetry
{
    private const int Busy = 5, Locked = 6;

    public static T Run<T>(Func<T> operation, TimeSpan patience)
    {
        var start = DateTime.UtcNow;
        int delayMs = 2;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return operation();
            }
            catch (SqliteException e) when ((e.SqliteErrorCode is Busy or Locked) && DateTime.UtcNow - start < patience)
            {
                // Jitter keeps processes that collided from colliding again in lockstep.
                Thread.Sleep(delayMs + Random.Shared.Next(delayMs + 1));
                delayMs = Math.Min(delayMs * 2, 200);
            }
        }
    }
}
