using System.Text;

namespace CourseKit.Interactive.Site;

/// <summary>
/// The frame every page shares: head (KaTeX's stylesheet, the site's stylesheet, plotly.js when the page has charts —
/// loaded before the body so the charts' own scripts find <c>window.Plotly</c> and request nothing), a header with the
/// course title, and previous / contents / next links above and below the content. Every link is relative.
/// </summary>
internal static class PageLayout
{
    /// <summary>A whole HTML page.</summary>
    /// <param name="courseTitle">The course's name (plain text).</param>
    /// <param name="pageTitle">The page's title (plain text), or null for the index page.</param>
    /// <param name="content">The page's main content (HTML).</param>
    /// <param name="previous">The previous page, or null.</param>
    /// <param name="next">The next page, or null.</param>
    /// <param name="charts">Whether to load plotly.js.</param>
    public static string Page(string courseTitle, string? pageTitle, string content, PageLink? previous, PageLink? next, bool charts)
    {
        string title = pageTitle is null ? courseTitle : $"{pageTitle} · {courseTitle}";
        var sb = new StringBuilder();
        sb.Append($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="coursekit site">
            <title>{HtmlText.Escape(title)}</title>
            <link rel="stylesheet" href="{SiteAssets.KatexCss}">
            <link rel="stylesheet" href="{SiteAssets.SiteCss}">

            """);
        if (charts) sb.Append($"<script src=\"{SiteAssets.PlotlyJs}\"></script>\n");
        sb.Append($"""
            <script defer src="{SiteAssets.KatexJs}"></script>
            <script defer src="{SiteAssets.SiteJs}"></script>
            </head>
            <body class="{(pageTitle is null ? "index" : "chapter")}">
            <header class="site-header"><div class="bar"><a class="site-title" href="index.html">{HtmlText.Escape(courseTitle)}</a>
            {Pager(previous, next, "top")}</div></header>
            <main class="content" id="top">
            {content}
            </main>
            <footer class="site-footer">{Pager(previous, next, "bottom")}</footer>
            </body>
            </html>

            """);
        return sb.ToString();
    }

    private static string Pager(PageLink? previous, PageLink? next, string where)
    {
        var sb = new StringBuilder($"<nav class=\"pager {where}\" aria-label=\"chapters\">");
        sb.Append(previous is null
            ? "<span class=\"prev disabled\"></span>"
            : $"<a class=\"prev\" rel=\"prev\" href=\"{HtmlText.Escape(previous.Href)}\"><span class=\"dir\">← previous</span><span class=\"name\">{previous.TitleHtml}</span></a>");
        sb.Append("<a class=\"contents\" href=\"index.html\">contents</a>");
        sb.Append(next is null
            ? "<span class=\"next disabled\"></span>"
            : $"<a class=\"next\" rel=\"next\" href=\"{HtmlText.Escape(next.Href)}\"><span class=\"dir\">next →</span><span class=\"name\">{next.TitleHtml}</span></a>");
        return sb.Append("</nav>").ToString();
    }
}
