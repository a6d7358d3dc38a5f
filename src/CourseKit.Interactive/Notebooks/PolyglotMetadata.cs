using System.Text.Json.Nodes;

namespace CourseKit.Interactive.Notebooks;

/// <summary>
/// Notebook metadata: the kernelspec of CourseKit's own kernel (<c>coursekit</c>, which VS Code's Jupyter extension,
/// JupyterLab and Codespaces then start without asking), and the metadata VS Code's Polyglot Notebooks extension writes,
/// so the notebooks still open there as C# notebooks (see docs/kernels.md).
/// </summary>
public static class PolyglotMetadata
{
    /// <summary>The C# kernel's name in Polyglot metadata.</summary>
    public const string CSharpKernel = "csharp";

    /// <summary>Notebook metadata: kernelspec (CourseKit's kernel), language_info and the Polyglot kernel list (C# the default).</summary>
    public static JsonObject NotebookMetadata() => new()
    {
        ["kernelspec"] = new JsonObject { ["display_name"] = "C# (CourseKit)", ["language"] = "C#", ["name"] = "coursekit" },
        ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
        ["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = CSharpKernel,
                ["items"] = new JsonArray(
                    new JsonObject { ["aliases"] = new JsonArray(), ["languageName"] = "C#", ["name"] = CSharpKernel }),
            },
        },
    };

    /// <summary>A code cell's metadata naming its kernel (both the Polyglot and the older .NET Interactive keys).</summary>
    public static JsonObject CodeCellMetadata(string kernelName = CSharpKernel) => new()
    {
        ["dotnet_interactive"] = new JsonObject { ["language"] = kernelName },
        ["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernelName },
    };

    /// <summary>The cell's kernel from its metadata (<c>polyglot_notebook.kernelName</c>, else <c>dotnet_interactive.language</c>), or null.</summary>
    public static string? KernelName(JsonObject? cellMetadata) =>
        StringAt(cellMetadata?["polyglot_notebook"], "kernelName") ?? StringAt(cellMetadata?["dotnet_interactive"], "language");

    /// <summary>The notebook's default kernel (<c>polyglot_notebook.kernelInfo.defaultKernelName</c>), or null.</summary>
    public static string? DefaultKernelName(JsonObject? notebookMetadata) =>
        StringAt(notebookMetadata?["polyglot_notebook"]?["kernelInfo"], "defaultKernelName");

    private static string? StringAt(JsonNode? node, string key) =>
        node is JsonObject o && o[key] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
}
