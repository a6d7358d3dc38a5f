namespace CourseKit.Interactive.Site;

/// <summary>One chapter of the site: a notebook rendered as a page body, with the headings its table of contents lists.</summary>
/// <param name="FileName">The page's file name in the site folder ("07-softmax-regression.html").</param>
/// <param name="Title">The chapter's title: the text of the notebook's first <c>#</c> heading, else the notebook's name.</param>
/// <param name="TitleHtml">The title as inline HTML (math spans kept).</param>
/// <param name="Sections">The chapter's <c>##</c> headings, in order.</param>
/// <param name="BodyHtml">The cells as HTML.</param>
/// <param name="HasCharts">Whether an output draws a plotly chart (the page then loads plotly.js before its outputs).</param>
/// <param name="Executed">Whether any code cell holds outputs or an execution count (false: the notebook was likely never run).</param>
public sealed record ChapterPage(
    string FileName, string Title, string TitleHtml, IReadOnlyList<Heading> Sections, string BodyHtml, bool HasCharts, bool Executed);
