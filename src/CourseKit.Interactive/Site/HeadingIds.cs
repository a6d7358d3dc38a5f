using System.Text;

namespace CourseKit.Interactive.Site;

/// <summary>Gives a page's headings ids that are readable in a URL and unique on the page ("1-the-softmax-activation", then "-2", "-3").</summary>
internal sealed class HeadingIds
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal) { "contents", "top" };

    /// <summary>A new id for a heading whose text is <paramref name="text"/>.</summary>
    public string Next(string text)
    {
        string slug = Slug(text);
        string id = slug;
        for (int n = 2; !_used.Add(id); n++) id = $"{slug}-{n}";
        return id;
    }

    /// <summary>Lower-case letters and digits, words joined by single hyphens; "section" when nothing is left.</summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char ch in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(ch)) sb.Append(ch);
            else if ((char.IsWhiteSpace(ch) || ch is '-' or '_' or '.') && sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        string slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "section" : slug;
    }
}
