using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Kernel;

/// <summary>
/// The kernel's input history, answered as IPython answers <c>history_request</c>: <c>tail</c> (the last n),
/// <c>range</c> (executions start ≤ n &lt; stop of a session) and <c>search</c> (a glob pattern, optionally unique).
/// Kept in memory for the kernel's life: session 1 is always this process.
/// </summary>
internal sealed class ExecutionHistory
{
    private const int SessionNumber = 1;
    private readonly object _gate = new();
    private readonly List<(int Line, string Input, string? Output)> _entries = [];

    public void Add(int line, string input, JsonObject? executeResult)
    {
        string? output = executeResult is null ? null : NotebookOutputs.Data(executeResult, "text/plain");
        lock (_gate) _entries.Add((line, input, output));
    }

    /// <summary>The history_reply content for <paramref name="request"/>.</summary>
    public JsonObject Reply(JsonObject request)
    {
        bool output = Flag(request, "output");
        List<(int Line, string Input, string? Output)> selected;
        lock (_gate) selected = Select(request, _entries.ToList());
        var items = new JsonArray();
        foreach (var e in selected)
            items.Add(new JsonArray(SessionNumber, e.Line, output ? new JsonArray(e.Input, e.Output) : JsonValue.Create(e.Input)));
        return new JsonObject { ["status"] = "ok", ["history"] = items };
    }

    private static List<(int Line, string Input, string? Output)> Select(JsonObject request, List<(int Line, string Input, string? Output)> all)
    {
        string type = Text(request, "hist_access_type") ?? "tail";
        int? n = Number(request, "n");
        switch (type)
        {
            case "range":
                int session = Number(request, "session") ?? SessionNumber;
                int start = Number(request, "start") ?? 0, stop = Number(request, "stop") ?? int.MaxValue;
                return session is SessionNumber or 0 or -1 ? all.Where(e => e.Line >= start && e.Line < stop).ToList() : [];
            case "search":
                var glob = new Regex("^" + Regex.Escape(Text(request, "pattern") ?? "*").Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.Singleline);
                var found = all.Where(e => glob.IsMatch(e.Input)).ToList();
                if (Flag(request, "unique")) found = found.GroupBy(e => e.Input).Select(g => g.Last()).OrderBy(e => e.Line).ToList();
                return n is { } searchCount ? found.TakeLast(searchCount).ToList() : found;
            default:
                return all.TakeLast(n ?? 10).ToList();
        }
    }

    private static bool Flag(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue(out bool b) && b;
    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
    private static int? Number(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue(out int i) ? i : null;
}
