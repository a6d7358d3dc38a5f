using System.Reflection;
using System.Text.Json.Nodes;
using CourseKit.Interactive.Execution;

namespace CourseKit.Interactive.Kernel;

/// <summary>
/// The shell requests answered from what the kernel knows without running code: kernel_info, complete, inspect,
/// is_complete, history and comm_info. Returns null for a message type it does not answer.
/// </summary>
internal sealed class KernelReplies(Lazy<CellSession> cells, ExecutionHistory history)
{
    private readonly CodeIntelligence _code = new(cells);

    public JsonObject? Answer(JupyterMessage request) => request.Type switch
    {
        "kernel_info_request" => KernelInfo(),
        "complete_request" => _code.Complete(Text(request, "code"), Number(request, "cursor_pos")),
        "inspect_request" => _code.Inspect(Text(request, "code"), Number(request, "cursor_pos"), Number(request, "detail_level") ?? 0),
        "is_complete_request" => CodeIntelligence.IsComplete(Text(request, "code")),
        "history_request" => history.Reply(request.Content),
        "comm_info_request" => new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() },
        _ => null,
    };

    /// <summary>kernel_info_reply: protocol 5.3, C# as the language.</summary>
    public static JsonObject KernelInfo()
    {
        string version = typeof(KernelReplies).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        return new JsonObject
        {
            ["status"] = "ok",
            ["protocol_version"] = JupyterMessage.ProtocolVersion,
            ["implementation"] = "coursekit",
            ["implementation_version"] = version.Split('+')[0],
            ["language_info"] = new JsonObject
            {
                ["name"] = LanguageName,
                ["version"] = "14.0",
                ["mimetype"] = "text/x-csharp",
                ["file_extension"] = ".cs",
                ["pygments_lexer"] = "csharp",
                ["codemirror_mode"] = "text/x-csharp",
            },
            ["banner"] = $"CourseKit {version.Split('+')[0]}: C# cells on Roslyn scripting, the engine of coursekit run and the grader (.NET {Environment.Version})",
            ["help_links"] = new JsonArray(new JsonObject { ["text"] = "C# documentation", ["url"] = "https://learn.microsoft.com/dotnet/csharp/" }),
        };
    }

    /// <summary>The language name in kernel_info and the kernelspec (the one .NET Interactive's C# kernel uses too).</summary>
    public const string LanguageName = "C#";

    private static string Text(JupyterMessage m, string name) => m.Content[name] is JsonValue v && v.TryGetValue(out string? s) ? s : "";

    private static int? Number(JupyterMessage m, string name) => m.Content[name] is JsonValue v && v.TryGetValue(out int i) ? i : null;
}
