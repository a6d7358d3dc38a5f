using CourseKit.Tests.Support;
using CourseKit.Tuning;

namespace CourseKit.Tests.Tuning.Storage;

/// <summary>Storage URLs and PostgreSQL credentials, resolved as libpq resolves them (no server needed).</summary>
public class PostgresUrlTests
{
    private static Func<string, string?> Env(params (string Key, string Value)[] vars) => key => vars.FirstOrDefault(v => v.Key == key).Value;

    [Fact]
    public void A_full_url_gives_every_part_and_shows_no_password()
    {
        var u = PostgresUrl.Parse("postgresql://ada:p%40ss:w0rd@db.example.org:6543/studies?sslmode=require&application_name=tuner", Env());
        Assert.Equal(("db.example.org", 6543, "ada", "studies", "p@ss:w0rd"), (u.Host, u.Port, u.User, u.Database, u.Password));
        Assert.Equal("postgresql://ada@db.example.org:6543/studies", u.ToString());
        Assert.DoesNotContain("w0rd", u.ConnectionString("coursekit").Replace("Password=p@ss:w0rd", "", StringComparison.Ordinal));
        Assert.Equal("postgresql://ada:***@db.example.org/x", PostgresUrl.Redact("postgresql://ada:secret@db.example.org/x"));
    }

    [Fact]
    public void Parts_left_out_come_from_the_PG_variables_then_libpq_defaults()
    {
        var u = PostgresUrl.Parse("postgres://", Env(("PGHOST", "10.0.0.5"), ("PGPORT", "5433"), ("PGUSER", "grace"), ("PGDATABASE", "hpo"), ("PGPASSWORD", "env-secret")));
        Assert.Equal(("10.0.0.5", 5433, "grace", "hpo", "env-secret"), (u.Host, u.Port, u.User, u.Database, u.Password));
        var d = PostgresUrl.Parse("postgresql+psycopg2://bob@/", Env(("PGPASSFILE", "/nonexistent")));
        Assert.Equal(("localhost", 5432, "bob", "bob", (string?)null), (d.Host, d.Port, d.User, d.Database, d.Password));
        var ipv6 = PostgresUrl.Parse("postgresql://u:p@[::1]:5440/db", Env());
        Assert.Equal(("::1", "[::1]:5440"), (ipv6.Host, ipv6.Endpoint));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]  // the password file's permission bits
    public void A_private_password_file_supplies_the_password_and_a_readable_one_is_ignored()
    {
        using var temp = new TempFolder();
        string file = temp.File("pgpass");
        File.WriteAllLines(file, ["# host:port:db:user:password", "other:*:*:*:wrong", @"db1:5432:*:ada:fi\:le-secret", "*:*:*:*:fallback"]);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Equal("fi:le-secret", PostgresUrl.Parse("postgresql://ada@db1/x", Env(("PGPASSFILE", file))).Password);
        Assert.Equal("fallback", PostgresUrl.Parse("postgresql://ada@db2/x", Env(("PGPASSFILE", file))).Password);
        Assert.Equal("url-wins", PostgresUrl.Parse("postgresql://ada:url-wins@db1/x", Env(("PGPASSFILE", file))).Password);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        Assert.Null(PostgresUrl.Parse("postgresql://ada@db1/x", Env(("PGPASSFILE", file))).Password);
    }

    [Theory]
    [InlineData("postgresql://u:pw@h:99999/db", "port in 1 … 65535")]
    [InlineData("postgresql://u:pw@h/db?pool=3", "unknown parameter 'pool'")]
    [InlineData("mysql://u:topsecret@h/db", "expected memory, sqlite:///")]
    [InlineData("sqlite://relative.db", "expected sqlite:///relative/path.db")]
    public void A_bad_url_is_refused_naming_what_is_wrong_without_its_password(string url, string expected)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => StudyStorage.Open(url));
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain("topsecret", e.Message);
    }

    [Fact]
    public void Sqlite_urls_follow_sqlalchemy_three_slashes_relative_four_absolute()
    {
        Assert.Equal("studies/tuning.db", StudyStorage.SqlitePath("sqlite:///studies/tuning.db"));
        Assert.Equal("/var/lib/tuning.db", StudyStorage.SqlitePath("sqlite:////var/lib/tuning.db"));
        using var temp = new TempFolder();
        using var s = StudyStorage.Open("sqlite:///" + temp.File("a.db"));
        Assert.Equal("sqlite:///" + temp.File("a.db"), s.Description);
        Assert.IsType<InMemoryStorage>(StudyStorage.Open(null));
        Assert.Equal("memory", StudyStorage.Open("memory").Description);
    }
}
