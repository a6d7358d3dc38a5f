using System.Text;
using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CourseKit.Interactive.Site;

/// <summary>
/// Markdown cells as HTML with Markdig: pipe tables, emphasis, code, lists, links, and math kept for KaTeX
/// (<c>&lt;span class="math"&gt;</c> / <c>&lt;div class="math"&gt;</c>, rendered in the browser by site.js). One instance
/// per page, so heading ids stay unique across the page's cells.
/// </summary>
internal sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseMathematics()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .Build();

    private readonly HeadingIds _ids = new();

    /// <summary>The HTML of <paramref name="markdown"/> and its headings (each given a page-unique id).</summary>
    public (string Html, IReadOnlyList<Heading> Headings) Render(string markdown)
    {
        var document = Markdown.Parse(MathDelimiters.Normalize(markdown), Pipeline);
        foreach (var math in document.Descendants<MathInline>().Where(m => m.DelimiterCount >= 2))
            math.GetAttributes().AddClass("display"); // $$…$$ inside a paragraph is still display math
        var headings = new List<Heading>();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            string text = PlainText(heading.Inline).Trim();
            string id = _ids.Next(text);
            heading.GetAttributes().Id = id;
            headings.Add(new Heading(heading.Level, text, InlineHtml(heading), id));
        }
        return (ToHtml(r => r.Render(document)), headings);
    }

    private static string InlineHtml(LeafBlock block) => ToHtml(r => r.WriteLeafInline(block)).Trim();

    private static string ToHtml(Action<HtmlRenderer> render)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        render(renderer);
        writer.Flush();
        return writer.ToString();
    }

    private static string PlainText(ContainerInline? container)
    {
        var sb = new StringBuilder();
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            sb.Append(inline switch
            {
                MathInline math => math.Content.ToString(),
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                HtmlEntityInline entity => entity.Transcoded.ToString(),
                LineBreakInline => " ",
                ContainerInline inner => PlainText(inner),
                _ => "",
            });
        }
        return sb.ToString();
    }
}
