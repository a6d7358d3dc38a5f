using System.Globalization;
using System.Text;
using CourseKit.Training;

namespace CourseKit.Display;

/// <summary>
/// Formatters for <see cref="History"/>: a table of epochs (cost, accuracy, validation cost and accuracy when
/// recorded, learning rate, steps, seconds). Long runs show their first and last <see cref="Edge"/> epochs.
/// </summary>
public sealed class HistoryFormatterSource
{
    /// <summary>Epochs shown at each end of a long run.</summary>
    public const int Edge = 10;

    /// <summary>HTML and plain text.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new MimeFormatter<History>(MimeTypes.Html, (h, w) => w.Write(ToHtml(h))),
        new MimeFormatter<History>(MimeTypes.PlainText, (h, w) => w.Write(ToText(h))),
    ];

    /// <summary>An HTML table, one row per shown epoch, with the stop reason in the caption.</summary>
    public static string ToHtml(History history)
    {
        var (header, rows) = Table(history);
        var sb = new StringBuilder("<table class=\"coursekit-history\" style=\"").Append(Html.TableStyle).Append("\">");
        sb.Append("<caption style=\"caption-side:top;text-align:left;color:#57606a\">").Append(Html.Escape(Caption(history))).Append("</caption>");
        Html.Row(sb, header, header: true);
        foreach (string[] row in rows) Html.Row(sb, row);
        return sb.Append("</table>").ToString();
    }

    /// <summary>The same table as aligned text.</summary>
    public static string ToText(History history)
    {
        var (header, rows) = Table(history);
        var all = new[] { header }.Concat(rows).ToArray();
        int[] widths = Enumerable.Range(0, header.Length).Select(k => all.Max(r => r[k].Length)).ToArray();
        var sb = new StringBuilder(Caption(history));
        foreach (string[] row in all)
            sb.Append('\n').Append(string.Join("  ", row.Select((cell, k) => cell.PadLeft(widths[k]))));
        return sb.ToString();
    }

    private static string Caption(History h) =>
        $"History: {h.Epochs.Count} epoch{(h.Epochs.Count == 1 ? "" : "s")}{(h.StopReason is null ? "" : "; stopped: " + h.StopReason)}";

    private static (string[] Header, List<string[]> Rows) Table(History history)
    {
        ArgumentNullException.ThrowIfNull(history);
        bool validation = history.Epochs.Any(e => e.ValidationCost is not null || e.ValidationAccuracy is not null);
        string[] header = validation
            ? ["epoch", "cost", "accuracy", "val cost", "val accuracy", "α", "steps", "seconds"]
            : ["epoch", "cost", "accuracy", "α", "steps", "seconds"];
        var rows = new List<string[]>();
        foreach (int k in Html.Shown(history.Epochs.Count, Edge))
        {
            if (k < 0) { rows.Add(header.Select(_ => "⋮").ToArray()); continue; }
            EpochRecord e = history.Epochs[k];
            var c = CultureInfo.InvariantCulture;
            string[] first = [e.Epoch.ToString(c), Numbers.Compact(e.Cost), Numbers.Compact(e.Accuracy)];
            string[] val = validation ? [Optional(e.ValidationCost), Optional(e.ValidationAccuracy)] : [];
            rows.Add([.. first, .. val, Numbers.Compact(e.LearningRate), e.Steps.ToString(c), e.Seconds.ToString("0.00", c)]);
        }
        return (header, rows);
    }

    private static string Optional(float? value) => value is { } v ? Numbers.Compact(v) : "—";
}
