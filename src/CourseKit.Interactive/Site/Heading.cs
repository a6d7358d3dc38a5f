namespace CourseKit.Interactive.Site;

/// <summary>A heading of a chapter page, as the table of contents lists it.</summary>
/// <param name="Level">1 for <c>#</c>, 2 for <c>##</c> …</param>
/// <param name="Text">Its plain text (LaTeX left as written), for the page title.</param>
/// <param name="Html">Its inline HTML (emphasis, code, math spans), for the table of contents.</param>
/// <param name="Id">Its id on the page, the link target <c>page.html#id</c>.</param>
public sealed record Heading(int Level, string Text, string Html, string Id);
