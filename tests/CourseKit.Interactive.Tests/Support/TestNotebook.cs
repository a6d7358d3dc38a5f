using CourseKit.Interactive.Execution;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Tests.Support;

/// <summary>Builds a Polyglot notebook from cell sources, runs it, and writes the executed copy for schema validation.</summary>
internal static class TestNotebook
{
    /// <summary>Markdown cells are given as "md:" + text; everything else is a C# code cell.</summary>
    public static Notebook Create(string folder, string name, params string[] cells)
    {
        var notebook = Notebook.CreatePolyglot(Path.Combine(folder, name + ".ipynb"));
        foreach (string cell in cells)
        {
            if (cell.StartsWith("md:", StringComparison.Ordinal)) notebook.AddMarkdownCell(cell[3..]);
            else notebook.AddCodeCell(cell);
        }
        return notebook;
    }

    /// <summary>Runs cells as a notebook in artifacts/test-notebooks/<paramref name="test"/>/ and writes the result there.</summary>
    public static NotebookRunResult Run(string test, params string[] cells) => Run(test, new NotebookRunOptions(), cells);

    /// <summary>Same, with options.</summary>
    public static NotebookRunResult Run(string test, NotebookRunOptions options, params string[] cells)
    {
        var notebook = Create(Repo.NotebookFolder(test), test, cells);
        var result = new NotebookRunner(options).Run(notebook);
        NotebookWriter.Write(result.Notebook, result.Notebook.Path!);
        return result;
    }

    /// <summary>The joined text of a cell's outputs of <paramref name="outputType"/> (stream text, or text/plain of data).</summary>
    public static string Text(CellRunResult cell, string outputType) => string.Concat(cell.Outputs
        .Where(o => NotebookOutputs.OutputType(o) == outputType)
        .Select(o => outputType switch
        {
            "stream" => SourceText(o["text"]),
            "error" => string.Join("\n", o["traceback"]!.AsArray().Select(l => l!.GetValue<string>())),
            _ => NotebookOutputs.Data(o, "text/plain") ?? "",
        }));

    private static string SourceText(System.Text.Json.Nodes.JsonNode? node) =>
        node is System.Text.Json.Nodes.JsonArray a ? string.Concat(a.Select(l => l!.GetValue<string>())) : node?.GetValue<string>() ?? "";
}
