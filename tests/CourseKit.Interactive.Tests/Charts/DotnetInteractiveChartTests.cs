using System.Diagnostics;
using System.Text.Json.Nodes;
using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Charts;

/// <summary>
/// The same cells under .NET Interactive (Polyglot Notebooks' kernel, run by the Jupyter project's nbclient through
/// scripts/run-notebook.py): a chart a learner builds with Plotly.NET.CSharp, and one of CourseKit's, render as
/// CourseKit's chart HTML — the formatter CourseKit.Core registers with .NET Interactive when it loads — and no cell
/// fails (Plotly.NET 6 needs the FSharp.Core redirect the library sets up there).
/// </summary>
public class DotnetInteractiveChartTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    [Fact]
    public void Under_dotnet_interactive_a_learner_s_chart_renders_through_CourseKit_s_chart_formatter()
    {
        const string test = nameof(Under_dotnet_interactive_a_learner_s_chart_renders_through_CourseKit_s_chart_formatter);
        string tool = Path.Combine(Repo.Root, "artifacts", "tools", "dotnet-interactive", "dotnet-interactive");
        Assert.True(File.Exists(tool), $"{tool} not found: run scripts/install-dotnet-interactive.sh (run-tests.sh does).");
        string folder = Repo.NotebookFolder(test);
        var notebook = TestNotebook.Create(folder, "input", LearnerChartCells.Cells("../../notebook-lib/CourseKit.Core.dll"));
        NotebookWriter.Write(notebook, notebook.Path!);
        string executed = Path.Combine(folder, test + ".ipynb");

        var (exitCode, log) = RunNotebook(notebook.Path!, executed);
        Assert.True(exitCode == 0, $"run-notebook.py exited {exitCode}:\n{log}");
        var cells = JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray();
        var errors = cells.SelectMany(c => c!["outputs"]?.AsArray() ?? []).Where(o => (string?)o!["output_type"] == "error").ToList();
        Assert.True(errors.Count == 0, "cells failed under .NET Interactive:\n" + string.Join("\n", errors.Select(e => $"{e!["ename"]}: {e["evalue"]}")));

        string learner = ChartHtml(cells[2]!);
        LearnerChartCells.AssertLearnerFigure(LearnerChartCells.FigureInHtml(learner));
        var histogram = LearnerChartCells.FigureInHtml(ChartHtml(cells[3]!))["data"]![0]!;
        Assert.Equal("histogram", (string?)histogram["type"]);
    }

    // The text/html of the cell's output that CourseKit's chart formatter wrote.
    private static string ChartHtml(JsonNode cell)
    {
        var html = (cell["outputs"]?.AsArray() ?? []).Select(o => o!["data"]?["text/html"]).Where(h => h is not null)
            .Select(h => h is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)h ?? "").ToList();
        return html.SingleOrDefault(h => h.Contains("class=\"coursekit-chart\"", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"no CourseKit chart html among the cell's outputs:\n{cell["outputs"]?.ToJsonString()[..Math.Min(2000, cell["outputs"]!.ToJsonString().Length)]}");
    }

    private static (int ExitCode, string Log) RunNotebook(string input, string output)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in (string[])[Path.Combine(Repo.Root, "scripts", "run-notebook.py"), "--kernel", ".net-csharp", "--timeout", "300", input, output])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start /usr/bin/python3");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"run-notebook.py did not finish within {Timeout.TotalMinutes} min and was killed.");
        }
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result[^Math.Min(4000, stderr.Result.Length)..]);
    }
}
