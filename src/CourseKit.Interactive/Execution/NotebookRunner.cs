using System.Text.Json.Nodes;
using CourseKit.Interactive.Display;
using CourseKit.Interactive.Notebooks;
using Microsoft.CodeAnalysis.Scripting;

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
        var session = new ScriptSession(baseDirectory, Path.GetFileName(notebook.Path ?? "notebook.ipynb"), _options.Imports);
        var results = new List<CellRunResult>();
        int executionCount = 0;
        bool stateLost = false;
        using (ConsoleCapture.Begin())
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
                    _ => RunCSharp(session, cell, plan.Code, ++executionCount, baseDirectory),
                };
                stateLost |= result.Status == CellStatus.TimedOut;
                results.Add(result);
                _options.CellFinished?.Invoke(cell, result);
            }
        }
        return new NotebookRunResult(notebook, results);
    }

    private CellRunResult RunCSharp(ScriptSession session, NotebookCell cell, string code, int count, string baseDirectory)
    {
        var referenceProblems = ReferenceDirectives.Check(code, baseDirectory);
        if (referenceProblems.Count > 0) return Finish(cell, CellStatus.Failed, count, [ErrorOutputs.Compilation(referenceProblems)]);
        var script = session.Prepare(code, cell.Number);
        var errors = ScriptSession.CompileErrors(script);
        if (errors.Length > 0) return Finish(cell, CellStatus.Failed, count, [ErrorOutputs.Compilation(errors)]);

        var collector = new CellOutputCollector();
        var outcome = CellThread.Run($"coursekit cell {cell.Number}", () =>
        {
            ConsoleCapture.RouteTo(collector.Writer("stdout"), collector.Writer("stderr"));
            session.Globals.Cell = collector;
            return session.RunAsync(script).GetAwaiter().GetResult();
        }, _options.CellTimeout);

        if (!outcome.Finished)
        {
            string message = $"cell did not finish within {_options.CellTimeout.TotalSeconds:0.###} s";
            collector.Add(NotebookOutputs.Error("TimeoutError", message, [message]));
            return Finish(cell, CellStatus.TimedOut, count, collector.Seal());
        }
        Func<string, int?> cellOfFile = file => CellNumberOf(session, file);
        if (outcome.Result is ScriptState<object> state)
        {
            session.Accept(state);
            if (state.Exception is not null) collector.Add(ErrorOutputs.Exception(state.Exception, cellOfFile));
            else if (ScriptSession.HasTrailingValue(script))
                collector.Add(NotebookOutputs.ExecuteResult(Format(state.ReturnValue).Entries, count));
        }
        else
        {
            collector.Add(ErrorOutputs.Exception(outcome.Exception!, cellOfFile));
        }
        var outputs = collector.Seal();
        return Finish(cell, StatusOf(outputs), count, outputs);
    }

    private static MimeBundle Format(object? value)
    {
        try { return DisplayFormatter.Format(value); }
        catch (Exception e) { return MimeBundle.PlainText($"<value could not be shown: {e.GetType().Name}: {e.Message}>"); }
    }

    private static int? CellNumberOf(ScriptSession session, string file)
    {
        int mark = file.LastIndexOf("#cell-", StringComparison.Ordinal);
        return mark >= 0 && int.TryParse(file[(mark + 6)..], out int n) && session.CellPath(n) == file ? n : null;
    }

    private static CellStatus StatusOf(IReadOnlyList<JsonObject> outputs)
    {
        var error = outputs.LastOrDefault(o => NotebookOutputs.OutputType(o) == "error");
        if (error is null) return CellStatus.Succeeded;
        return ErrorOutputs.IsNotImplemented(error["ename"]?.GetValue<string>()) ? CellStatus.NotImplemented : CellStatus.Failed;
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
