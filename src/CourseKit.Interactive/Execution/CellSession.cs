using System.Text.Json.Nodes;
using CourseKit.Interactive.Display;
using CourseKit.Interactive.Kernel;
using CourseKit.Interactive.Notebooks;
using Microsoft.CodeAnalysis.Scripting;

namespace CourseKit.Interactive.Execution;

/// <summary>What one cell's run gave: its status and its outputs (nbformat shape).</summary>
public sealed record CellOutcome(CellStatus Status, IReadOnlyList<JsonObject> Outputs);

/// <summary>
/// Runs C# cells one at a time on one Roslyn script state: the engine's unit of work, shared by
/// <see cref="NotebookRunner"/> (<c>coursekit run</c>, the site, the grader) and the Jupyter kernel, so every front door
/// compiles and runs a cell with the same code. While the session lives, the console writes to the running cell.
/// </summary>
public sealed class CellSession : IDisposable
{
    private readonly ScriptSession _script;
    private readonly NotebookRunOptions _options;
    private readonly IDisposable _console;

    /// <summary>A session whose relative <c>#r</c> paths resolve against <paramref name="baseDirectory"/>.</summary>
    /// <param name="baseDirectory">The folder relative paths resolve against (a notebook's folder).</param>
    /// <param name="notebookFileName">The name stack frames show for cells ("07-softmax-regression.ipynb").</param>
    /// <param name="options">Imports, cell time limit, output limit.</param>
    public CellSession(string baseDirectory, string notebookFileName, NotebookRunOptions? options = null)
    {
        _options = options ?? new NotebookRunOptions();
        _options.Validate();
        BaseDirectory = Path.GetFullPath(baseDirectory);
        _script = new ScriptSession(BaseDirectory, notebookFileName, _options.Imports);
        _console = ConsoleCapture.Begin();
    }

    /// <summary>The folder relative <c>#r</c> paths resolve against.</summary>
    public string BaseDirectory { get; }

    internal ScriptSession Script => _script;

    /// <summary>
    /// Compiles and runs <paramref name="code"/> as the next submission. <paramref name="cellNumber"/> names the cell
    /// in errors and stack frames ("cell 4, line 3"); <paramref name="executionCount"/> goes into an execute_result.
    /// Outputs reach <paramref name="listener"/> while the cell runs. Cancelling <paramref name="interrupt"/> stops the
    /// cell at its next loop or call (see <see cref="CellInterrupt"/>); its variables so far are kept.
    /// </summary>
    public CellOutcome Run(string code, int cellNumber, int executionCount, ICellOutputListener? listener = null, CancellationToken interrupt = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        var collector = new CellOutputCollector(listener, _options.MaxStreamCharacters);
        var referenceProblems = ReferenceDirectives.Check(code, BaseDirectory);
        if (referenceProblems.Count > 0) return Failed(collector, ErrorOutputs.Compilation(referenceProblems));
        var script = _script.Prepare(InterruptPoints.Insert(code, _script.ParseOptions), cellNumber);
        if (ScriptSession.CompileErrors(script) is { Length: > 0 } errors)
        {
            // Reported from the code as written, so columns are the learner's (the polls shift them within a line).
            var asWritten = ScriptSession.CompileErrors(_script.Prepare(code, cellNumber));
            return Failed(collector, ErrorOutputs.Compilation(asWritten.Length > 0 ? asWritten : errors));
        }
        StartupTrace.Mark($"cell {cellNumber}: compiled");
        return Execute(script, cellNumber, executionCount, collector, interrupt);
    }

    private CellOutcome Execute(Script<object> script, int cellNumber, int executionCount, CellOutputCollector collector, CancellationToken interrupt)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        using var watch = CellInterrupt.Watch(stop.Token);
        var outcome = CellThread.Run($"coursekit cell {cellNumber}", () =>
        {
            ConsoleCapture.RouteTo(collector.Writer("stdout"), collector.Writer("stderr"));
            CellInterrupt.Attach(stop.Token);
            _script.Globals.Cell = collector;
            ScriptSession.LoadDirectiveReferences(script);
            return _script.RunAsync(script).GetAwaiter().GetResult();
        }, _options.CellTimeout, stop.Token);
        StartupTrace.Mark($"cell {cellNumber}: ran");

        if (!outcome.Finished)
        {
            stop.Cancel(); // the abandoned thread stops at its next poll instead of spinning on
            string message = outcome.Interrupted
                ? $"the cell was interrupted but did not stop within {CellThread.InterruptGrace.TotalSeconds:0} s (it is inside code that does not check for interrupts); " +
                  "it goes on in the background and the notebook's variables are as they were before it. Restart the kernel to stop it."
                : $"cell did not finish within {_options.CellTimeout.TotalSeconds:0.###} s";
            collector.Add(NotebookOutputs.Error(outcome.Interrupted ? nameof(CellInterruptedException) : "TimeoutError", message, [message]));
            return new CellOutcome(outcome.Interrupted ? CellStatus.Failed : CellStatus.TimedOut, collector.Seal());
        }
        Func<string, int?> cellOfFile = CellNumberOf;
        if (outcome.Result is ScriptState<object> state)
        {
            _script.Accept(state);
            if (state.Exception is not null) collector.Add(ErrorOutputs.Exception(state.Exception, cellOfFile));
            else if (ScriptSession.HasTrailingValue(script))
                collector.Add(NotebookOutputs.ExecuteResult(Format(state.ReturnValue).Entries, executionCount));
        }
        else collector.Add(ErrorOutputs.Exception(outcome.Exception!, cellOfFile));
        var outputs = collector.Seal();
        return new CellOutcome(StatusOf(outputs), outputs);
    }

    /// <summary>
    /// Compiles and runs a throwaway cell on a session of its own, so that Roslyn is loaded and jitted before the first
    /// real cell arrives (a kernel calls this in the background while the frontend connects). Its value is formatted
    /// as a cell's would be (and thrown away), so the formatter lookup has read the loaded assemblies too.
    /// </summary>
    public static void WarmUp()
    {
        var scratch = new ScriptSession(AppContext.BaseDirectory, "warm-up", new NotebookRunOptions().Imports);
        var script = scratch.Prepare("var warm = new List<int> { 1 }; warm.Count + 1", 1);
        StartupTrace.Mark("warm-up: options and script made");
        _ = ScriptSession.CompileErrors(script);
        _ = ScriptSession.HasTrailingValue(script);
        StartupTrace.Mark("warm-up: compiled");
        var state = scratch.RunAsync(script).GetAwaiter().GetResult();
        StartupTrace.Mark("warm-up: ran");
        _ = NotebookOutputs.ExecuteResult(Format(state.ReturnValue).Entries, 0);
    }

    /// <summary>Stops sending the console to cells (when the last session in the process ends).</summary>
    public void Dispose() => _console.Dispose();

    private static CellOutcome Failed(CellOutputCollector collector, JsonObject error)
    {
        collector.Add(error);
        return new CellOutcome(CellStatus.Failed, collector.Seal());
    }

    private static MimeBundle Format(object? value)
    {
        try { return DisplayFormatter.Format(value); }
        catch (Exception e) { return MimeBundle.PlainText($"<value could not be shown: {e.GetType().Name}: {e.Message}>"); }
    }

    private int? CellNumberOf(string file)
    {
        int mark = file.LastIndexOf("#cell-", StringComparison.Ordinal);
        return mark >= 0 && int.TryParse(file[(mark + 6)..], out int n) && _script.CellPath(n) == file ? n : null;
    }

    private static CellStatus StatusOf(IReadOnlyList<JsonObject> outputs)
    {
        var error = outputs.LastOrDefault(o => NotebookOutputs.OutputType(o) == "error");
        if (error is null) return CellStatus.Succeeded;
        return ErrorOutputs.IsNotImplemented(error["ename"]?.GetValue<string>()) ? CellStatus.NotImplemented : CellStatus.Failed;
    }
}
