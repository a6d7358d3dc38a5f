using System.Text.Json.Nodes;

namespace CourseKit.Grading.Protocol;

/// <summary>What one call of the learner's function did.</summary>
public enum AnswerKind
{
    /// <summary>It returned <see cref="CaseAnswer.Output"/>.</summary>
    Returned,

    /// <summary>It threw an exception other than <see cref="NotImplementedException"/>.</summary>
    Threw,

    /// <summary>It threw <see cref="NotImplementedException"/>: the exercise is not done.</summary>
    NotImplemented,
}

/// <summary>Why no case of a check could be run at all.</summary>
public enum AnswerProblem
{
    /// <summary>Every case was run.</summary>
    None,

    /// <summary>The function passed to the check was null.</summary>
    NullFunction,

    /// <summary>The function's signature does not fit the check's inputs (<see cref="AnswerSet.Detail"/> says how).</summary>
    WrongSignature,
}

/// <summary>The learner's function changed its input: argument <paramref name="Input"/> (0-based) at element <paramref name="Index"/> (row-major), now <paramref name="Now"/>; or its shape, now <paramref name="NewShape"/>.</summary>
public sealed record InputChange(int Input, int Index, double Now, string? NewShape = null);

/// <summary>One case's answer, in case order.</summary>
/// <param name="Kind">Returned, threw, or not implemented.</param>
/// <param name="Output">What it returned.</param>
/// <param name="ExceptionType">The exception's type name, when it threw.</param>
/// <param name="Message">The exception's message, when it threw (learner text: the grader shows a bounded excerpt, for visible cases only).</param>
/// <param name="Where">Where in the learner's code it threw ("line 3 of your cell").</param>
/// <param name="Exercise">The exercise a not-implemented stub names ("Exercise 1").</param>
/// <param name="Change">The first change the function made to its input, or null.</param>
public sealed record CaseAnswer(AnswerKind Kind, WireValue? Output = null, string? ExceptionType = null, string? Message = null,
    string? Where = null, string? Exercise = null, InputChange? Change = null);

/// <summary>
/// The answers of the learner's function to one check's cases, as the sandboxed process sends them: one per case, in
/// the order the cases were sent, or a problem that kept every case from running. The grader compares them with the
/// reference and scores; nothing here is trusted beyond its shape.
/// </summary>
public sealed record AnswerSet(AnswerProblem Problem, string? Detail, IReadOnlyList<CaseAnswer> Cases)
{
    private static readonly string[] Kinds = ["returned", "threw", "not_implemented"];
    private static readonly string[] Problems = ["none", "null_function", "wrong_signature"];

    /// <summary>The JSON text.</summary>
    public string ToJson() => ToJsonObject().ToJsonString();

    /// <summary>The JSON object.</summary>
    public JsonObject ToJsonObject() => new()
    {
        ["problem"] = Problems[(int)Problem],
        ["detail"] = Detail,
        ["cases"] = new JsonArray(Cases.Select(c => (JsonNode)new JsonObject
        {
            ["kind"] = Kinds[(int)c.Kind],
            ["output"] = c.Output is null ? null : WireJson.Write(c.Output),
            ["type"] = c.ExceptionType, ["message"] = c.Message, ["where"] = c.Where, ["exercise"] = c.Exercise,
            ["change"] = c.Change is null ? null : new JsonObject
            {
                ["input"] = c.Change.Input, ["index"] = c.Change.Index, ["now"] = WireJson.Write(new WireDouble(c.Change.Now)), ["shape"] = c.Change.NewShape,
            },
        }).ToArray()),
    };

    /// <summary>Reads an answer set; anything malformed is a <see cref="ProtocolException"/>.</summary>
    public static AnswerSet Parse(string json) => Read(JsonFields.Parse(json, "answers"));

    /// <summary>Reads an answer set from its JSON object.</summary>
    public static AnswerSet Read(JsonObject o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var problem = (AnswerProblem)Index(Problems, JsonFields.Text(o, "problem", 32), "problem");
        var cases = JsonFields.Array(o, "cases", ProtocolLimits.MaxCases).Select((node, i) =>
        {
            var c = JsonFields.Object(node, $"case {i + 1}");
            var kind = (AnswerKind)Index(Kinds, JsonFields.Text(c, "kind", 32), "kind");
            return new CaseAnswer(kind, c["output"] is null ? null : WireJson.Read(c["output"]),
                JsonFields.OptionalText(c, "type", 200), JsonFields.OptionalText(c, "message"), JsonFields.OptionalText(c, "where", 400),
                JsonFields.OptionalText(c, "exercise", 40), c["change"] is null ? null : Change(JsonFields.Object(c["change"], "change")));
        }).ToList();
        if (MissingOutput(cases) is int missing)
            throw new ProtocolException($"case {missing + 1}: expected an output for a returned answer, actual none.");
        return new AnswerSet(problem, JsonFields.OptionalText(o, "detail", 2000), cases);
    }

    private static int? MissingOutput(List<CaseAnswer> cases)
    {
        int k = cases.FindIndex(c => c.Kind == AnswerKind.Returned && c.Output is null);
        return k < 0 ? null : k;
    }

    private static InputChange Change(JsonObject c)
    {
        var now = WireJson.Read(c["now"]) as WireDouble ?? throw new ProtocolException("'now': expected an f64 value.");
        return new InputChange(JsonFields.Int(c, "input", 0, 16), JsonFields.Int(c, "index", 0, ProtocolLimits.MaxElements), now.Value,
            JsonFields.OptionalText(c, "shape", 100));
    }

    private static int Index(string[] names, string name, string field)
    {
        int i = Array.IndexOf(names, name);
        return i >= 0 ? i : throw new ProtocolException($"'{field}': expected one of {string.Join(", ", names)}, actual '{name}'.");
    }
}
