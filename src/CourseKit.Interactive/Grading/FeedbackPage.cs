using System.Globalization;
using System.Net;
using System.Text;
using CourseKit.Grading.Protocol;

namespace CourseKit.Interactive.Grading;

/// <summary>
/// A submission's feedback as one self-contained HTML page: the score, per exercise what passed or failed and why, and
/// the grader's notes. Built only from check summaries, case messages (which for hidden cases name positions and
/// error sizes, never expected values) and the notes: no raw cell output appears, so nothing a check did not mean to
/// show can leak.
/// </summary>
public static class FeedbackPage
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
        h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem}.score{font-size:1.2rem}
        .passed{color:#176f2c}.failed,.error,.timed_out,.crashed,.not_run{color:#b3261e}.not_implemented{color:#8a6d00}
        table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
        th{background:#f4f4f4}.hidden{color:#666;font-style:italic}ul.notes li{margin:.3rem 0}
        """;

    /// <summary>The page's HTML.</summary>
    public static string ToHtml(string assignment, SubmissionGrade grade)
    {
        ArgumentNullException.ThrowIfNull(grade);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(E($"{assignment} — {grade.Student}")).Append("</title><style>").Append(Style).Append("</style></head><body>\n");
        html.Append("<h1>").Append(E(assignment)).Append(" — feedback for ").Append(E(grade.Student)).Append("</h1>\n");
        html.Append("<p class=\"score\">Score: <b>").Append(N(grade.Score)).Append(" / ").Append(N(grade.MaxScore))
            .Append("</b> (").Append(E(grade.StatusText)).Append(")</p>\n");
        if (grade.Unsandboxed) html.Append("<p class=\"failed\">").Append(E(GradescopeResults.UnsandboxedNote)).Append("</p>\n");
        var general = grade.Notes.Where(n => n.Exercise is null).ToList();
        if (general.Count > 0) Notes(html, general);
        foreach (var check in grade.Checks) Check(html, grade, check);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Check(StringBuilder html, SubmissionGrade grade, CheckGrade check)
    {
        html.Append("<h2>").Append(E(GradescopeResults.TestName(grade, check))).Append(" — ")
            .Append(N(check.Points)).Append(" / ").Append(N(check.MaxPoints)).Append(" points</h2>\n");
        html.Append("<p class=\"").Append(StatusNames.Of(check.Status)).Append("\">").Append(E(check.Summary)).Append("</p>\n");
        if (check.Cases.Count > 0)
        {
            html.Append("<table><tr><th>case</th><th>result</th><th>details</th></tr>\n");
            foreach (var c in check.Cases)
            {
                html.Append("<tr><td").Append(c.Hidden ? " class=\"hidden\"" : "").Append('>').Append(E(c.Name)).Append(c.Hidden ? " (hidden)" : "")
                    .Append("</td><td class=\"").Append(c.Passed ? "passed\">✓ passed" : "failed\">✗ failed")
                    .Append("</td><td>").Append(E(c.Message)).Append("</td></tr>\n");
            }
            html.Append("</table>\n");
        }
        var notes = grade.Notes.Where(n => n.Exercise == check.Exercise && n.Exercise is not null).ToList();
        if (notes.Count > 0) Notes(html, notes);
    }

    private static void Notes(StringBuilder html, IEnumerable<GradeNote> notes)
    {
        html.Append("<ul class=\"notes\">");
        foreach (var note in notes) html.Append("<li>").Append(E(note.Text)).Append("</li>");
        html.Append("</ul>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
