using System.Net;
using System.Text;
using CourseKit.Charts;
using CourseKit.Training;
using CourseKit.Tuning;
using Plotly.NET;

namespace CourseKit.Display;

/// <summary>
/// A study as one offline HTML page, what experiment trackers show: the table of every trial (configuration, state,
/// value, steps, duration), then the optimization history, parameter importances, parallel coordinates and the trials'
/// intermediate curves. plotly.js is inlined, so the page opens without a network; a chart the study cannot draw yet
/// (too few complete trials, no reported steps) is replaced by the sentence that says why.
/// </summary>
public static class StudyReport
{
    /// <summary>The page's file name inside the directory <see cref="SaveReport"/> writes.</summary>
    public const string FileName = "index.html";

    /// <summary>The report as a whole HTML page.</summary>
    /// <param name="study">The study.</param>
    /// <param name="plotlyJsPath">Path of plotly.min.js; null to locate it as <see cref="PlotlyJs.Locate"/> describes.</param>
    public static string ToReportHtml(this Study study, string? plotlyJsPath = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        string script = PlotlyJs.ReadScript(plotlyJsPath);
        if (script.Contains("</script", StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException("plotly.min.js contains \"</script\" and cannot be inlined into a <script> element.");
        string title = WebUtility.HtmlEncode($"Study '{study.Name}'");
        var body = new StringBuilder();
        body.Append("<h1>").Append(title).Append("</h1>\n");
        body.Append("<p class=\"coursekit-report-storage\">").Append(WebUtility.HtmlEncode(
            $"{study.Direction.ToString().ToLowerInvariant()} · storage {study.Storage.Description} · created {study.Info.Created:yyyy-MM-dd HH:mm:ss} UTC"))
            .Append("</p>\n");
        body.Append("<h2>Trials</h2>\n").Append(StudyFormatterSource.ToHtml(study, int.MaxValue)).Append('\n');
        foreach (var (heading, draw) in Sections(study)) AppendChart(body, heading, draw);
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{{title}} — CourseKit</title>
            <style>body{font-family:system-ui,sans-serif;margin:2em;color:#24292f} .coursekit-report-missing{color:#57606a;font-style:italic}</style>
            <script type="text/javascript">{{script}}</script>
            </head>
            <body>
            {{body}}</body>
            </html>

            """;
    }

    /// <summary>Writes <see cref="ToReportHtml"/> as <see cref="FileName"/> in <paramref name="directory"/> (created when
    /// missing; the file written atomically) and returns the page's path.</summary>
    /// <param name="study">The study.</param>
    /// <param name="directory">The output directory.</param>
    /// <param name="plotlyJsPath">Path of plotly.min.js; null to locate it.</param>
    public static string SaveReport(this Study study, string directory, string? plotlyJsPath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string html = ToReportHtml(study, plotlyJsPath);
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        AtomicFile.WriteAllText(path, html);
        return path;
    }

    private static IEnumerable<(string Heading, Func<GenericChart> Draw)> Sections(Study study) =>
    [
        ("Optimization history", study.PlotOptimizationHistory),
        ("Parameter importances", () => study.PlotImportance()),
        ("Parallel coordinates", study.PlotParallelCoordinates),
        ("Intermediate values", study.PlotIntermediateValues),
    ];

    // The charts throw InvalidOperationException when the study holds too little to draw them; the page says so instead.
    private static void AppendChart(StringBuilder body, string heading, Func<GenericChart> draw)
    {
        body.Append("<h2>").Append(WebUtility.HtmlEncode(heading)).Append("</h2>\n");
        GenericChart chart;
        try { chart = draw(); }
        catch (InvalidOperationException e)
        {
            body.Append("<p class=\"coursekit-report-missing\">").Append(WebUtility.HtmlEncode(e.Message)).Append("</p>\n");
            return;
        }
        var (figure, width, height) = ChartHtml.Figure(chart);
        string id = ChartHtml.NewDivId();
        body.Append(ChartHtml.DivElement(id, width, height)).Append('\n');
        body.Append($"<script type=\"text/javascript\">(function () {{ var figure = {figure}; Plotly.newPlot(\"{id}\", figure.data, figure.layout, figure.config); }})();</script>\n");
    }
}
