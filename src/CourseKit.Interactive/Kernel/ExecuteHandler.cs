using System.Text.Json.Nodes;
using CourseKit.Interactive.Execution;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Kernel;

/// <summary>
/// Answers <c>execute_request</c>: publishes <c>execute_input</c>, runs the code as the next cell of the kernel's
/// <see cref="CellSession"/> with its outputs published on iopub while it runs, and replies with the status (the error's
/// name, value and traceback when the cell failed). The execution count grows for every request that stores history.
/// </summary>
internal sealed class ExecuteHandler(Lazy<CellSession> cells, JupyterKernel kernel)
{
    private readonly object _gate = new();
    private CancellationTokenSource? _running;

    /// <summary>The count of the last execution that stored history.</summary>
    public int ExecutionCount { get; private set; }

    /// <summary>The inputs and outputs so far, for history_request.</summary>
    public ExecutionHistory History { get; } = new();

    /// <summary>The request whose cell is running (stdin prompts go to its client), or null.</summary>
    public JupyterMessage? Current { get; private set; }

    public void Handle(JupyterMessage request, Action<JsonObject> reply, Func<Action> takeQueued)
    {
        string code = request.Content["code"] is JsonValue v && v.TryGetValue(out string? c) ? c : "";
        bool silent = Flag(request, "silent", false);
        bool storeHistory = Flag(request, "store_history", !silent) && !silent;
        int count = storeHistory ? ++ExecutionCount : ExecutionCount;
        if (!silent) kernel.Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);

        var outcome = string.IsNullOrWhiteSpace(code) ? new CellOutcome(CellStatus.Skipped, []) : Run(request, code, count, silent);
        if (storeHistory) History.Add(count, code, outcome.Outputs.LastOrDefault(o => NotebookOutputs.OutputType(o) == "execute_result"));
        var error = outcome.Outputs.LastOrDefault(o => NotebookOutputs.OutputType(o) == "error");
        if (error is null)
        {
            reply(new JsonObject { ["status"] = "ok", ["execution_count"] = count, ["user_expressions"] = UserExpressions(request), ["payload"] = new JsonArray() });
            return;
        }
        // The queue is taken before the error reply goes out: a request the client sends after it has seen the error
        // must run, and one queued behind the failing cell must not.
        Action? answerAborted = Flag(request, "stop_on_error", true) ? takeQueued() : null;
        reply(new JsonObject
        {
            ["status"] = "error", ["execution_count"] = count,
            ["ename"] = error["ename"]?.DeepClone(), ["evalue"] = error["evalue"]?.DeepClone(), ["traceback"] = error["traceback"]?.DeepClone(),
        });
        answerAborted?.Invoke();
    }

    /// <summary>Stops the running cell at its next loop iteration or call (nothing when none runs).</summary>
    public void Interrupt()
    {
        lock (_gate) _running?.Cancel();
    }

    private CellOutcome Run(JupyterMessage request, string code, int count, bool silent)
    {
        using var interrupt = new CancellationTokenSource();
        lock (_gate) { _running = interrupt; Current = request; }
        try
        {
            using var listener = new IopubListener((type, content) => kernel.Publish(type, content, request), silent);
            // The cell is named by its execution count, as Jupyter shows it: "at cell 4, line 3" is In [4].
            return cells.Value.Run(code, count, count, listener, interrupt.Token);
        }
        finally
        {
            lock (_gate) { _running = null; Current = null; }
        }
    }

    // Evaluating extra expressions after a cell would run learner code outside a cell; each one asked for is answered
    // with an error saying so rather than left out.
    private static JsonObject UserExpressions(JupyterMessage request)
    {
        var answers = new JsonObject();
        if (request.Content["user_expressions"] is not JsonObject asked) return answers;
        foreach (var (name, _) in asked)
            answers[name] = new JsonObject
            {
                ["status"] = "error", ["ename"] = "NotSupported", ["evalue"] = "CourseKit's kernel does not evaluate user_expressions", ["traceback"] = new JsonArray(),
            };
        return answers;
    }

    private static bool Flag(JupyterMessage request, string name, bool fallback) =>
        request.Content[name] is JsonValue v && v.TryGetValue(out bool b) ? b : fallback;
}
