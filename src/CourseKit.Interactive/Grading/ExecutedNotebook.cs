using System.Text.Json.Nodes;
using CourseKit.Grading.Protocol;
using CourseKit.Interactive.Display;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Grading;

/// <summary>
/// The graded notebook as the grader writes it for the instructor: the assignment's cells and the learner's, in the
/// order they ran; each cell's text outputs as the learner's process reported them (bounded, text only: no HTML or
/// script of the learner's reaches the page); check cells with the grader's own result; learner cells that did not run
/// with why. Built by the grader: nothing of the child's notebook file is taken over.
/// </summary>
public static class ExecutedNotebook
{
    /// <summary>The notebook, to be written to <paramref name="path"/>.</summary>
    public static Notebook Build(string path, IReadOnlyList<PlannedCell> plan, AttemptLog log, IReadOnlyDictionary<string, CheckReport> reports)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(reports);
        var notebook = Notebook.CreatePolyglot(path);
        int count = 0;
        foreach (var planned in plan)
        {
            if (!planned.Cell.IsCode)
            {
                notebook.AddMarkdownCell(planned.Cell.Source).Id = planned.Cell.Id ?? $"markdown-{planned.Number}";
                continue;
            }
            bool learner = planned.Role is CellRole.Exercise or CellRole.Added && planned.Stubbed != StubReason.Missing;
            var cell = notebook.AddCodeCell(learner ? planned.Cell.Source : planned.Source);
            cell.Id = learner ? $"learner-{planned.LearnerNumber}" : planned.Cell.Id ?? $"cell-{planned.Number}";
            var outputs = Outputs(planned, log, reports).ToList();
            bool ran = log.Finished.ContainsKey(planned.Number);
            cell.SetResult(ran ? ++count : null, outputs);
        }
        notebook.EnsureCellIds();
        return notebook;
    }

    private static IEnumerable<JsonObject> Outputs(PlannedCell planned, AttemptLog log, IReadOnlyDictionary<string, CheckReport> reports)
    {
        if (planned.Stubbed is { } why && planned.Stubbed != StubReason.Missing)
            yield return NotebookOutputs.Error("NotRun", why, [why]);
        if (planned.Check is { } check && reports.TryGetValue(check.CellId, out var report))
        {
            yield return NotebookOutputs.DisplayData([new(KnownMimeTypes.PlainText, Text(report)), new(ProtocolMimeTypes.CheckResult, report.ToJson())]);
            yield break;
        }
        if (!log.Finished.TryGetValue(planned.Number, out var finished)) yield break;
        foreach (var text in finished.Outputs)
        {
            yield return text.Kind switch
            {
                "stdout" or "stderr" => NotebookOutputs.Stream(text.Kind, text.Text),
                "error" => NotebookOutputs.Error(text.Text.Split(':', 2)[0], text.Text, [text.Text]),
                _ => NotebookOutputs.DisplayData([new(KnownMimeTypes.PlainText, text.Text)]),
            };
        }
    }

    private static string Text(CheckReport report) =>
        string.Join("\n", [report.Summary, .. report.Cases.Where(c => !c.Passed).Select(c => $"  {c.Name}: {c.Message}")]);
}
