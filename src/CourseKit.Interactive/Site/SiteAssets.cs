namespace CourseKit.Interactive.Site;

/// <summary>
/// The files under <c>assets/</c> every page links to: KaTeX (katex.min.js, katex.min.css, fonts/, its license) and
/// plotly.min.js from npm, and the site's own stylesheet and script (embedded in this assembly).
/// </summary>
internal static class SiteAssets
{
    /// <summary>KaTeX's stylesheet (its fonts/ beside it), relative to a page.</summary>
    public const string KatexCss = "assets/katex/katex.min.css";

    /// <summary>KaTeX's script, relative to a page.</summary>
    public const string KatexJs = "assets/katex/katex.min.js";

    /// <summary>plotly.js, relative to a page.</summary>
    public const string PlotlyJs = "assets/plotly.min.js";

    /// <summary>The site's stylesheet, relative to a page.</summary>
    public const string SiteCss = "assets/site.css";

    /// <summary>The site's script (renders the math with KaTeX), relative to a page.</summary>
    public const string SiteJs = "assets/site.js";

    /// <summary>Copies every asset into <paramref name="siteFolder"/>/assets/.</summary>
    /// <exception cref="FileNotFoundException">KaTeX or plotly.js is missing (the message says how to install it).</exception>
    public static void Write(string siteFolder, SiteOptions options)
    {
        string katex = options.KatexDistPath ?? WebPackages.Locate(WebPackages.KatexDist);
        string plotly = options.PlotlyJsPath ?? WebPackages.Locate(WebPackages.PlotlyJs);
        foreach (string required in (string[])["katex.min.js", "katex.min.css", "fonts"])
        {
            string path = Path.Combine(katex, required);
            if (!File.Exists(path) && !Directory.Exists(path))
                throw new FileNotFoundException($"{path}: not found; expected KaTeX's dist folder with katex.min.js, katex.min.css and fonts/ (npm package katex; run scripts/install-web-deps.sh).", path);
        }
        if (!File.Exists(plotly))
            throw new FileNotFoundException($"{plotly}: plotly.min.js not found (npm package plotly.js-dist-min; run scripts/install-web-deps.sh).", plotly);

        string katexTarget = Path.Combine(siteFolder, "assets", "katex");
        Directory.CreateDirectory(Path.Combine(katexTarget, "fonts"));
        File.Copy(Path.Combine(katex, "katex.min.js"), Path.Combine(katexTarget, "katex.min.js"));
        File.Copy(Path.Combine(katex, "katex.min.css"), Path.Combine(katexTarget, "katex.min.css"));
        foreach (string font in Directory.GetFiles(Path.Combine(katex, "fonts")).Order(StringComparer.Ordinal))
            File.Copy(font, Path.Combine(katexTarget, "fonts", Path.GetFileName(font)));
        string license = Path.Combine(katex, "..", "LICENSE");
        if (File.Exists(license)) File.Copy(license, Path.Combine(katexTarget, "LICENSE"));

        File.Copy(plotly, Path.Combine(siteFolder, PlotlyJs));
        string plotlyLicense = Path.Combine(Path.GetDirectoryName(plotly)!, "LICENSE");
        if (File.Exists(plotlyLicense)) File.Copy(plotlyLicense, Path.Combine(siteFolder, "assets", "plotly.LICENSE"));

        File.WriteAllText(Path.Combine(siteFolder, SiteCss), Embedded("site.css"));
        File.WriteAllText(Path.Combine(siteFolder, SiteJs), Embedded("site.js"));
    }

    private static string Embedded(string name)
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream($"CourseKit.Interactive.Site.{name}")
            ?? throw new InvalidOperationException($"embedded resource {name}: expected in {typeof(SiteAssets).Assembly.GetName().Name}, not found.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
