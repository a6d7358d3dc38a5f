using System.Text;

namespace CourseKit.Display;

/// <summary>Small helpers for the HTML that formatters write: escaping (learner text can hold markup) and table cells.</summary>
public static class Html
{
    /// <summary>Escapes <c>&lt; &gt; &amp; " '</c> so that text (an exception message, a layer name) shows as text and never runs.</summary>
    /// <remarks>Only these five: other characters (×, —, ŷ) stay as they are, which UTF-8 HTML shows as is.</remarks>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (char ch in text)
        {
            sb.Append(ch switch { '<' => "&lt;", '>' => "&gt;", '&' => "&amp;", '"' => "&quot;", '\'' => "&#39;", _ => ch.ToString() });
        }
        return sb.ToString();
    }

    /// <summary>The style of every CourseKit table: compact, monospace numbers, right-aligned.</summary>
    public const string TableStyle = "border-collapse:collapse;font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px";

    /// <summary>The style of a data cell.</summary>
    public const string CellStyle = "padding:2px 8px;text-align:right;border-bottom:1px solid #eaeef2";

    /// <summary>The style of a header cell.</summary>
    public const string HeaderStyle = "padding:2px 8px;text-align:right;border-bottom:1px solid #8c959f;color:#57606a;font-weight:600";

    /// <summary>Appends <c>&lt;tr&gt;</c> with one cell per item (escaped); <paramref name="header"/> uses <c>th</c>.</summary>
    public static StringBuilder Row(StringBuilder sb, IEnumerable<string> cells, bool header = false)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(cells);
        string tag = header ? "th" : "td", style = header ? HeaderStyle : CellStyle;
        sb.Append("<tr>");
        foreach (string cell in cells) sb.Append('<').Append(tag).Append(" style=\"").Append(style).Append("\">").Append(Escape(cell)).Append("</").Append(tag).Append('>');
        return sb.Append("</tr>");
    }

    /// <summary>The indices shown of <paramref name="count"/> items: all when ≤ 2·<paramref name="edge"/> + 2, else the first and last <paramref name="edge"/> with -1 marking the gap.</summary>
    public static IReadOnlyList<int> Shown(int count, int edge)
    {
        if (count <= 2L * edge + 2) return Enumerable.Range(0, count).ToArray();
        return [.. Enumerable.Range(0, edge), -1, .. Enumerable.Range(count - edge, edge)];
    }
}
