using System.Text.Json.Nodes;

namespace CourseKit.Interactive.Notebooks;

/// <summary>
/// A typed view of one cell of a <see cref="Notebook"/>. Reads and writes go straight to <see cref="Json"/>, so fields
/// this view does not know survive a round trip in their original order.
/// </summary>
public sealed class NotebookCell
{
    internal NotebookCell(JsonObject json, int index)
    {
        Json = json;
        Index = index;
    }

    /// <summary>The cell's JSON object as read (unknown fields included).</summary>
    public JsonObject Json { get; }

    /// <summary>The cell's 0-based position in the notebook.</summary>
    public int Index { get; }

    /// <summary>1-based position, as messages name the cell ("cell 3").</summary>
    public int Number => Index + 1;

    /// <summary><c>code</c>, <c>markdown</c> or <c>raw</c>.</summary>
    public string CellType => Json["cell_type"]?.GetValue<string>() ?? "";

    /// <summary>Whether this is a code cell.</summary>
    public bool IsCode => CellType == "code";

    /// <summary>The nbformat 4.5 cell id, or null when the cell has none.</summary>
    public string? Id
    {
        get => Json["id"] is JsonValue v && v.TryGetValue(out string? id) ? id : null;
        set => Json["id"] = value;
    }

    /// <summary>The cell's text; setting it keeps the form it was read in (one string, or a list of lines).</summary>
    public string Source
    {
        get => SourceLines.Join(Json["source"], $"cell {Number} 'source'");
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            Json["source"] = SourceLines.ToNode(value, Json["source"]);
        }
    }

    /// <summary>The cell's metadata object, or null when it has none.</summary>
    public JsonObject? Metadata => Json["metadata"] as JsonObject;

    /// <summary>The kernel named in the cell's Polyglot metadata, or null.</summary>
    public string? KernelName => PolyglotMetadata.KernelName(Metadata);

    /// <summary>A code cell's execution count (null when not run).</summary>
    public int? ExecutionCount
    {
        get => Json["execution_count"] is JsonValue v && v.TryGetValue(out int n) ? n : null;
        set => Json["execution_count"] = value;
    }

    /// <summary>A code cell's outputs (empty when it has none).</summary>
    public IReadOnlyList<JsonObject> Outputs =>
        Json["outputs"] is JsonArray outputs ? outputs.OfType<JsonObject>().ToList() : [];

    /// <summary>Replaces a code cell's outputs and execution count (what running the cell produced).</summary>
    public void SetResult(int? executionCount, IEnumerable<JsonObject> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (!IsCode) throw new InvalidOperationException($"cell {Number}: expected a code cell to hold outputs, actual cell_type '{CellType}'.");
        ExecutionCount = executionCount;
        Json["outputs"] = new JsonArray(outputs.Select(o => (JsonNode)o).ToArray());
    }
}
