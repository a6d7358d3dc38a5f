namespace CourseKit.Interactive.Site;

/// <summary>A link to another page of the site: its relative file name and its title as inline HTML.</summary>
internal sealed record PageLink(string Href, string TitleHtml);
