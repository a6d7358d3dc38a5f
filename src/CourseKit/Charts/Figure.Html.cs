using System.Net;
using System.Security.Cryptography;
using System.Text;
using CourseKit.Training;

namespace CourseKit.Charts;

public sealed partial class Figure
{
    private static long s_divCounter;

    /// <summary>
    /// HTML for a notebook cell: a <c>&lt;div&gt;</c> with a unique id and a script that draws the figure with
    /// <c>Plotly.newPlot</c>, loading plotly.js from <see cref="PlotlyJs.CdnUrl"/> when the page has no <c>window.Plotly</c>
    /// yet — through require.js when the page uses it (as Jupyter's classic notebook does), else by adding a
    /// <c>&lt;script src&gt;</c> once per page and drawing when it has loaded.
    /// </summary>
    public string ToHtml()
    {
        string id = NewDivId();
        string cdnWithoutJs = PlotlyJs.CdnUrl[..^3]; // require.js paths leave out ".js"
        var html = new StringBuilder();
        html.Append(DivElement(id)).Append('\n');
        html.Append("<script type=\"text/javascript\">\n(function () {\n");
        html.Append($"  var id = \"{id}\";\n  var figure = {ToJson()};\n");
        html.Append("""
              function draw(plotly) { (plotly || window.Plotly).newPlot(id, figure.data, figure.layout, { responsive: true }); }
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
    /// <see cref="PlotlyJs.Locate"/> describes), then the figure.
    /// </summary>
    /// <param name="plotlyJsPath">Path of plotly.min.js; null to locate it.</param>
    /// <param name="pageTitle">The page's title; null uses the figure title.</param>
    public string ToStandaloneHtml(string? plotlyJsPath = null, string? pageTitle = null)
    {
        string script = PlotlyJs.ReadScript(plotlyJsPath);
        if (script.Contains("</script", StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException("plotly.min.js contains \"</script\" and cannot be inlined into a <script> element.");
        string id = NewDivId();
        string title = WebUtility.HtmlEncode(pageTitle ?? Layout.Title?.Text ?? "CourseKit chart");
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{{title}}</title>
            <script type="text/javascript">{{script}}</script>
            </head>
            <body>
            {{DivElement(id)}}
            <script type="text/javascript">
            (function () {
              var figure = {{ToJson()}};
              Plotly.newPlot("{{id}}", figure.data, figure.layout, { responsive: true });
            })();
            </script>
            </body>
            </html>

            """;
    }

    /// <summary>Writes <see cref="ToStandaloneHtml"/> to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public void SaveHtml(string path, string? plotlyJsPath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllText(path, ToStandaloneHtml(plotlyJsPath));
    }

    // A counter keeps ids distinct within a process; the random suffix keeps them distinct across kernels and page reloads.
    private static string NewDivId() =>
        $"coursekit-chart-{Interlocked.Increment(ref s_divCounter)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    private string DivElement(string id)
    {
        string width = Layout.Width is { } w ? $"width:{w}px;" : "width:100%;";
        string height = $"height:{Layout.Height ?? 450}px;";
        return $"<div id=\"{id}\" class=\"coursekit-chart\" style=\"{width}{height}\"></div>";
    }
}
