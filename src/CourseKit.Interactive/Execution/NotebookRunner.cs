using System.Text.Json.Nodes;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Execution;

/// <summary>
/// Runs a notebook's C# cells in order on one Roslyn script state and writes their outputs and execution counts into
/// the notebook. A failing cell does not stop the run; a cell that times out does, since the notebook's state is lost
/// with it: later code cells are reported as not run and the run returns.
/// </summary>
public sealed class NotebookRunner(NotebookRunOptions? options = null)
{
    private const string NotRunMessage = "not run: an earlier cell timed out and the notebook's state is lost";

    private readonly NotebookRunOptions _options = Validated(options ?? new NotebookRunOptions());

    /// <summary>Reads and runs the notebook at <paramref name="path"/> (the file is not written; see <see cref="NotebookWriter"/>).</summary>
    /// <exception cref="InvalidDataException">The file is not an nbformat 4 notebook.</exception>
    public NotebookRunResult RunFile(string path) => Run(NotebookReader.Read(path));

    /// <summary>Runs <paramref name="notebook"/> in place: cell ids ensured, outputs and execution counts replaced.</summary>
    public NotebookRunResult Run(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        notebook.EnsureCellIds();
        string baseDirectory = Path.GetFullPath(_options.BaseDirectory
            ?? (notebook.Path is null ? Environment.CurrentDirectory : Path.GetDirectoryName(notebook.Path)!));
        var results = new List<CellRunResult>();
        int executionCount = 0;
        bool stateLost = false;
        using (var session = new CellSession(baseDirectory, Path.GetFileName(notebook.Path ?? "notebook.ipynb"), _options))
        {
            foreach (var cell in notebook.Cells)
            {
                var plan = CellPlan.For(cell, notebook.DefaultKernelName);
                if (plan.Action == CellAction.RunCSharp && !stateLost) _options.CellStarting?.Invoke(cell);
                var result = plan.Action switch
                {
                    CellAction.Skip => Skip(cell),
                    CellAction.UnknownKernel => Finish(cell, CellStatus.Failed, null, [NotebookOutputs.Error("UnknownKernel",
                        $"unknown kernel '{plan.KernelName}': CourseKit runs C# cells only", [$"unknown kernel '{plan.KernelName}': CourseKit runs C# cells only"])]),
                    _ when stateLost => Finish(cell, CellStatus.NotRun, null, [NotebookOutputs.Error("NotRun", NotRunMessage, [NotRunMessage])]),
                    _ => RunCSharp(session, cell, plan.Code, ++executionCount),
                };
                stateLost |= result.Status == CellStatus.TimedOut;
                results.Add(result);
                _options.CellFinished?.Invoke(cell, result);
            }
        }
        return new NotebookRunResult(notebook, results);
    }

    private static CellRunResult RunCSharp(CellSession session, NotebookCell cell, string code, int count)
    {
        var outcome = session.Run(code, cell.Number, count);
        return Finish(cell, outcome.Status, count, outcome.Outputs);
    }

    private static CellRunResult Skip(NotebookCell cell)
    {
        if (cell.IsCode && (cell.Outputs.Count > 0 || cell.ExecutionCount is not null)) cell.SetResult(null, []);
        return new CellRunResult(cell.Number, cell.Id, CellStatus.Skipped, null, null, null, []);
    }

    private static CellRunResult Finish(NotebookCell cell, CellStatus status, int? count, IReadOnlyList<JsonObject> outputs)
    {
        cell.SetResult(count, outputs);
        var error = outputs.LastOrDefault(o => NotebookOutputs.OutputType(o) == "error");
        return new CellRunResult(cell.Number, cell.Id, status, count, error?["ename"]?.GetValue<string>(), error?["evalue"]?.GetValue<string>(), outputs);
    }

    private static NotebookRunOptions Validated(NotebookRunOptions options)
    {
        options.Validate();
        return options;
    }
}
