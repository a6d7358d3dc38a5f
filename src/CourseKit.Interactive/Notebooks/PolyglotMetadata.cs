using System.Text.Json.Nodes;

namespace CourseKit.Interactive.Notebooks;

/// <summary>The metadata VS Code's Polyglot Notebooks extension writes, so our notebooks open there as C# notebooks.</summary>
public static class PolyglotMetadata
{
    /// <summary>The C# kernel's name in Polyglot metadata.</summary>
    public const string CSharpKernel = "csharp";

    /// <summary>Notebook metadata: kernelspec, language_info and the Polyglot kernel list (C# the default).</summary>
    public static JsonObject NotebookMetadata() => new()
    {
        ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
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
