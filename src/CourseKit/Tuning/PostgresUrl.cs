using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace CourseKit.Tuning;

/// <summary>
/// A <c>postgresql://user:password@host:port/database?param=value</c> URL resolved as libpq (and so Optuna, psql)
/// resolves it: what the URL leaves out comes from PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD, then the password
/// file (PGPASSFILE or ~/.pgpass), then localhost:5432, the login name, a database named like the user.
/// <see cref="ToString"/> never shows the password.
/// </summary>
internal sealed partial record PostgresUrl(string Host, int Port, string User, string Database, IReadOnlyDictionary<string, string> Options)
{
    private static readonly string[] Known = ["host", "port", "user", "password", "dbname", "sslmode", "connect_timeout", "application_name"];

    /// <summary>The password (from the URL, PGPASSWORD or the password file), or null; never printed.</summary>
    internal string? Password { get; init; }

    [GeneratedRegex(@"^(?<scheme>postgres(?:ql)?)(?:\+[a-z0-9_]+)?://(?:(?<user>[^:@/?]*)(?::(?<password>[^@/?]*))?@)?(?<host>\[[^\]]*\]|[^:/?]*)(?::(?<port>[^/?]*))?(?:/(?<db>[^?]*))?(?:\?(?<query>.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    public static bool IsPostgres(string url) => url.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) && Pattern().IsMatch(url);

    /// <summary>Parses <paramref name="url"/>; <paramref name="environment"/> stands for the process environment (tests pass their own).</summary>
    public static PostgresUrl Parse(string url, Func<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        environment ??= Environment.GetEnvironmentVariable;
        var m = Pattern().Match(url);
        if (!m.Success) throw new ArgumentException($"url: expected postgresql://user:password@host:port/database, actual '{Redact(url)}'.", nameof(url));
        var query = ParseQuery(m.Groups["query"].Value);
        string? Part(string group, string param) => m.Groups[group].Value is { Length: > 0 } v ? Uri.UnescapeDataString(v) : query.GetValueOrDefault(param);
        string host = (Part("host", "host") ?? environment("PGHOST") ?? "localhost").Trim('[', ']');
        string portText = Part("port", "port") ?? environment("PGPORT") ?? "5432";
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
            throw new ArgumentException($"url: expected a port in 1 … 65535, actual '{portText}'.", nameof(url));
        string user = Part("user", "user") ?? environment("PGUSER") ?? Environment.UserName;
        string database = Part("db", "dbname") ?? environment("PGDATABASE") ?? user;
        string? password = Part("password", "password") ?? environment("PGPASSWORD")
            ?? PasswordFile.Lookup(environment("PGPASSFILE") ?? DefaultPassFile(), host, port, database, user);
        var options = query.Where(q => q.Key is "sslmode" or "connect_timeout" or "application_name").ToDictionary(q => q.Key, q => q.Value);
        return new PostgresUrl(host, port, user, database, options) { Password = password };
    }

    /// <summary>The connection string for Npgsql, with CourseKit's tables in their own schema and bounded waits.</summary>
    public string ConnectionString(string schema)
    {
        var b = new NpgsqlConnectionStringBuilder
        {
            Host = Host, Port = Port, Username = User, Database = Database, Password = Password, SearchPath = schema,
            Timeout = 15, CommandTimeout = 30, KeepAlive = 10, ApplicationName = "coursekit",
            // Nothing else in the process should see the password once the connection is open.
            PersistSecurityInfo = false,
        };
        foreach (var (key, value) in Options)
        {
            if (key == "sslmode") b.SslMode = Enum.Parse<SslMode>(value, ignoreCase: true);
            else if (key == "connect_timeout") b.Timeout = int.Parse(value, CultureInfo.InvariantCulture);
            else b.ApplicationName = value;
        }
        return b.ConnectionString;
    }

    /// <summary>Where the server is, for messages: host and port (a socket folder is shown as the host).</summary>
    public string Endpoint => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    /// <inheritdoc />
    public override string ToString() => $"postgresql://{Uri.EscapeDataString(User)}@{Endpoint}/{Uri.EscapeDataString(Database)}";

    /// <summary>The URL with its password replaced by ***, for error messages about the URL itself.</summary>
    public static string Redact(string url) => Regex.Replace(url, @"(://[^:@/?]*:)[^@/?]*@", "$1***@");

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>();
        foreach (string pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=');
            string key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]), value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            if (!Known.Contains(key))
                throw new ArgumentException($"url: unknown parameter '{key}'; expected one of {string.Join(", ", Known)}.", "url");
            result[key] = value;
        }
        return result;
    }

    private static string DefaultPassFile() => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pgpass");
}
