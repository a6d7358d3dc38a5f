using System.Text.Json.Nodes;

namespace CourseKit.Grading.Protocol;

/// <summary>How a cell ended in the sandboxed process.</summary>
public enum CellOutcome
{
    /// <summary>It ran to its end.</summary>
    Succeeded,

    /// <summary>It did not compile, or threw.</summary>
    Failed,

    /// <summary>It threw <see cref="NotImplementedException"/> (an exercise left as released).</summary>
    NotImplemented,

    /// <summary>It ran past the cell time limit; the notebook's state is lost and the run ends.</summary>
    TimedOut,

    /// <summary>
    /// It left so many threads or processes running that the cells after it could not start theirs (the sandbox limits
    /// them); the run ends.
    /// </summary>
    Runaway,
}

/// <summary>One text output of a cell: printed to <c>stdout</c> or <c>stderr</c>, a displayed or returned value's plain text (<c>value</c>), or an <c>error</c>.</summary>
public sealed record CellText(string Kind, string Text)
{
    /// <summary>The kinds a cell's text output may have.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["stdout", "stderr", "value", "error"];
}

/// <summary>
/// What the sandboxed process reports while it runs the request, one JSON line each on its standard output:
/// <see cref="CellStarted"/>, then <see cref="CheckAnswered"/> for a probe, <see cref="CellFinished"/>, and
/// <see cref="RunCompleted"/> at the end. The grader validates order and bounds and treats a broken stream as a crash.
/// </summary>
public abstract record GradingEvent
{
    /// <summary>The JSON line (without the newline).</summary>
    public string ToJson() => ToJsonObject().ToJsonString();

    /// <summary>The JSON object.</summary>
    public abstract JsonObject ToJsonObject();

    /// <summary>Reads one event line; anything malformed is a <see cref="ProtocolException"/>.</summary>
    public static GradingEvent Parse(string line)
    {
        var o = JsonFields.Parse(line, "event");
        return JsonFields.Text(o, "event", 32) switch
        {
            "start" => new CellStarted(JsonFields.Int(o, "cell", 1)),
            "finish" => CellFinished.Read(o),
            "answers" => new CheckAnswered(JsonFields.Int(o, "cell", 1), AnswerSet.Read(JsonFields.Object(o["answers"], "answers"))),
            "done" => new RunCompleted(),
            var other => throw new ProtocolException($"'event': expected start, finish, answers or done, actual '{other}'."),
        };
    }
}

/// <summary>Cell <paramref name="Cell"/> is about to run (so that when the process dies, the grader knows where).</summary>
public sealed record CellStarted(int Cell) : GradingEvent
{
    /// <inheritdoc />
    public override JsonObject ToJsonObject() => new() { ["event"] = "start", ["cell"] = Cell };
}

/// <summary>Cell <paramref name="Cell"/> ended: how, its error (<c>ename: evalue</c>) when it failed, and its text outputs.</summary>
public sealed record CellFinished(int Cell, CellOutcome Outcome, string? Error, IReadOnlyList<CellText> Outputs) : GradingEvent
{
    private static readonly string[] Outcomes = ["succeeded", "failed", "not_implemented", "timed_out", "runaway"];

    /// <inheritdoc />
    public override JsonObject ToJsonObject() => new()
    {
        ["event"] = "finish", ["cell"] = Cell, ["outcome"] = Outcomes[(int)Outcome], ["error"] = Error,
        ["outputs"] = new JsonArray(Outputs.Select(t => (JsonNode)new JsonObject { ["kind"] = t.Kind, ["text"] = t.Text }).ToArray()),
    };

    internal static CellFinished Read(JsonObject o)
    {
        string outcome = JsonFields.Text(o, "outcome", 32);
        int index = Array.IndexOf(Outcomes, outcome);
        if (index < 0) throw new ProtocolException($"'outcome': expected one of {string.Join(", ", Outcomes)}, actual '{outcome}'.");
        var outputs = JsonFields.Array(o, "outputs", ProtocolLimits.MaxOutputsPerCell).Select((node, i) =>
        {
            var t = JsonFields.Object(node, $"output {i + 1}");
            string kind = JsonFields.Text(t, "kind", 16);
            if (!CellText.Kinds.Contains(kind)) throw new ProtocolException($"'kind': expected one of {string.Join(", ", CellText.Kinds)}, actual '{kind}'.");
            return new CellText(kind, JsonFields.Text(t, "text"));
        }).ToList();
        return new CellFinished(JsonFields.Int(o, "cell", 1), (CellOutcome)index, JsonFields.OptionalText(o, "error"), outputs);
    }
}

/// <summary>The probe in cell <paramref name="Cell"/> answered its check's cases.</summary>
public sealed record CheckAnswered(int Cell, AnswerSet Answers) : GradingEvent
{
    /// <inheritdoc />
    public override JsonObject ToJsonObject() => new() { ["event"] = "answers", ["cell"] = Cell, ["answers"] = Answers.ToJsonObject() };
}

/// <summary>Every cell of the request has run (or was reported as not run after a timeout).</summary>
public sealed record RunCompleted : GradingEvent
{
    /// <inheritdoc />
    public override JsonObject ToJsonObject() => new() { ["event"] = "done" };
}
