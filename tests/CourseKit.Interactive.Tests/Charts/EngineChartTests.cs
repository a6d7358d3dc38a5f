using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Charts;

/// <summary>
/// <c>coursekit run</c>'s engine renders Plotly.NET charts — one a learner builds with Plotly.NET.CSharp in a cell and
/// one of CourseKit's — as HTML that draws the figure, the figure as plotly JSON, and a line of text, through the
/// formatter CourseKit.Core declares for <c>GenericChart</c> (the engine references neither library).
/// </summary>
public class EngineChartTests
{
    [Fact]
    public void A_chart_a_learner_builds_with_Plotly_NET_CSharp_renders_as_html_plotly_json_and_text()
    {
        const string test = nameof(A_chart_a_learner_builds_with_Plotly_NET_CSharp_renders_as_html_plotly_json_and_text);
        var result = TestNotebook.Run(test, LearnerChartCells.Cells("../../notebook-lib/CourseKit.Core.dll"));
        Assert.True(result.Succeeded, string.Join("; ", result.Failures.Select(c => $"cell {c.Number}: {c.ErrorMessage}")));

        var chart = Assert.Single(result.Cells[2].Outputs);
        Assert.Equal("execute_result", NotebookOutputs.OutputType(chart));
        string html = NotebookOutputs.Data(chart, "text/html")!;
        Assert.Contains("class=\"coursekit-chart\"", html);
        Assert.Contains(".newPlot(id, figure.data, figure.layout, figure.config)", html);
        LearnerChartCells.AssertLearnerFigure(LearnerChartCells.FigureInHtml(html));
        LearnerChartCells.AssertLearnerFigure(System.Text.Json.Nodes.JsonNode.Parse(NotebookOutputs.Data(chart, "application/vnd.plotly.v1+json")!)!);
        Assert.Equal($"Chart: scatter, 1 trace, \"{LearnerChartCells.LearnerTitle}\"", NotebookOutputs.Data(chart, "text/plain"));

        var shown = Assert.Single(result.Cells[3].Outputs);
        Assert.Equal("display_data", NotebookOutputs.OutputType(shown));
        Assert.Equal("Chart: histogram, 1 trace", NotebookOutputs.Data(shown, "text/plain"));
        var histogram = LearnerChartCells.FigureInHtml(NotebookOutputs.Data(shown, "text/html")!)["data"]![0]!;
        Assert.Equal(1.0, (double)histogram["xbins"]!["start"]!);
    }
    [Fact]
    public void A_chart_in_the_cell_that_references_the_library_renders_before_any_CourseKit_type_is_used()
    {
        // #r loads the library as .NET Interactive's #r does, so its chart formatter is known although the cell only
        // touches Plotly.NET's types (CourseKit.Core would otherwise load only when one of its types is used).
        const string test = nameof(A_chart_in_the_cell_that_references_the_library_renders_before_any_CourseKit_type_is_used);
        var result = TestNotebook.Run(test,
            "#r \"../../notebook-lib/CourseKit.Core.dll\"\nusing Plotly.NET.CSharp;\n" +
            "display(Chart.Line<int, double, string>(new[] { 1, 2 }, new[] { 0.5, 0.25 }, Name: \"first\"));");
        Assert.True(result.Succeeded, string.Join("; ", result.Failures.Select(c => $"cell {c.Number}: {c.ErrorMessage}")));

        var shown = Assert.Single(result.Cells[0].Outputs);
        Assert.Equal("Chart: scatter, 1 trace", NotebookOutputs.Data(shown, "text/plain"));
        var figure = System.Text.Json.Nodes.JsonNode.Parse(NotebookOutputs.Data(shown, "application/vnd.plotly.v1+json")!)!;
        Assert.Equal("first", (string?)figure["data"]![0]!["name"]);
    }
}
