using System.Globalization;
using System.Text;
using CourseKit.Grading;

namespace CourseKit.Display;

/// <summary>
/// <c>text/html</c> for a <see cref="CheckResult"/>: a badge (green passed, red failed or error, grey not implemented)
/// with the summary line, and a table of cases — folded away on success. Every learner-controlled string is escaped.
/// </summary>
public static class CheckResultHtml
{
    /// <summary>Writes <paramref name="result"/> as HTML to <paramref name="writer"/>.</summary>
    public static void Write(CheckResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ToHtml(result));
    }

    /// <summary><paramref name="result"/> as an HTML fragment.</summary>
    public static string ToHtml(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (label, color) = result.Status switch
        {
            CheckStatus.Passed => ("passed", "#1a7f37"),
            CheckStatus.Failed => ("failed", "#cf222e"),
            CheckStatus.NotImplemented => ("not implemented", "#6e7781"),
            _ => ("error", "#cf222e"),
        };
        var sb = new StringBuilder();
        sb.Append("<div class=\"coursekit-check\" data-status=\"").Append(CheckResultJson.StatusName(result.Status)).Append("\">");
        sb.Append("<div style=\"font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:13px\">");
        sb.Append("<span style=\"display:inline-block;padding:0 8px;border-radius:10px;color:#fff;font-weight:600;background:")
          .Append(color).Append("\">").Append(label).Append("</span> ").Append(Html.Escape(result.Summary));
        if (result.IncludesHidden)
            sb.Append(CultureInfo.InvariantCulture, $" <span style=\"color:#57606a\">({Numbers.Compact(result.Points)} / {Numbers.Compact(result.MaxPoints)} points)</span>");
        sb.Append("</div>");
        AppendCases(sb, result);
        return sb.Append("</div>").ToString();
    }

    private static void AppendCases(StringBuilder sb, CheckResult result)
    {
        sb.Append(result.Passed ? "<details>" : "<details open>").Append("<summary style=\"font-size:12px;color:#57606a\">cases</summary>");
        sb.Append("<table style=\"").Append(Html.TableStyle).Append("\">");
        Html.Row(sb, ["", "case", "result"], header: true);
        foreach (var c in result.Cases)
        {
            string text = c.Passed ? "passed" : c.Hint is null ? c.Message : $"{c.Message}\nhint: {c.Hint}";
            sb.Append("<tr><td style=\"").Append(Html.CellStyle).Append("\">").Append(Symbols.For(c.Status)).Append("</td>");
            sb.Append("<td style=\"").Append(Html.CellStyle).Append(";text-align:left\">").Append(Html.Escape(c.Name)).Append("</td>");
            sb.Append("<td style=\"").Append(Html.CellStyle).Append(";text-align:left;white-space:pre-wrap\">").Append(Html.Escape(text)).Append("</td></tr>");
        }
        sb.Append("</table></details>");
    }
}
