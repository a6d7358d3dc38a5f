using System.Text.Json.Nodes;

namespace CourseKit.Interactive.Tests.Charts;

/// <summary>
/// A chapter-like notebook in which a learner builds a chart with Plotly.NET.CSharp in a cell (and displays one of
/// CourseKit's): the library referenced as chapters reference it, used once as chapters use it, then the charts.
/// </summary>
internal static class LearnerChartCells
{
    public const string LearnerTitle = "Learner's cost";

    public static string[] Cells(string reference) =>
    [
        $"#r \"{reference}\"\nusing CourseKit.Charts;\nusing CourseKit.Data;\nusing Plotly.NET;\nusing Plotly.NET.CSharp;\nusing Chart = Plotly.NET.CSharp.Chart;",
        "var digits = Datasets.Digits();\ndigits.Count",
        "Chart.Line<int, double, string>(new[] { 1, 2, 3 }, new[] { 0.9, 0.5, 0.2 }, Name: \"learner\", ShowMarkers: true)\n" +
        $"    .WithTitle(\"{LearnerTitle}\").WithXAxisStyle<double, double, string>(TitleText: \"epoch\")",
        "display(Plots.Histogram(new[] { 1.0, 2, 2, 3 }, bins: 3, name: \"values\"));",
    ];

    /// <summary>The figure a chart output's HTML draws: the JSON literal assigned to <c>figure</c> in its script.</summary>
    public static JsonNode FigureInHtml(string html)
    {
        const string start = "var figure = ";
        int from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"no figure in the chart's html:\n{html[..Math.Min(html.Length, 500)]}");
        from += start.Length;
        int to = html.IndexOf(";\n", from, StringComparison.Ordinal);
        return JsonNode.Parse(html[from..to])!;
    }

    /// <summary>Checks the learner's figure: its one line with its name, points, title and x-axis title.</summary>
    public static void AssertLearnerFigure(JsonNode figure)
    {
        var trace = figure["data"]![0]!;
        Assert.Equal("scatter", (string?)trace["type"]);
        Assert.Equal("learner", (string?)trace["name"]);
        Assert.Equal([0.9, 0.5, 0.2], trace["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal(LearnerTitle, (string?)figure["layout"]!["title"]!["text"]);
        Assert.Equal("epoch", (string?)figure["layout"]!["xaxis"]!["title"]!["text"]);
    }
}
