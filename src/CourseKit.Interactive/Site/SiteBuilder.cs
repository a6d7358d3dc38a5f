using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Site;

/// <summary>What <see cref="SiteBuilder.Build"/> wrote.</summary>
/// <param name="Folder">The site's folder (full path); open <c>index.html</c> in a browser, no server needed.</param>
/// <param name="Chapters">The chapter pages, in order.</param>
public sealed record SiteResult(string Folder, IReadOnlyList<ChapterPage> Chapters)
{
    /// <summary>The index page's full path.</summary>
    public string IndexPath => Path.Combine(Folder, "index.html");
}

/// <summary>
/// Builds the course as a static HTML site that works offline from the file system: one page per executed chapter
/// notebook, an index with the table of contents, previous/next links, and KaTeX and plotly.js bundled under
/// <c>assets/</c>. The same notebooks give the same files, byte for byte.
/// </summary>
public static class SiteBuilder
{
    /// <summary>Builds the site from <paramref name="notebooks"/> (in reading order) into <paramref name="outputFolder"/>, replacing it whole.</summary>
    /// <exception cref="ArgumentException">No notebooks, or two with the same file name (their pages would collide).</exception>
    /// <exception cref="IOException"><paramref name="outputFolder"/> is a non-empty folder that <c>coursekit site</c> did not write.</exception>
    /// <exception cref="FileNotFoundException">KaTeX or plotly.js is not installed (see <see cref="WebPackages"/>).</exception>
    public static SiteResult Build(IReadOnlyList<Notebook> notebooks, string outputFolder, SiteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        options ??= new SiteOptions();
        options.Validate();
        if (notebooks.Count == 0) throw new ArgumentException("expected at least one notebook, actual none.", nameof(notebooks));
        var clash = notebooks.GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new ArgumentException($"expected distinct notebook names, actual '{clash.Key}' {clash.Count()} times ({string.Join(", ", clash.Select(n => n.Path ?? n.Name))}).", nameof(notebooks));

        var chapters = notebooks.Select(ChapterRenderer.Render).ToList();
        var pages = Pages(chapters, options.Title);
        SiteDirectory.Replace(outputFolder, folder =>
        {
            SiteAssets.Write(folder, options);
            foreach (var (file, html) in pages) File.WriteAllText(Path.Combine(folder, file), html);
        });
        return new SiteResult(Path.GetFullPath(outputFolder), chapters);
    }

    /// <summary>Every page's file name and HTML: the index first, then the chapters, each linked to its neighbours.</summary>
    internal static IReadOnlyList<(string File, string Html)> Pages(IReadOnlyList<ChapterPage> chapters, string courseTitle)
    {
        var index = new PageLink("index.html", "Contents");
        var links = chapters.Select(c => new PageLink(c.FileName, c.TitleHtml)).ToList();
        var pages = new List<(string, string)>
        {
            ("index.html", PageLayout.Page(courseTitle, null, IndexPage.Content(courseTitle, chapters), null, links[0], charts: false)),
        };
        for (int i = 0; i < chapters.Count; i++)
        {
            var chapter = chapters[i];
            string content = WithOnThisPage(chapter);
            var previous = i == 0 ? index : links[i - 1];
            var next = i + 1 < chapters.Count ? links[i + 1] : null;
            pages.Add((chapter.FileName, PageLayout.Page(courseTitle, chapter.Title, content, previous, next, chapter.HasCharts)));
        }
        return pages;
    }

    // The chapter's short contents goes right under its title.
    private static string WithOnThisPage(ChapterPage chapter)
    {
        string toc = IndexPage.OnThisPage(chapter);
        int end = chapter.BodyHtml.IndexOf("</h1>", StringComparison.Ordinal);
        return end < 0 ? toc + chapter.BodyHtml : chapter.BodyHtml.Insert(end + "</h1>".Length, "\n" + toc);
    }
}
