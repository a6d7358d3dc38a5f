using System.Globalization;
using System.Text;
using CourseKit.Tuning;

namespace CourseKit.Display;

/// <summary>
/// Formatters for <see cref="RunTable"/>: one row per run with its configuration, state, value, seconds, a sparkline
/// of its curve (HTML) and the curve's value at each step — the first and last <see cref="EdgeSteps"/> steps of a long
/// curve. The sparklines share one vertical scale, so the rows compare at a glance.
/// </summary>
public sealed class RunTableFormatterSource
{
    /// <summary>Steps shown at each end of a long curve.</summary>
    public const int EdgeSteps = 5;

    private const int SparkWidth = 90, SparkHeight = 22;

    /// <summary>HTML and plain text.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new MimeFormatter<RunTable>(MimeTypes.Html, (t, w) => w.Write(ToHtml(t))),
        new MimeFormatter<RunTable>(MimeTypes.PlainText, (t, w) => w.Write(ToText(t))),
    ];

    /// <summary>The runs as an HTML table with a sparkline per run.</summary>
    public static string ToHtml(RunTable table)
    {
        var (caption, header, rows) = Table(table);
        var (low, high) = Range(table);
        var sb = new StringBuilder("<table class=\"coursekit-runs\" style=\"").Append(Html.TableStyle).Append("\">");
        sb.Append("<caption style=\"caption-side:top;text-align:left;color:#57606a\">").Append(Html.Escape(caption)).Append("</caption>");
        Html.Row(sb, ["curve", .. header], header: true);
        for (int k = 0; k < rows.Count; k++)
        {
            var row = new StringBuilder();
            Html.Row(row, rows[k]);
            string spark = $"<td style=\"{Html.CellStyle}\">{Sparkline(table.Rows[k].Curve, low, high)}</td>";
            sb.Append(row.ToString().Insert("<tr>".Length, spark));
        }
        return sb.Append("</table>").ToString();
    }

    /// <summary>The same table as aligned text, without sparklines.</summary>
    public static string ToText(RunTable table)
    {
        var (caption, header, rows) = Table(table);
        var all = new[] { header }.Concat(rows).ToArray();
        int[] widths = Enumerable.Range(0, header.Length).Select(k => all.Max(r => r[k].Length)).ToArray();
        var sb = new StringBuilder(caption);
        foreach (string[] row in all) sb.Append('\n').Append(string.Join("  ", row.Select((c, k) => c.PadLeft(widths[k]))));
        return sb.ToString();
    }

    private static (string Caption, string[] Header, List<string[]> Rows) Table(RunTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var best = table.Best;
        string caption = $"Runs of study '{table.Study}' ({table.Direction.ToString().ToLowerInvariant()}): {table.Rows.Count} runs"
            + (best is null ? "" : $"; best {Numbers.Compact(best.Value!.Value)} (trial {best.Trial})")
            + (table.Steps.Count == 0 ? "; no run reported a curve" : $"; curve = the value reported at each step");
        var shown = Html.Shown(table.Steps.Count, EdgeSteps);
        string[] header = ["trial", "state", .. table.Parameters, .. shown.Select(i => i < 0 ? "…" : $"step {table.Steps[i]}"), "value", "seconds"];
        var rows = table.Rows.Select(r => (string[])[(r == best ? "★ " : "") + r.Trial.ToString(CultureInfo.InvariantCulture),
            r.State.ToString().ToLowerInvariant(),
            .. table.Parameters.Select(n => r.Configuration.TryGetValue(n, out var v) ? Format(v) : "—"),
            .. shown.Select(i => i < 0 ? "…" : r.Curve.TryGetValue(table.Steps[i], out double v) ? Numbers.Compact(v) : ""),
            r.Value is { } value ? Numbers.Compact(value) : "—",
            r.Duration is { } d ? d.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) : "—"]).ToList();
        return (caption, header, rows);
    }

    // One vertical scale for every sparkline of the table: the range of all reported values.
    private static (double Low, double High) Range(RunTable table)
    {
        var values = table.Rows.SelectMany(r => r.Curve.Values).Where(double.IsFinite).ToArray();
        return values.Length == 0 ? (0, 1) : (values.Min(), values.Max());
    }

    private static string Sparkline(IReadOnlyDictionary<int, double> curve, double low, double high)
    {
        if (curve.Count == 0) return "";
        var points = curve.OrderBy(p => p.Key).ToArray();
        int first = points[0].Key, last = points[^1].Key;
        string Point(KeyValuePair<int, double> p)
        {
            double x = last == first ? SparkWidth / 2.0 : (p.Key - first) * (SparkWidth - 2.0) / (last - first) + 1;
            double y = high == low ? SparkHeight / 2.0 : SparkHeight - 1 - (p.Value - low) * (SparkHeight - 2.0) / (high - low);
            return string.Create(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#}");
        }
        string polyline = string.Join(" ", points.Select(Point));
        return $"<svg width=\"{SparkWidth}\" height=\"{SparkHeight}\" viewBox=\"0 0 {SparkWidth} {SparkHeight}\" role=\"img\" aria-label=\"curve\">" +
               $"<polyline fill=\"none\" stroke=\"#636efa\" stroke-width=\"1.5\" points=\"{polyline}\"/></svg>";
    }

    private static string Format(object? v) => v switch
    {
        null => "null",
        double d => Numbers.Compact(d),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };
}
