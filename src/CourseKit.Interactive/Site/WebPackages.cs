namespace CourseKit.Interactive.Site;

/// <summary>
/// The npm packages the site bundles so that it works offline: <c>katex</c> (math) and <c>plotly.js-dist-min</c> (charts),
/// both pinned in the repository's package-lock.json and installed into <c>node_modules/</c> by
/// <c>scripts/install-web-deps.sh</c>.
/// </summary>
public static class WebPackages
{
    /// <summary>KaTeX's distribution folder inside node_modules.</summary>
    public const string KatexDist = "katex/dist";

    /// <summary>plotly.js's minified bundle inside node_modules.</summary>
    public const string PlotlyJs = "plotly.js-dist-min/plotly.min.js";

    /// <summary>
    /// The path of <c>node_modules/<paramref name="relativePath"/></c>, the first found walking up from this library's
    /// folder, then from the current directory.
    /// </summary>
    /// <exception cref="FileNotFoundException">Not found; the message names the package and the script that installs it.</exception>
    public static string Locate(string relativePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        string inModules = Path.Combine("node_modules", relativePath);
        var starts = new[] { Path.GetDirectoryName(typeof(WebPackages).Assembly.Location), AppContext.BaseDirectory, Directory.GetCurrentDirectory() }
            .Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).Distinct().ToList();
        foreach (string start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, inModules);
                if (File.Exists(candidate) || Directory.Exists(candidate)) return candidate;
            }
        }
        string package = relativePath.Split('/')[0];
        throw new FileNotFoundException(
            $"{inModules}: not found above {string.Join(" or ", starts)}. The site bundles the npm package {package} " +
            "(pinned in package-lock.json): run scripts/install-web-deps.sh (npm ci at the repository root).", inModules);
    }
}
