using System.Text.Json.Nodes;
using CourseKit.Interactive.Checks;
using CourseKit.Interactive.Display;
using CourseKit.Interactive.Execution;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Grading;

/// <summary>
/// Grades one submission inside the grading child process: reads it, prepares it (<see cref="SubmissionPreparer"/>),
/// runs it with a per-cell timeout and journals every step to a <see cref="ProgressLog"/> as it happens.
/// </summary>
public static class SubmissionRun
{
    /// <summary>Runs <paramref name="submissionPath"/> and writes the executed notebook to <paramref name="notebookOut"/> when it gets that far.</summary>
    /// <param name="assignment">The assignment.</param>
    /// <param name="submissionPath">The learner's notebook.</param>
    /// <param name="log">The journal.</param>
    /// <param name="cellTimeout">How long one cell may run.</param>
    /// <param name="neutralize">Exercises to replace by their stub.</param>
    /// <param name="skip">Ids of the learner's own cells to leave out.</param>
    /// <param name="notebookOut">Where the executed notebook goes.</param>
    public static void Run(Assignment assignment, string submissionPath, ProgressLog log, TimeSpan cellTimeout,
        IReadOnlySet<int> neutralize, IReadOnlySet<string> skip, string notebookOut)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(log);
        Notebook student;
        try { student = NotebookReader.Read(submissionPath); }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            log.Write(new JsonObject { ["event"] = "rejected", ["kind"] = "not_notebook", ["reason"] = NotANotebook(e, submissionPath) });
            return;
        }
        if (!student.Cells.Any(c => c.IsCode && c.Source.Trim().Length > 0))
        {
            log.Write(new JsonObject { ["event"] = "rejected", ["kind"] = "empty", ["reason"] = "the notebook is empty: it has no code cells with code in them." });
            return;
        }
        var prepared = SubmissionPreparer.Prepare(assignment, student, neutralize, skip);
        log.Write(new JsonObject
        {
            ["event"] = "prepared",
            ["cells"] = new JsonArray(prepared.Cells.Select(c => (JsonNode)new JsonObject
            {
                ["number"] = c.Number, ["id"] = c.Id, ["role"] = c.Role, ["exercise"] = c.Exercise,
            }).ToArray()),
            ["notes"] = new JsonArray(prepared.Notes.Select(n => (JsonNode)new JsonObject { ["exercise"] = n.Exercise, ["text"] = n.Text }).ToArray()),
        });
        var options = new NotebookRunOptions
        {
            CellTimeout = cellTimeout,
            BaseDirectory = assignment.ReleaseFolder,
            CellStarting = cell => log.Write(new JsonObject { ["event"] = "start", ["cell"] = cell.Number }),
            CellFinished = (cell, result) => { if (result.Status != CellStatus.Skipped) log.Write(Finished(cell, result)); },
        };
        var run = new NotebookRunner(options).Run(prepared.Notebook);
        NotebookWriter.Write(run.Notebook, notebookOut);
        log.Write(new JsonObject { ["event"] = "done" });
    }

    private static JsonObject Finished(NotebookCell cell, CellRunResult result)
    {
        var entry = new JsonObject { ["event"] = "finish", ["cell"] = cell.Number, ["status"] = result.Status.ToString() };
        if (result.ErrorName is not null) entry["error"] = $"{result.ErrorName}: {result.ErrorMessage}";
        // The last check output of the cell is the check's result (an earlier one could come from the learner's code).
        string? check = result.Outputs.Select(o => NotebookOutputs.Data(o, KnownMimeTypes.CheckResult)).LastOrDefault(d => d is not null);
        if (check is null) return entry;
        var record = CheckCollector.Parse(check, cell.Number);
        entry["check"] = new JsonObject
        {
            ["name"] = record.Name, ["status"] = record.Status, ["points"] = record.Points, ["max_points"] = record.MaxPoints,
            ["summary"] = record.Json["summary"]?.DeepClone(), ["cases"] = record.Json["cases"]?.DeepClone(),
        };
        return entry;
    }

    private static string NotANotebook(Exception e, string path)
    {
        string message = e.Message.Replace(Path.GetFullPath(path), Path.GetFileName(path), StringComparison.Ordinal);
        return message.Contains("not a notebook", StringComparison.OrdinalIgnoreCase) || message.Contains("not an nbformat", StringComparison.Ordinal)
            ? message : $"not a notebook: {message}";
    }
}
