using System.Text.Json;
using System.Text.Json.Nodes;
using CourseKit.Interactive.Display;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Checks;

/// <summary>Collects check results from a notebook's outputs, in cell order.</summary>
public static class CheckCollector
{
    /// <summary>
    /// Every <c>application/vnd.coursekit.check+json</c> output of <paramref name="notebook"/>. A malformed one is not
    /// skipped: it becomes a check with status "error" whose name says what was wrong.
    /// </summary>
    public static IReadOnlyList<CheckRecord> Collect(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var checks = new List<CheckRecord>();
        foreach (var cell in notebook.Cells.Where(c => c.IsCode))
        {
            foreach (var output in cell.Outputs)
            {
                string? json = NotebookOutputs.Data(output, KnownMimeTypes.CheckResult);
                if (json is not null) checks.Add(Parse(json, cell.Number));
            }
        }
        return checks;
    }

    /// <summary>Parses one check's JSON (object with name, status, points, max_points).</summary>
    public static CheckRecord Parse(string json, int cellNumber)
    {
        JsonObject? obj;
        try { obj = JsonNode.Parse(json) as JsonObject; }
        catch (JsonException e) { return Malformed(cellNumber, $"not JSON ({e.Message})"); }
        if (obj is null) return Malformed(cellNumber, "expected a JSON object");
        string? name = Text(obj, "name");
        string? status = Text(obj, "status");
        if (string.IsNullOrEmpty(name)) return Malformed(cellNumber, "missing 'name'", obj);
        if (status is null || !CheckRecord.Statuses.Contains(status))
            return Malformed(cellNumber, $"{name}: 'status' expected one of {string.Join(", ", CheckRecord.Statuses)}, actual {obj["status"]?.ToJsonString() ?? "missing"}", obj);
        return new CheckRecord(cellNumber, name, status, Number(obj, "points"), Number(obj, "max_points"), obj);
    }

    private static CheckRecord Malformed(int cell, string problem, JsonObject? obj = null) =>
        new(cell, $"malformed check output in cell {cell}: {problem}", "error", 0, 0, obj ?? []);

    private static string? Text(JsonObject obj, string key) => obj[key] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    private static double Number(JsonObject obj, string key) => obj[key] is JsonValue v && v.TryGetValue(out double d) ? d : 0;
}
