using System.Text;

namespace CourseKit.Interactive.Site;

/// <summary>Escaping for text put into the site's HTML.</summary>
internal static class HtmlText
{
    /// <summary>Escapes <c>&lt; &gt; &amp; " '</c>; every other character (×, —, ŷ) stays as it is, which UTF-8 pages show as is.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        foreach (char ch in text)
        {
            switch (ch)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }
}
