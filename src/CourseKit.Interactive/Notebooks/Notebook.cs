using System.Text.Json.Nodes;

namespace CourseKit.Interactive.Notebooks;

/// <summary>
/// A Jupyter notebook (nbformat 4) as JSON nodes with a typed view on top: what CourseKit reads and changes is typed,
/// everything else stays in <see cref="Json"/> untouched, in its original key order, for a byte-identical write-back.
/// </summary>
/// <remarks>Read with <see cref="NotebookReader"/>, write with <see cref="NotebookWriter"/>.</remarks>
public sealed class Notebook
{
    internal Notebook(JsonObject json, NotebookFormatting formatting, string? path)
    {
        Json = json;
        Formatting = formatting;
        Path = path;
    }

    /// <summary>The notebook's JSON object.</summary>
    public JsonObject Json { get; }

    /// <summary>How the file was laid out (indent, line breaks); writing uses the same.</summary>
    public NotebookFormatting Formatting { get; }

    /// <summary>The full path the notebook was read from, or null for one built in memory.</summary>
    public string? Path { get; }

    /// <summary>The file name without extension ("07-softmax-regression"), or "notebook" for one built in memory.</summary>
    public string Name => Path is null ? "notebook" : System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>nbformat's major version (4).</summary>
    public int FormatMajor => Json["nbformat"]!.GetValue<int>();

    /// <summary>nbformat's minor version (5 once cells carry ids).</summary>
    public int FormatMinor
    {
        get => Json["nbformat_minor"] is JsonValue v && v.TryGetValue(out int minor) ? minor : 0;
        set => Json["nbformat_minor"] = value;
    }

    /// <summary>The notebook metadata object (kernelspec, language_info, polyglot_notebook …).</summary>
    public JsonObject Metadata => Json["metadata"] as JsonObject ?? throw new InvalidDataException($"{Name}: notebook has no 'metadata' object.");

    /// <summary>The cells, in order (a fresh view of <see cref="Json"/>'s <c>cells</c> on each call).</summary>
    public IReadOnlyList<NotebookCell> Cells =>
        CellArray.Select((node, i) => new NotebookCell(node!.AsObject(), i)).ToList();

    /// <summary>The notebook's default kernel from its Polyglot metadata, or null.</summary>
    public string? DefaultKernelName => PolyglotMetadata.DefaultKernelName(Json["metadata"] as JsonObject);

    private JsonArray CellArray => Json["cells"] as JsonArray ?? throw new InvalidDataException($"{Name}: notebook has no 'cells' list.");

    /// <summary>A new, empty nbformat 4.5 notebook with Polyglot metadata (C# the default kernel).</summary>
    /// <param name="path">Where it will live (relative <c>#r</c> paths resolve against its folder); null for none.</param>
    public static Notebook CreatePolyglot(string? path = null)
    {
        var json = new JsonObject
        {
            ["cells"] = new JsonArray(),
            ["metadata"] = PolyglotMetadata.NotebookMetadata(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return new Notebook(json, NotebookFormatting.Nbformat, path is null ? null : System.IO.Path.GetFullPath(path));
    }

    /// <summary>Appends a C# code cell (Polyglot metadata, no outputs) and returns it.</summary>
    public NotebookCell AddCodeCell(string source) => Add(new JsonObject
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["id"] = null,
        ["metadata"] = PolyglotMetadata.CodeCellMetadata(),
        ["outputs"] = new JsonArray(),
        ["source"] = SourceLines.Split(source ?? throw new ArgumentNullException(nameof(source))),
    });

    /// <summary>Appends a markdown cell and returns it.</summary>
    public NotebookCell AddMarkdownCell(string source) => Add(new JsonObject
    {
        ["cell_type"] = "markdown",
        ["id"] = null,
        ["metadata"] = new JsonObject(),
        ["source"] = SourceLines.Split(source ?? throw new ArgumentNullException(nameof(source))),
    });

    /// <summary>Gives every cell a unique valid id (see <see cref="CellIds.Ensure"/>); returns how many got a new one.</summary>
    public int EnsureCellIds() => CellIds.Ensure(this);

    // Keys in nbformat's sorted order; the null id is replaced by a generated one in place.
    private NotebookCell Add(JsonObject cell)
    {
        var cells = CellArray;
        cells.Add(cell);
        CellIds.Ensure(this);
        return new NotebookCell(cell, cells.Count - 1);
    }
}
