using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Interactive.Notebooks;

/// <summary>Reads nbformat 4 notebooks; anything else is an <see cref="InvalidDataException"/> naming the file and the problem.</summary>
public static class NotebookReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the notebook at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not UTF-8 JSON, or not an nbformat 4 notebook.</exception>
    public static Notebook Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath)) throw new FileNotFoundException($"{path}: no such notebook file.", fullPath);
        var bytes = File.ReadAllBytes(fullPath);
        bool bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);
        string text;
        try { text = StrictUtf8.GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0)); }
        catch (DecoderFallbackException e) { throw new InvalidDataException($"{path}: not a notebook: the file is not UTF-8 text ({e.Message})", e); }
        return Parse(text, fullPath, bom);
    }

    /// <summary>Parses notebook JSON; <paramref name="path"/> names it in messages and anchors relative <c>#r</c> paths.</summary>
    public static Notebook Parse(string json, string? path = null) => Parse(json, path is null ? null : System.IO.Path.GetFullPath(path), false);

    private static Notebook Parse(string json, string? fullPath, bool bom)
    {
        ArgumentNullException.ThrowIfNull(json);
        string name = fullPath ?? "notebook";
        JsonElement root;
        try
        {
            // JsonDocument checks duplicate keys while parsing (JsonNode.Parse would not); the nodes keep the elements,
            // so values come back written as they were read.
            var options = new JsonDocumentOptions { AllowTrailingCommas = false, AllowDuplicateProperties = false, MaxDepth = 256 };
            using var document = JsonDocument.Parse(json, options);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is long line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
            throw new InvalidDataException($"{name}: not a notebook: invalid JSON{where}: {e.Message}", e);
        }
        if (root.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{name}: not a notebook: expected a JSON object, actual {root.ValueKind}.");
        var notebook = JsonObject.Create(root)!;
        Validate(notebook, name);
        return new Notebook(notebook, NotebookFormatting.Detect(json, bom), fullPath);
    }

    private static void Validate(JsonObject notebook, string name)
    {
        int major = notebook["nbformat"] is JsonValue v && v.TryGetValue(out int m) ? m : -1;
        if (major != 4)
            throw new InvalidDataException($"{name}: not an nbformat 4 notebook: 'nbformat' expected 4, actual {notebook["nbformat"]?.ToJsonString() ?? "missing"}.");
        if (notebook["nbformat_minor"] is not JsonValue minor || !minor.TryGetValue(out int _))
            throw new InvalidDataException($"{name}: not an nbformat 4 notebook: 'nbformat_minor' expected an integer, actual {notebook["nbformat_minor"]?.ToJsonString() ?? "missing"}.");
        if (notebook["metadata"] is not JsonObject)
            throw new InvalidDataException($"{name}: not an nbformat 4 notebook: 'metadata' expected an object, actual {notebook["metadata"]?.ToJsonString() ?? "missing"}.");
        if (notebook["cells"] is not JsonArray cells)
            throw new InvalidDataException($"{name}: not an nbformat 4 notebook: 'cells' expected a list, actual {notebook["cells"]?.ToJsonString() ?? "missing"}.");
        for (int i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell)
                throw new InvalidDataException($"{name}: cell {i + 1}: expected an object, actual {cells[i]?.ToJsonString() ?? "null"}.");
            if (cell["cell_type"] is not JsonValue t || !t.TryGetValue(out string? type) || type is not ("code" or "markdown" or "raw"))
                throw new InvalidDataException($"{name}: cell {i + 1}: 'cell_type' expected \"code\", \"markdown\" or \"raw\", actual {cell["cell_type"]?.ToJsonString() ?? "missing"}.");
            try { SourceLines.Join(cell["source"], "source"); }
            catch (InvalidDataException e) { throw new InvalidDataException($"{name}: cell {i + 1}: {e.Message}", e); }
        }
    }
}
