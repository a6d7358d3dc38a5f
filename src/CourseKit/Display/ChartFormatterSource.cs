using System.Globalization;
using System.Text.Json.Nodes;
using CourseKit.Charts;
using Plotly.NET;

[assembly: CourseKit.TypeFormatterSource(typeof(CourseKit.Display.ChartFormatterSource), FormattedType = typeof(GenericChart))]

namespace CourseKit.Display;

/// <summary>
/// Notebook formatters for Plotly.NET's <see cref="GenericChart"/> — whether CourseKit made it or a learner built it
/// with Plotly.NET.CSharp in a cell: <c>text/html</c> (a div drawn by the page's plotly.js, else plotly.js from its CDN),
/// <c>application/vnd.plotly.v1+json</c> (the figure, which JupyterLab's plotly renderer draws) and <c>text/plain</c>
/// (a one-line summary). Declared for the type through an assembly attribute (CourseKit does not own the type);
/// <see cref="NotebookHosts"/> registers the same formatters with .NET Interactive.
/// </summary>
public sealed class ChartFormatterSource
{
    /// <summary>The formatters, HTML first.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new MimeFormatter<GenericChart>(MimeTypes.Html, (chart, writer) => writer.Write(chart.ToNotebookHtml())),
        new MimeFormatter<GenericChart>(MimeTypes.Plotly, (chart, writer) => writer.Write(chart.FigureJson())),
        new MimeFormatter<GenericChart>(MimeTypes.PlainText, (chart, writer) => writer.Write(Summary(chart))),
    ];

    /// <summary>One line: the trace types and count, the grid and the title — e.g. <c>Chart: scatter, 4 traces, 1×2 grid, "Cost"</c>.</summary>
    public static string Summary(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var figure = JsonNode.Parse(chart.FigureJson())!;
        var traces = (figure["data"] as JsonArray ?? []).Select(t => (string?)t?["type"] ?? "scatter").ToList();
        string kinds = traces.Count == 0 ? "empty" : string.Join("+", traces.Distinct());
        var layout = figure["layout"];
        string grid = layout?["grid"] is { } g ? string.Create(CultureInfo.InvariantCulture, $", {(int?)g["rows"]}×{(int?)g["columns"]} grid") : "";
        string title = (string?)layout?["title"]?["text"] is { } t ? $", \"{t}\"" : "";
        return $"Chart: {kinds}, {traces.Count} trace{(traces.Count == 1 ? "" : "s")}{grid}{title}";
    }
}
