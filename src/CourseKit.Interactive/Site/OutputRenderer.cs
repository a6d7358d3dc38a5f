using System.Text;
using System.Text.Json.Nodes;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Site;

/// <summary>
/// A code cell's Jupyter outputs as HTML: a display's <c>text/html</c> as is (charts, tables, check results), else an
/// image, else <c>text/plain</c> in <c>&lt;pre&gt;</c>; streams in <c>&lt;pre&gt;</c>; errors as <c>ename: evalue</c>.
/// </summary>
internal static class OutputRenderer
{
    /// <summary>The mime type of a check result (<c>Checks.X.Run</c>), shown with its HTML and marked as a check.</summary>
    public const string CheckMimeType = CourseKit.Grading.Protocol.ProtocolMimeTypes.CheckResult;

    /// <summary>The mime type plotly figures carry beside their HTML.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>The outputs' HTML, or "" when there are none.</summary>
    public static string ToHtml(IReadOnlyList<JsonObject> outputs)
    {
        if (outputs.Count == 0) return "";
        var sb = new StringBuilder("<div class=\"outputs\">\n");
        foreach (var output in outputs) sb.Append(Output(output)).Append('\n');
        return sb.Append("</div>").ToString();
    }

    /// <summary>Whether an output draws a plotly chart, so the page must load plotly.js first.</summary>
    public static bool IsChart(JsonObject output) =>
        NotebookOutputs.Data(output, PlotlyMimeType) is not null
        || (NotebookOutputs.Data(output, "text/html")?.Contains("Plotly", StringComparison.Ordinal) ?? false);

    private static string Output(JsonObject output) => NotebookOutputs.OutputType(output) switch
    {
        "stream" => Stream(output),
        "display_data" or "execute_result" => Display(output),
        "error" => Error(output),
        var other => $"<pre class=\"output unknown\">{HtmlText.Escape($"(an output of type '{other}' is not shown)")}</pre>",
    };

    private static string Stream(JsonObject output)
    {
        string name = output["name"] is JsonValue v && v.TryGetValue(out string? n) && n == "stderr" ? "stderr" : "stdout";
        string text = SourceLines.Join(output["text"], "stream text");
        return $"<pre class=\"output stream {name}\">{HtmlText.Escape(text.TrimEnd('\n'))}</pre>";
    }

    private static string Display(JsonObject output)
    {
        if (NotebookOutputs.Data(output, "text/html") is { } html)
        {
            string kind = NotebookOutputs.Data(output, CheckMimeType) is not null ? " check" : IsChart(output) ? " chart" : "";
            return $"<div class=\"output html{kind}\">{html}</div>";
        }
        if (NotebookOutputs.Data(output, "image/svg+xml") is { } svg) return $"<div class=\"output image\">{svg}</div>";
        foreach (string image in (string[])["image/png", "image/jpeg"])
        {
            if (NotebookOutputs.Data(output, image) is { } base64)
                return $"<div class=\"output image\"><img alt=\"\" src=\"data:{image};base64,{HtmlText.Escape(base64.Replace("\n", ""))}\"></div>";
        }
        string text = NotebookOutputs.Data(output, "text/plain") ?? "";
        return $"<pre class=\"output text\">{HtmlText.Escape(text.TrimEnd('\n'))}</pre>";
    }

    private static string Error(JsonObject output)
    {
        string ename = output["ename"] is JsonValue n && n.TryGetValue(out string? e) ? e : "Error";
        string evalue = output["evalue"] is JsonValue v && v.TryGetValue(out string? m) ? m : "";
        return $"<pre class=\"output error\"><span class=\"ename\">{HtmlText.Escape(ename)}</span>: {HtmlText.Escape(evalue)}</pre>";
    }
}
