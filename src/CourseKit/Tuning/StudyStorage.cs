namespace CourseKit.Tuning;

/// <summary>Opens a study storage from a URL, as Optuna's <c>storage=</c> argument does.</summary>
public static class StudyStorage
{
    /// <summary>
    /// The storage at <paramref name="url"/>: null, empty or <c>memory</c> for a new <see cref="InMemoryStorage"/>;
    /// <c>sqlite:///relative/path.db</c> or <c>sqlite:////absolute/path.db</c> (SQLAlchemy's form) for a
    /// <see cref="SqliteStorage"/>; <c>postgresql://user:password@host:port/database</c> (also <c>postgres://</c>, with
    /// parts left to the PG* environment variables and the password file) for a <see cref="PostgresStorage"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The URL has another form; the message shows it without its password.</exception>
    public static IStudyStorage Open(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url == "memory") return new InMemoryStorage();
        if (url.StartsWith("sqlite://", StringComparison.OrdinalIgnoreCase)) return new SqliteStorage(SqlitePath(url));
        if (PostgresUrl.IsPostgres(url)) return new PostgresStorage(url);
        throw new ArgumentException($"url: expected memory, sqlite:///path/to/studies.db or postgresql://user:password@host:port/database, actual '{PostgresUrl.Redact(url)}'.", nameof(url));
    }

    /// <summary>The file of a <c>sqlite:///…</c> URL: what follows the third slash, relative to the working folder unless it starts with another slash.</summary>
    public static string SqlitePath(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        const string prefix = "sqlite:///";
        if (!url.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || url.Length == prefix.Length)
            throw new ArgumentException($"url: expected sqlite:///relative/path.db or sqlite:////absolute/path.db, actual '{url}'.", nameof(url));
        return Uri.UnescapeDataString(url[prefix.Length..]);
    }
}
