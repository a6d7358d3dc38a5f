namespace CourseKit.Charts;

/// <summary>
/// Where plotly.js comes from: the CDN for notebook output, the npm package <c>plotly.js-dist-min</c> (installed by
/// <c>scripts/install-web-deps.sh</c>, i.e. <c>npm ci</c> at the repository root) for offline pages.
/// </summary>
public static class PlotlyJs
{
    /// <summary>The plotly.js version used: the CDN script and the pinned npm package are the same release.</summary>
    public const string Version = "2.35.2";

    /// <summary>The CDN address notebook output loads plotly.js from.</summary>
    public const string CdnUrl = "https://cdn.plot.ly/plotly-" + Version + ".min.js";

    /// <summary>The npm package whose <c>plotly.min.js</c> offline pages inline.</summary>
    public const string NpmPackage = "plotly.js-dist-min";

    /// <summary>The environment variable that may name plotly.min.js explicitly.</summary>
    public const string EnvironmentVariable = "COURSEKIT_PLOTLY_JS";

    private static readonly string RelativePath = Path.Combine("node_modules", NpmPackage, "plotly.min.js");

    /// <summary>
    /// The path of plotly.min.js: <paramref name="explicitPath"/> when given, else <c>$COURSEKIT_PLOTLY_JS</c> when set,
    /// else the first <c>node_modules/plotly.js-dist-min/plotly.min.js</c> found walking up from the library's folder,
    /// then from the current directory.
    /// </summary>
    /// <exception cref="FileNotFoundException">Nothing found; the message names the package and the command that installs it.</exception>
    public static string Locate(string? explicitPath = null)
    {
        if (explicitPath is not null)
            return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath)
                : throw Missing($"the path given ({explicitPath}) does not exist", explicitPath);
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
            return File.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment)
                : throw Missing($"{EnvironmentVariable}={fromEnvironment} does not exist", fromEnvironment);
        var searched = new List<string>();
        foreach (string? start in new[] { Path.GetDirectoryName(typeof(PlotlyJs).Assembly.Location), AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            if (string.IsNullOrEmpty(start)) continue;
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, RelativePath);
                if (File.Exists(candidate)) return candidate;
            }
            searched.Add(start);
        }
        throw Missing($"no {RelativePath} above {string.Join(" or ", searched.Distinct())}", RelativePath);
    }

    /// <summary>The text of plotly.min.js (see <see cref="Locate"/>).</summary>
    public static string ReadScript(string? explicitPath = null) => File.ReadAllText(Locate(explicitPath));

    private static FileNotFoundException Missing(string why, string path) => new(
        $"plotly.js not found: {why}. Offline pages inline plotly.min.js from the npm package {NpmPackage} {Version}: " +
        $"run scripts/install-web-deps.sh (npm ci at the repository root), or set {EnvironmentVariable} to a plotly.min.js, " +
        "or pass its path.", path);
}
