using System.Text;

namespace CourseKit.Interactive.Site;

/// <summary>The index page's content: the course title and the table of contents — each chapter, then its <c>##</c> sections.</summary>
internal static class IndexPage
{
    /// <summary>The table of contents as HTML (<c>nav.toc</c>; chapter links have class <c>chapter</c>, section links <c>section</c>).</summary>
    public static string Content(string courseTitle, IReadOnlyList<ChapterPage> chapters)
    {
        var sb = new StringBuilder();
        sb.Append("<h1 class=\"course-title\">").Append(HtmlText.Escape(courseTitle)).Append("</h1>\n");
        sb.Append("<p class=\"lede\">Each chapter is a notebook, run from start to end: its text, its code, and everything the code ")
          .Append("printed, drew and checked. To work the exercises yourself, open the chapter's notebook; here each exercise's ")
          .Append("solution is folded under <em>show a solution</em>.</p>\n");
        sb.Append("<nav class=\"toc\" id=\"contents\" aria-label=\"table of contents\">\n<h2>Contents</h2>\n<ol class=\"chapters\">\n");
        foreach (var chapter in chapters)
        {
            string href = HtmlText.Escape(chapter.FileName);
            sb.Append("<li><a class=\"chapter\" href=\"").Append(href).Append("\">").Append(chapter.TitleHtml).Append("</a>");
            if (chapter.Sections.Count > 0)
            {
                sb.Append("\n<ol class=\"sections\">\n");
                foreach (var section in chapter.Sections)
                    sb.Append("<li><a class=\"section\" href=\"").Append(href).Append('#').Append(HtmlText.Escape(section.Id)).Append("\">")
                      .Append(section.Html).Append("</a></li>\n");
                sb.Append("</ol>\n");
            }
            sb.Append("</li>\n");
        }
        return sb.Append("</ol>\n</nav>").ToString();
    }

    /// <summary>A chapter page's own short contents, shown under its title: links to its sections.</summary>
    public static string OnThisPage(ChapterPage chapter)
    {
        if (chapter.Sections.Count == 0) return "";
        var sb = new StringBuilder("<nav class=\"on-this-page\" aria-label=\"sections\"><span class=\"label\">In this chapter</span><ol>");
        foreach (var section in chapter.Sections)
            sb.Append("<li><a href=\"#").Append(HtmlText.Escape(section.Id)).Append("\">").Append(section.Html).Append("</a></li>");
        return sb.Append("</ol></nav>\n").ToString();
    }
}
