using System.Globalization;
using System.Text;
using CourseKit.Tuning;

namespace CourseKit.Display;

/// <summary>
/// Formatters for <see cref="Study"/>: a table of trials (number, state, value, each parameter, last step, seconds)
/// under a caption with the counts and the best trial. Long studies show their first and last <see cref="Edge"/> trials.
/// </summary>
public sealed class StudyFormatterSource
{
    /// <summary>Trials shown at each end of a long study.</summary>
    public const int Edge = 15;

    /// <summary>HTML and plain text.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new MimeFormatter<Study>(MimeTypes.Html, (s, w) => w.Write(ToHtml(s))),
        new MimeFormatter<Study>(MimeTypes.PlainText, (s, w) => w.Write(ToText(s))),
    ];

    /// <summary>The trials table as HTML.</summary>
    public static string ToHtml(Study study) => ToHtml(study, Edge);

    /// <summary>The trials table as HTML, the first and last <paramref name="edge"/> trials of a long study (every trial
    /// when <paramref name="edge"/> is <see cref="int.MaxValue"/>).</summary>
    internal static string ToHtml(Study study, int edge)
    {
        var (caption, header, rows) = Table(study, edge);
        var sb = new StringBuilder("<table class=\"coursekit-study\" style=\"").Append(Html.TableStyle).Append("\">");
        sb.Append("<caption style=\"caption-side:top;text-align:left;color:#57606a\">").Append(Html.Escape(caption)).Append("</caption>");
        Html.Row(sb, header, header: true);
        foreach (string[] row in rows) Html.Row(sb, row);
        return sb.Append("</table>").ToString();
    }

    /// <summary>The same table as aligned text.</summary>
    public static string ToText(Study study)
    {
        var (caption, header, rows) = Table(study, Edge);
        var all = new[] { header }.Concat(rows).ToArray();
        int[] widths = Enumerable.Range(0, header.Length).Select(k => all.Max(r => r[k].Length)).ToArray();
        var sb = new StringBuilder(caption);
        foreach (string[] row in all) sb.Append('\n').Append(string.Join("  ", row.Select((c, k) => c.PadLeft(widths[k]))));
        return sb.ToString();
    }

    private static (string Caption, string[] Header, List<string[]> Rows) Table(Study study, int edge)
    {
        ArgumentNullException.ThrowIfNull(study);
        var trials = study.Trials;
        var names = study.Space.Select(p => p.Name).ToList();
        var best = trials.Where(t => t.State == TrialState.Complete)
            .OrderBy(t => study.Direction == Direction.Minimize ? t.Value!.Value : -t.Value!.Value).FirstOrDefault();
        string counts = string.Join(", ", Enum.GetValues<TrialState>().Select(s => (s, n: trials.Count(t => t.State == s))).Where(x => x.n > 0)
            .Select(x => $"{x.n} {x.s.ToString().ToLowerInvariant()}"));
        string caption = $"Study '{study.Name}' ({study.Direction.ToString().ToLowerInvariant()}): {trials.Count} trials{(counts.Length > 0 ? $" — {counts}" : "")}"
            + (best is null ? "" : $"; best {Numbers.Compact(best.Value!.Value)} (trial {best.Number})");
        string[] header = ["trial", "state", "value", .. names, "steps", "seconds"];
        var rows = new List<string[]>();
        foreach (int k in Html.Shown(trials.Count, edge))
        {
            if (k < 0) { rows.Add(header.Select(_ => "⋮").ToArray()); continue; }
            var t = trials[k];
            var p = t.Params;
            string[] cells = names.Select(n => p.TryGetValue(n, out var v) ? Format(v) : "—").ToArray();
            rows.Add([(t == best ? "★ " : "") + t.Number.ToString(CultureInfo.InvariantCulture), t.State.ToString().ToLowerInvariant(),
                t.Value is { } v ? Numbers.Compact(v) : "—", .. cells, t.LastStep?.ToString(CultureInfo.InvariantCulture) ?? "—",
                t.Duration is { } d ? d.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) : "—"]);
        }
        return (caption, header, rows);
    }

    private static string Format(object? v) => v switch
    {
        null => "null",
        double d => Numbers.Compact(d),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };
}
