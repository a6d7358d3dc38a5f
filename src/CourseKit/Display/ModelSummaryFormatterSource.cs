using System.Globalization;
using System.Text;
using CourseKit.Nn;

namespace CourseKit.Display;

/// <summary>Formatters for <see cref="ModelSummary"/>: a Keras-style HTML table (layer, output shape, parameters, totals) and its text.</summary>
public sealed class ModelSummaryFormatterSource
{
    /// <summary>HTML and plain text.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new MimeFormatter<ModelSummary>(MimeTypes.Html, (s, w) => w.Write(ToHtml(s))),
        new MimeFormatter<ModelSummary>(MimeTypes.PlainText, (s, w) => w.Write(s.ToString())),
    ];

    /// <summary>One row per layer, then the totals.</summary>
    public static string ToHtml(ModelSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("<table class=\"coursekit-model-summary\" style=\"").Append(Html.TableStyle).Append("\">");
        sb.Append("<caption style=\"caption-side:top;text-align:left;color:#57606a\">")
          .Append(Html.Escape(string.Create(c, $"Model: input (m, {summary.InputFeatures})"))).Append("</caption>");
        Html.Row(sb, ["Layer (type)", "Output shape", "Trainable params", "Non-trainable params"], header: true);
        foreach (var l in summary.Layers)
            Html.Row(sb, [$"{l.Name} ({l.Type})", string.Create(c, $"(m, {l.OutputFeatures})"),
                l.TrainableParameters.ToString("N0", c), l.NonTrainableParameters.ToString("N0", c)]);
        sb.Append("<tr><td colspan=\"4\" style=\"").Append(Html.CellStyle).Append(";text-align:left;border-top:1px solid #8c959f\">")
          .Append(Html.Escape(string.Create(c, $"Total params: {summary.Total:N0} (trainable {summary.Trainable:N0}, non-trainable {summary.NonTrainable:N0})")))
          .Append("</td></tr>");
        return sb.Append("</table>").ToString();
    }
}
