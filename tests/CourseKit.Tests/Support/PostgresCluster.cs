using System.Diagnostics;
using Npgsql;

namespace CourseKit.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster started by scripts/postgres.sh (Debian's initdb and pg_ctl, a private folder, a free
/// port, a random password), stopped and deleted on dispose. <see cref="Shared"/> is the one run-tests.sh started
/// (COURSEKIT_TEST_POSTGRES_URL) or, when the tests run alone, one started for this test process. There is no skip:
/// without PostgreSQL the script fails and so do the tests.
/// </summary>
internal sealed class PostgresCluster : IDisposable
{
    private static readonly Lazy<string> s_shared = new(StartShared, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly string _folder;

    private PostgresCluster(string folder, string url) => (_folder, Url) = (folder, url);

    /// <summary>The URL of the cluster (user coursekit, database postgres), password included.</summary>
    public string Url { get; }

    /// <summary>The URL of the shared cluster, for tests that do not stop or restart it.</summary>
    public static string Shared => s_shared.Value;

    /// <summary>Starts a cluster of its own (for tests that restart it or listen on other addresses).</summary>
    public static PostgresCluster Start(string listen = "127.0.0.1")
    {
        string folder = Path.Combine(Path.GetTempPath(), "coursekit-pg-" + Guid.NewGuid().ToString("N")[..12]);
        return new PostgresCluster(folder, Script("start", folder, "--listen", listen));
    }

    /// <summary>A new empty database on <paramref name="clusterUrl"/> (the shared cluster by default); returns its URL.</summary>
    public static string NewDatabase(string? clusterUrl = null)
    {
        clusterUrl ??= Shared;
        string name = "t_" + Guid.NewGuid().ToString("N")[..16];
        using (var c = new NpgsqlConnection(Admin(clusterUrl)))
        {
            c.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            cmd.ExecuteNonQuery();
        }
        return clusterUrl[..clusterUrl.LastIndexOf('/')] + "/" + name;
    }

    /// <summary>Runs SQL as the cluster's superuser in the database of <paramref name="url"/>.</summary>
    public static void Sql(string url, string sql)
    {
        using var c = new NpgsqlConnection(Admin(url));
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    /// <summary>A fast shutdown and a start on the same port: every client connection breaks.</summary>
    public void Restart() => Script("restart", _folder);

    /// <summary>Stops the server, keeping its data: connections are refused until <see cref="Resume"/>.</summary>
    public void Halt() => Script("halt", _folder);

    /// <summary>Starts the halted server again on the same port.</summary>
    public void Resume() => Script("resume", _folder);

    public void Dispose() => Script("stop", _folder);

    private static string Admin(string url)
    {
        var u = new Uri(url);
        string[] user = u.UserInfo.Split(':', 2);
        return new NpgsqlConnectionStringBuilder
        {
            Host = u.Host, Port = u.Port, Username = user[0], Password = Uri.UnescapeDataString(user[1]), Database = u.AbsolutePath.TrimStart('/'), Pooling = false,
        }.ConnectionString;
    }

    private static string StartShared()
    {
        if (Environment.GetEnvironmentVariable("COURSEKIT_TEST_POSTGRES_URL") is { Length: > 0 } url) return url;
        var cluster = Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        return cluster.Url;
    }

    private static string Script(params string[] args)
    {
        var info = new ProcessStartInfo(Path.Combine(RepositoryRoot(), "scripts", "postgres.sh"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (string a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2))) { p.Kill(true); throw new TimeoutException($"scripts/postgres.sh {args[0]} took more than 2 minutes."); }
        if (p.ExitCode != 0) throw new InvalidOperationException($"scripts/postgres.sh {args[0]} failed ({p.ExitCode}): {stderr.Result}");
        return stdout.Trim();
    }

    /// <summary>The repository's root folder (where run-tests.sh is), found from the test assembly's folder.</summary>
    public static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "run-tests.sh"))) return d.FullName;
        throw new DirectoryNotFoundException($"No run-tests.sh above {AppContext.BaseDirectory}.");
    }
}
