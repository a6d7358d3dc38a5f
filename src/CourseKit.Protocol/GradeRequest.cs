using System.Globalization;
using System.Text.Json.Nodes;

namespace CourseKit.Grading.Protocol;

/// <summary>One cell the sandboxed process runs: its number in the graded notebook, its C# source, and whether it is a probe (a check cell rewritten by the grader to send the learner's function the cases' inputs).</summary>
public sealed record RequestCell(int Number, string Source, bool Probe);

/// <summary>
/// What the grader sends the sandboxed process on its standard input: the cells to run, in order, with the cases'
/// inputs inside the probe cells; the per-cell time limit; the folder relative <c>#r</c> paths resolve against. No
/// file of the submission, the solution or the grader is named, no seed and no expected value is in it.
/// </summary>
public sealed record GradeRequest(IReadOnlyList<RequestCell> Cells, double CellTimeoutSeconds, string BaseDirectory)
{
    /// <summary>The JSON text (one line).</summary>
    public string ToJson() => new JsonObject
    {
        ["cells"] = new JsonArray(Cells.Select(c => (JsonNode)new JsonObject { ["number"] = c.Number, ["source"] = c.Source, ["probe"] = c.Probe }).ToArray()),
        ["cell_timeout_s"] = CellTimeoutSeconds,
        ["base_directory"] = BaseDirectory,
    }.ToJsonString();

    /// <summary>Reads a request; anything malformed is a <see cref="ProtocolException"/>.</summary>
    public static GradeRequest Parse(string json)
    {
        var o = JsonFields.Parse(json, "request");
        var cells = JsonFields.Array(o, "cells", 10_000).Select((node, i) =>
        {
            var c = JsonFields.Object(node, $"cell {i + 1}");
            return new RequestCell(JsonFields.Int(c, "number", 1), JsonFields.Text(c, "source", int.MaxValue), JsonFields.Bool(c, "probe"));
        }).ToList();
        double timeout = JsonFields.Number(o, "cell_timeout_s");
        if (!(timeout > 0)) throw new ProtocolException($"'cell_timeout_s': expected a positive number of seconds, actual {timeout.ToString(CultureInfo.InvariantCulture)}.");
        return new GradeRequest(cells, timeout, JsonFields.Text(o, "base_directory", 4096));
    }
}
