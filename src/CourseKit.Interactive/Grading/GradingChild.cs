using System.Text;
using System.Text.Json.Nodes;
using CourseKit.Grading.Protocol;
using CourseKit.Interactive.Display;
using CourseKit.Interactive.Execution;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Grading;

/// <summary>
/// What runs in the sandboxed process (<c>coursekit grade-child</c>): it reads one <see cref="GradeRequest"/> from
/// standard input, runs its cells on the engine with the cell time limit, and reports each cell and each probe's
/// answers as <see cref="GradingEvent"/> lines on standard output. It holds no seed, no expected value and no path of
/// the grader's; the grader trusts nothing it says beyond the shape of its messages.
/// </summary>
public static class GradingChild
{
    /// <summary>Characters of one output's text that are reported (the rest is cut with a note).</summary>
    public const int MaxOutputText = 16 << 10;

    /// <summary>Runs the request read from <paramref name="input"/>, reporting on <paramref name="events"/>; returns the exit code.</summary>
    public static int Run(TextReader input, Stream events)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(events);
        GradeRequest request;
        try { request = GradeRequest.Parse(input.ReadToEnd()); }
        catch (ProtocolException e)
        {
            Console.Error.WriteLine($"coursekit grade-child: {e.Message}");
            return 2;
        }
        // Nothing but this writer reaches standard output: console writes that escape a cell go nowhere.
        var writer = new EventWriter(events);
        Console.SetOut(TextWriter.Null);
        Console.SetError(TextWriter.Null);
        var notebook = Notebook.CreatePolyglot(Path.Combine(request.BaseDirectory, "graded.ipynb"));
        foreach (var cell in request.Cells) notebook.AddCodeCell(cell.Source);
        int NumberOf(NotebookCell cell) => request.Cells[cell.Index].Number;
        var census = ThreadCensus.ForThisProcess();
        ResourceUse? start = null, before = null;
        // A cell still starting threads can starve the runtime before it ends: the watch ends the run first, from its
        // own thread, and the process exits there (the cell's thread may never return).
        var watch = new RunawayWatch(census, (cell, was, now) =>
        {
            writer.WriteLast([RunawayFinished(cell, now.Threads - was.Threads), new RunCompleted()]);
            Environment.Exit(0);
        });
        watch.Start();
        var options = new NotebookRunOptions
        {
            CellTimeout = TimeSpan.FromSeconds(request.CellTimeoutSeconds),
            BaseDirectory = request.BaseDirectory,
            CellStarting = cell =>
            {
                before = census.Take();
                start ??= before;
                writer.Write(new CellStarted(NumberOf(cell)));
                watch.CellStarting(NumberOf(cell), start, before);
            },
            CellFinished = (cell, result) =>
            {
                watch.CellEnded();
                if (result.Status is CellStatus.Skipped or CellStatus.NotRun) return;
                var after = census.Take();
                if (!census.RanAway(start!, before!, after)) Report(writer, request.Cells[cell.Index], result);
                else EndRunaway(writer, request.Cells[cell.Index].Number, after.Threads - before!.Threads);
            },
        };
        try { new NotebookRunner(options).Run(notebook); }
        catch (RunEnded) { }   // the cells after a runaway one are not run, as after a timeout
        writer.Write(new RunCompleted());
        return 0;
    }

    // The cell's answers and outputs no longer matter: the grader scores its exercise 0 and grades again without it.
    private static void EndRunaway(EventWriter writer, int cell, int threads)
    {
        writer.Write(RunawayFinished(cell, threads));
        throw new RunEnded();
    }

    private static CellFinished RunawayFinished(int cell, int threads) => new(cell, CourseKit.Grading.Protocol.CellOutcome.Runaway,
        $"RunawayThreads: this cell left {threads} threads running, and too few threads or too little memory for the cells after it", []);

    private sealed class RunEnded : Exception;

    private static void Report(EventWriter writer, RequestCell cell, CellRunResult result)
    {
        var outputs = result.Outputs.ToList();
        if (cell.Probe && result.Status == CellStatus.Succeeded && Answers(outputs) is var (answers, output))
        {
            writer.Write(new CheckAnswered(cell.Number, answers));
            outputs.Remove(output);
        }
        var outcome = result.Status switch
        {
            CellStatus.Succeeded => CourseKit.Grading.Protocol.CellOutcome.Succeeded,
            CellStatus.NotImplemented => CourseKit.Grading.Protocol.CellOutcome.NotImplemented,
            CellStatus.TimedOut => CourseKit.Grading.Protocol.CellOutcome.TimedOut,
            _ => CourseKit.Grading.Protocol.CellOutcome.Failed,
        };
        string? error = result.ErrorName is null ? null : Cut($"{result.ErrorName}: {result.ErrorMessage}");
        writer.Write(new CellFinished(cell.Number, outcome, error, outputs.SelectMany(Texts).Take(ProtocolLimits.MaxOutputsPerCell).ToList()));
    }

    // The probe's value is the answers' JSON; a display the learner's code made during the probe is never taken for it.
    private static (AnswerSet, JsonObject)? Answers(List<JsonObject> outputs)
    {
        var result = outputs.LastOrDefault(o => NotebookOutputs.OutputType(o) == "execute_result");
        if (result is null || NotebookOutputs.Data(result, KnownMimeTypes.PlainText) is not { } json) return null;
        try { return (AnswerSet.Parse(json), result); }
        catch (ProtocolException) { return null; }
    }

    private static IEnumerable<CellText> Texts(JsonObject output)
    {
        switch (NotebookOutputs.OutputType(output))
        {
            case "stream":
                string name = output["name"]?.GetValue<string>() == "stderr" ? "stderr" : "stdout";
                yield return new CellText(name, Cut(SourceLines.Join(output["text"], "stream text")));
                break;
            case "error":
                yield return new CellText("error", Cut($"{output["ename"]?.GetValue<string>()}: {output["evalue"]?.GetValue<string>()}"));
                break;
            default:
                if (NotebookOutputs.Data(output, KnownMimeTypes.PlainText) is { } text) yield return new CellText("value", Cut(text));
                break;
        }
    }

    private static string Cut(string text) => text.Length <= MaxOutputText ? text : text[..MaxOutputText] + "\n… (cut by the grader)";

    /// <summary>One JSON line per event, flushed as it happens (the grader learns where a dying process was).</summary>
    private sealed class EventWriter(Stream stream)
    {
        private readonly Lock _lock = new();
        private bool _closed;

        public void Write(GradingEvent e) => Write([e], close: false);

        /// <summary>Writes the run's last events; whatever is written after them (by a cell still running) is dropped.</summary>
        public void WriteLast(IReadOnlyList<GradingEvent> events) => Write(events, close: true);

        private void Write(IReadOnlyList<GradingEvent> events, bool close)
        {
            byte[] lines = Encoding.UTF8.GetBytes(string.Concat(events.Select(e => e.ToJson() + "\n")));
            lock (_lock)
            {
                if (_closed) return;
                _closed = close;
                stream.Write(lines);
                stream.Flush();
            }
        }
    }
}
