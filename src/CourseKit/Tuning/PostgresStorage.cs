using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Npgsql;

namespace CourseKit.Tuning;

/// <summary>
/// Studies in a PostgreSQL database, shared by workers on any number of hosts (what Optuna's RDB storage is to Optuna).
/// CourseKit creates and versions its tables in the schema <c>coursekit_studies</c> of the database it is given, so the
/// database may hold other things. Each operation is one short transaction; the study's row lock serializes trial
/// numbering, so no two workers anywhere take the same trial number or grid point.
/// </summary>
/// <remarks>
/// A lost connection or a restarting server is retried (new connection, exponential backoff) for
/// <see cref="Patience"/>; an operation whose reply was lost is recognized when repeated, so nothing is recorded twice.
/// Opening fails at once, naming host and port, when the server cannot be reached or refuses the login. The password
/// (URL, PGPASSWORD or password file) is never shown: <see cref="Description"/> and every message leave it out.
/// </remarks>
public sealed partial class PostgresStorage : SqlStudyStorage
{
    private const string Schema = "coursekit_studies";  // not a likely user name: "$user" in search_path would send others here
    private readonly NpgsqlDataSource _source;
    private readonly PostgresUrl _url;
    private bool _opened;

    /// <summary>Connects to the database at <paramref name="url"/> and creates or checks CourseKit's tables.</summary>
    /// <param name="url"><c>postgresql://user:password@host:port/database</c>; parts left out come from the PG* environment variables and the password file.</param>
    /// <param name="patience">How long one operation keeps retrying while the server is unreachable or restarting (60 s when null).</param>
    public PostgresStorage(string url, TimeSpan? patience = null) : this(PostgresUrl.Parse(url), patience) { }

    internal PostgresStorage(PostgresUrl url, TimeSpan? patience)
    {
        _url = url;
        Patience = patience ?? TimeSpan.FromSeconds(60);
        if (Patience < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(patience), patience, $"patience: expected ≥ 0, actual {patience}.");
        _source = NpgsqlDataSource.Create(_url.ConnectionString(Schema));
        try
        {
            Run((c, _) => { InitializeSchema(c); return 0; }, IsolationLevel.ReadCommitted);
        }
        catch
        {
            _source.Dispose();
            throw;
        }
        _opened = true;
    }

    /// <summary>How long one operation retries while the server cannot be reached.</summary>
    public TimeSpan Patience { get; }

    /// <summary>The host and port of the server (for messages).</summary>
    public string Endpoint => _url.Endpoint;

    /// <summary><c>postgresql://user@host:port/database</c>, without the password.</summary>
    public override string Description => _url.ToString();

    /// <summary>Waiting workers read the study every 50 ms: each read is a round trip to the server.</summary>
    public override TimeSpan PollInterval => TimeSpan.FromMilliseconds(50);

    private protected override string ForUpdate => " FOR UPDATE";

    /// <summary>Closes the pooled connections.</summary>
    public override void Dispose() => _source.Dispose();

    // Reads see one snapshot of the study even while other workers write.
    private protected override T Read<T>(Func<DbConnection, T> read) => Run((c, _) => read(c), IsolationLevel.RepeatableRead);

    private protected override T Write<T>(Func<DbConnection, int, T> write) => Run(write, IsolationLevel.ReadCommitted);

    private T Run<T>(Func<DbConnection, int, T> operation, IsolationLevel isolation)
    {
        var clock = Stopwatch.StartNew();
        int delayMs = 50;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                using var c = _source.OpenConnection();
                using var t = c.BeginTransaction(isolation);
                T result = operation(c, attempt);
                t.Commit();
                return result;
            }
            catch (Exception e) when (ShouldRetry(e) && clock.Elapsed < Patience)
            {
                // Jitter keeps workers that lost the server together from reconnecting in lockstep.
                Thread.Sleep(delayMs + Random.Shared.Next(delayMs / 2 + 1));
                delayMs = Math.Min(delayMs * 2, 1000);
            }
            catch (Exception e) when (Unreachable(e, clock.Elapsed, attempt) is { } clear)
            {
                throw clear;
            }
        }
    }

    // Before the storage has opened once, a server that refuses or a host that does not exist is a mistake in the URL:
    // say so at once. After that it is a server restarting or a network hiccup: wait for it.
    private bool ShouldRetry(Exception e) => e switch
    {
        PostgresException p => p.SqlState is "40001" or "40P01" or "57P01" or "57P02" or "57P03" or "53300" || (_opened && p.IsTransient),
        NpgsqlException n => n.IsTransient && (_opened || !IsAddressProblem(n)),
        _ => false,
    };

    private static bool IsAddressProblem(Exception e) => Innermost(e) is System.Net.Sockets.SocketException
    {
        SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused or System.Net.Sockets.SocketError.HostNotFound
            or System.Net.Sockets.SocketError.HostUnreachable or System.Net.Sockets.SocketError.NetworkUnreachable or System.Net.Sockets.SocketError.AddressNotAvailable,
    };

    /// <summary>A connection problem as a message that names the server, the database and the user — never the password.</summary>
    private StudyStorageUnavailableException? Unreachable(Exception e, TimeSpan waited, int attempts)
    {
        string where = $"PostgreSQL at {_url.Endpoint} (database '{_url.Database}', user '{_url.User}')";
        string reason = Innermost(e).Message;
        return e switch
        {
            PostgresException { SqlState: "28P01" or "28000" } => new($"{where} refused the login: {reason}", e),
            PostgresException { SqlState: "3D000" } => new($"{where}: the database does not exist ({reason}).", e),
            PostgresException p when p.IsTransient => new($"{where} did not answer usably for {waited.TotalSeconds:0.#} s ({attempts} attempts): {reason}", e),
            PostgresException => null,
            NpgsqlException => new($"{where} could not be reached{(attempts > 1 ? $" for {waited.TotalSeconds:0.#} s ({attempts} attempts)" : "")}: {reason}", e),
            _ => null,
        };
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner && e is not PostgresException ? Innermost(inner) : e;
}
