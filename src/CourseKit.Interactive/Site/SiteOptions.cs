namespace CourseKit.Interactive.Site;

/// <summary>How <see cref="SiteBuilder"/> builds the course site.</summary>
public sealed record SiteOptions
{
    /// <summary>The course's name, shown in every page's header and as the index page's heading.</summary>
    public string Title { get; init; } = "CourseKit";

    /// <summary>plotly.min.js to copy into <c>assets/</c>; null: found as <see cref="WebPackages.Locate"/> describes.</summary>
    public string? PlotlyJsPath { get; init; }

    /// <summary>KaTeX's <c>dist/</c> folder (katex.min.js, katex.min.css, fonts/); null: found as <see cref="WebPackages.Locate"/> describes.</summary>
    public string? KatexDistPath { get; init; }

    /// <summary>Throws when an option is unusable, naming it.</summary>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Title))
            throw new ArgumentException($"expected a non-empty course title, actual '{Title}'.", nameof(Title));
    }
}
