using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CourseKit.Training;
using Plotly.NET;

namespace CourseKit.Charts;

/// <summary>
/// A Plotly.NET chart as HTML: for a notebook cell (a div and a script that draws it with the page's plotly.js, or
/// loads plotly.js from its CDN), and as a whole page that works offline (plotly.js inlined from the npm package).
/// The figure itself is Plotly.NET's JSON (<c>GenericChart.toFigureJson</c>, written by <see cref="PlotlyJson"/>).
/// </summary>
public static class ChartHtml
{
    private static long s_divCounter;

    /// <summary>
    /// The chart's figure as plotly.js reads it: <c>{"data": [...], "layout": {...}, "frames": [...]}</c>. Effectively
    /// computes <c>GenericChart.toFigureJson(chart)</c>, character for character, without its runtime-binder cost.
    /// </summary>
    public static string FigureJson(this GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return PlotlyJson.Figure(chart);
    }

    /// <summary>
    /// HTML for a notebook cell: a <c>&lt;div&gt;</c> with a unique id and a script that draws the chart with
    /// <c>Plotly.newPlot</c>, loading plotly.js from <see cref="PlotlyJs.CdnUrl"/> when the page has no <c>window.Plotly</c>
    /// yet — through require.js when the page uses it (as Jupyter's classic notebook does), else by adding a
    /// <c>&lt;script src&gt;</c> once per page and drawing when it has loaded.
    /// </summary>
    public static string ToNotebookHtml(this GenericChart chart)
    {
        var (figure, width, height) = Figure(chart);
        string id = NewDivId();
        string cdnWithoutJs = PlotlyJs.CdnUrl[..^3]; // require.js paths leave out ".js"
        var html = new StringBuilder();
        html.Append(DivElement(id, width, height)).Append('\n');
        html.Append("<script type=\"text/javascript\">\n(function () {\n");
        html.Append($"  var id = \"{id}\";\n  var figure = {figure};\n");
        html.Append("""
              function draw(plotly) { (plotly || window.Plotly).newPlot(id, figure.data, figure.layout, figure.config); }
              function fail(error) { var div = document.getElementById(id); if (div) div.textContent = String(error); }
              if (window.Plotly) { draw(); return; }
              if (typeof window.define === "function" && window.define.amd && typeof window.require === "function") {
            """);
        html.Append($"\n    window.require.config({{ paths: {{ plotly: \"{cdnWithoutJs}\" }} }});\n");
        html.Append("""
                window.require(["plotly"], function (plotly) { draw(plotly); }, fail);
                return;
              }
              if (!window.courseKitPlotly) {
                window.courseKitPlotly = new Promise(function (resolve, reject) {
                  var script = document.createElement("script");
            """);
        html.Append($"\n      script.src = \"{PlotlyJs.CdnUrl}\";\n");
        html.Append("""
                  script.onload = function () { resolve(); };
                  script.onerror = function () { reject(new Error("CourseKit could not load plotly.js from " + script.src)); };
                  document.head.appendChild(script);
                });
              }
              window.courseKitPlotly.then(function () { draw(); }, fail);
            })();
            </script>
            """);
        return html.ToString();
    }

    /// <summary>
    /// A whole HTML page that works offline: plotly.js inlined from the npm package <c>plotly.js-dist-min</c> (found as
    /// <see cref="PlotlyJs.Locate"/> describes), then the chart.
    /// </summary>
    /// <param name="chart">The chart.</param>
    /// <param name="plotlyJsPath">Path of plotly.min.js; null to locate it.</param>
    /// <param name="pageTitle">The page's title; null uses the chart's title.</param>
    public static string ToOfflineHtml(this GenericChart chart, string? plotlyJsPath = null, string? pageTitle = null)
    {
        var (figure, width, height) = Figure(chart);
        string script = PlotlyJs.ReadScript(plotlyJsPath);
        if (script.Contains("</script", StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException("plotly.min.js contains \"</script\" and cannot be inlined into a <script> element.");
        string id = NewDivId();
        string title = WebUtility.HtmlEncode(pageTitle ?? PlotlyInterop.Title(chart) ?? "CourseKit chart");
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{{title}}</title>
            <script type="text/javascript">{{script}}</script>
            </head>
            <body>
            {{DivElement(id, width, height)}}
            <script type="text/javascript">
            (function () {
              var figure = {{figure}};
              Plotly.newPlot("{{id}}", figure.data, figure.layout, figure.config);
            })();
            </script>
            </body>
            </html>

            """;
    }

    /// <summary>Writes <see cref="ToOfflineHtml"/> to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    /// <remarks>Plotly.NET's own <c>SaveHtml</c> writes a page that loads plotly.js from its CDN.</remarks>
    public static void SaveOfflineHtml(this GenericChart chart, string path, string? plotlyJsPath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllText(path, ToOfflineHtml(chart, plotlyJsPath));
    }

    // The figure with the chart's config, as a script literal ("</" escaped so a name cannot end the script), and the
    // size the layout asks for.
    internal static (string Figure, double? Width, double? Height) Figure(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var figure = JsonNode.Parse(PlotlyJson.Figure(chart))!.AsObject();
        figure["config"] = JsonNode.Parse(PlotlyJson.Config(chart)) ?? new JsonObject { ["responsive"] = true };
        var layout = figure["layout"] as JsonObject;
        double? Size(string key) => layout?[key] is JsonValue v && v.TryGetValue(out double d) ? d : null;
        return (figure.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal), Size("width"), Size("height"));
    }

    // A counter keeps ids distinct within a process; the random suffix keeps them distinct across kernels and page reloads.
    internal static string NewDivId() =>
        $"coursekit-chart-{Interlocked.Increment(ref s_divCounter)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    internal static string DivElement(string id, double? width, double? height)
    {
        var c = CultureInfo.InvariantCulture;
        string w = width is { } px ? string.Create(c, $"width:{px}px;") : "width:100%;";
        string h = string.Create(c, $"height:{height ?? 450}px;");
        return $"<div id=\"{id}\" class=\"coursekit-chart\" style=\"{w}{h}\"></div>";
    }
}
