using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Interactive.Notebooks;

/// <summary>Builds and reads Jupyter output objects (keys in nbformat's sorted order).</summary>
public static class NotebookOutputs
{
    /// <summary>A <c>stream</c> output: <paramref name="name"/> is <c>stdout</c> or <c>stderr</c>.</summary>
    public static JsonObject Stream(string name, string text)
    {
        if (name is not ("stdout" or "stderr"))
            throw new ArgumentOutOfRangeException(nameof(name), name, "expected \"stdout\" or \"stderr\".");
        return new JsonObject { ["name"] = name, ["output_type"] = "stream", ["text"] = SourceLines.Split(text) };
    }

    /// <summary>A <c>display_data</c> output holding <paramref name="data"/> (mime type → content).</summary>
    public static JsonObject DisplayData(IEnumerable<KeyValuePair<string, string>> data) => new()
    {
        ["data"] = DataBundle(data),
        ["metadata"] = new JsonObject(),
        ["output_type"] = "display_data",
    };

    /// <summary>An <c>execute_result</c> output: a cell's trailing expression, with the cell's execution count.</summary>
    public static JsonObject ExecuteResult(IEnumerable<KeyValuePair<string, string>> data, int executionCount) => new()
    {
        ["data"] = DataBundle(data),
        ["execution_count"] = executionCount,
        ["metadata"] = new JsonObject(),
        ["output_type"] = "execute_result",
    };

    /// <summary>An <c>error</c> output.</summary>
    public static JsonObject Error(string ename, string evalue, IEnumerable<string> traceback) => new()
    {
        ["ename"] = ename,
        ["evalue"] = evalue,
        ["output_type"] = "error",
        ["traceback"] = new JsonArray(traceback.Select(line => (JsonNode?)JsonValue.Create(line)).ToArray()),
    };

    /// <summary>The output's <c>output_type</c> ("stream", "display_data", "execute_result", "error"), or "".</summary>
    public static string OutputType(JsonObject output) =>
        output["output_type"] is JsonValue v && v.TryGetValue(out string? type) ? type : "";

    /// <summary>The content for <paramref name="mimeType"/> in a display_data / execute_result output, or null.</summary>
    /// <remarks>Text comes back joined; JSON mime types come back as JSON text.</remarks>
    public static string? Data(JsonObject output, string mimeType) => (output["data"] as JsonObject)?[mimeType] switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonArray lines when lines.All(l => l is JsonValue lv && lv.TryGetValue(out string? _)) => SourceLines.Join(lines, mimeType),
        var json => json.ToJsonString(),
    };

    /// <summary>Whether nbformat stores this mime type's content as JSON rather than text (<c>application/json</c>, <c>…+json</c>).</summary>
    public static bool IsJsonMimeType(string mimeType) =>
        mimeType.StartsWith("application/", StringComparison.Ordinal) &&
        (mimeType == "application/json" || mimeType.EndsWith("+json", StringComparison.Ordinal));

    private static JsonObject DataBundle(IEnumerable<KeyValuePair<string, string>> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var bundle = new JsonObject();
        foreach (var (mime, content) in data.OrderBy(p => p.Key, StringComparer.Ordinal))
            bundle[mime] = IsJsonMimeType(mime) ? ParseJsonOrText(content) : SourceLines.Split(content);
        return bundle;
    }

    private static JsonNode? ParseJsonOrText(string content)
    {
        try { return JsonNode.Parse(content); }
        catch (JsonException) { return JsonValue.Create(content); }
    }
}
