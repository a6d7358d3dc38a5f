using System.Net;
using System.Net.Sockets;
using CourseKit.Tests.Support;
using CourseKit.Tuning;

namespace CourseKit.Tests.Tuning.Storage;

/// <summary>What only a server database has: logins, other applications' schemas, concurrent schema creation, a server that goes away.</summary>
public class PostgresStorageTests
{
    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    [Fact]
    public void A_refused_connection_is_a_clear_error_naming_host_and_port_and_never_the_password()
    {
        int port = FreePort();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var e = Assert.Throws<StudyStorageUnavailableException>(() => StudyStorage.Open($"postgresql://ada:topsecret@127.0.0.1:{port}/studies"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Contains($"PostgreSQL at 127.0.0.1:{port} (database 'studies', user 'ada') could not be reached", e.Message);
        Assert.Contains("refused", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("topsecret", e.ToString());
    }

    [Fact]
    public void A_wrong_password_is_refused_by_name_without_showing_it()
    {
        var url = new Uri(PostgresCluster.Shared);
        var e = Assert.Throws<StudyStorageUnavailableException>(() => new PostgresStorage($"postgresql://coursekit:not-the-password@{url.Host}:{url.Port}/postgres"));
        Assert.Contains($"PostgreSQL at {url.Host}:{url.Port}", e.Message);
        Assert.Contains("refused the login", e.Message);
        Assert.DoesNotContain("not-the-password", e.ToString());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]  // the password file's permission bits
    public void Credentials_from_PGPASSWORD_or_a_password_file_open_the_storage()
    {
        var url = new Uri(PostgresCluster.NewDatabase());
        string password = Uri.UnescapeDataString(url.UserInfo.Split(':')[1]), bare = $"postgresql://coursekit@{url.Host}:{url.Port}{url.AbsolutePath}";
        using (var s = new PostgresStorage(PostgresUrl.Parse(bare, k => k == "PGPASSWORD" ? password : null), null))
            s.CreateStudy("from-env", Direction.Minimize, 0);
        using var temp = new TempFolder();
        string file = temp.File("pgpass");
        File.WriteAllText(file, $"{url.Host}:{url.Port}:*:coursekit:{password}\n");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using var f = new PostgresStorage(PostgresUrl.Parse(bare, k => k == "PGPASSFILE" ? file : null), null);
        Assert.Equal(["from-env"], f.StudyNames());
        Assert.DoesNotContain(password, f.Description);
    }

    [Fact]
    public void Another_applications_schema_or_a_newer_schema_is_refused_and_left_untouched()
    {
        string other = PostgresCluster.NewDatabase();
        PostgresCluster.Sql(other, "CREATE SCHEMA coursekit_studies; CREATE TABLE coursekit_studies.customers(id int); INSERT INTO coursekit_studies.customers VALUES (1)");
        var e = Assert.Throws<InvalidDataException>(() => new PostgresStorage(other));
        Assert.Contains("another application (tables: customers)", e.Message);
        PostgresCluster.Sql(other, "INSERT INTO coursekit_studies.customers VALUES (2)");  // still there, still writable

        string newer = PostgresCluster.NewDatabase();
        using (var s = new PostgresStorage(newer)) s.CreateStudy("kept", Direction.Minimize, 0);
        PostgresCluster.Sql(newer, "UPDATE coursekit_studies.coursekit_meta SET value='3' WHERE key='version'");
        var n = Assert.Throws<InvalidDataException>(() => new PostgresStorage(newer));
        Assert.Contains("version 3 (written by a newer CourseKit?)", n.Message);
    }

    [Fact]
    public void Workers_opening_an_empty_database_at_once_create_the_schema_once()
    {
        string url = PostgresCluster.NewDatabase();
        var storages = new System.Collections.Concurrent.ConcurrentBag<PostgresStorage>();
        Parallel.For(0, 6, new ParallelOptions { MaxDegreeOfParallelism = 6 }, _ => storages.Add(new PostgresStorage(url)));
        storages.First().CreateStudy("one", Direction.Minimize, 0);
        Assert.All(storages, s => Assert.Equal(["one"], s.StudyNames()));
        foreach (var s in storages) s.Dispose();
    }

    [Fact]
    public void A_server_that_stays_away_fails_the_next_trial_clearly_and_records_no_partial_trial()
    {
        using var cluster = PostgresCluster.Start();
        using var storage = new PostgresStorage(cluster.Url, patience: TimeSpan.FromSeconds(2));
        var study = Study.Create("away", Direction.Minimize, new RandomSampler(), storage: storage);
        study.Optimize(t => t.Float("x", 0, 1), 2);
        cluster.Halt();
        var e = Assert.Throws<StudyStorageUnavailableException>(() => study.Optimize(t => t.Float("x", 0, 1), 1));
        Assert.Contains($"PostgreSQL at {storage.Endpoint}", e.Message);
        cluster.Resume();
        Assert.Equal(2, study.Trials.Count);
        Assert.All(study.Trials, t => Assert.Equal(TrialState.Complete, t.State));
    }
}
