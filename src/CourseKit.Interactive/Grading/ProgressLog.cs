using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Interactive.Grading;

/// <summary>
/// The grading child's journal: one JSON object per line, appended and flushed to disk as each event happens, so that
/// when the process dies (stack overflow, out of memory, killed past its time limit) the parent still knows which
/// cells finished, what their checks reported, and which cell was running.
/// </summary>
/// <remarks>
/// Events (<c>event</c> field): <c>prepared</c> (<c>cells</c>: number, id, role, exercise; <c>notes</c>),
/// <c>start</c> (<c>cell</c>), <c>finish</c> (<c>cell</c>, <c>status</c>, <c>error</c>, <c>check</c>: the check JSON),
/// <c>rejected</c> (<c>kind</c>: not_notebook | empty, <c>reason</c>), and <c>done</c> (the run reached its end).
/// </remarks>
public sealed class ProgressLog : IDisposable
{
    private readonly FileStream _stream;

    private ProgressLog(string path) =>
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1);

    /// <summary>Creates (or truncates) the journal at <paramref name="path"/>.</summary>
    public static ProgressLog Create(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new ProgressLog(path);
    }

    /// <summary>Appends one event and flushes it to disk before returning.</summary>
    public void Write(JsonObject entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        byte[] line = Encoding.UTF8.GetBytes(entry.ToJsonString() + "\n");
        _stream.Write(line);
        _stream.Flush(); // to the OS: enough to outlive the process; a machine crash loses the batch anyway
    }

    /// <summary>Reads every complete event of the journal at <paramref name="path"/>; a torn last line is ignored.</summary>
    public static IReadOnlyList<JsonObject> Read(string path)
    {
        if (!File.Exists(path)) return [];
        var events = new List<JsonObject>();
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        while (reader.ReadLine() is { } line)
        {
            try { if (JsonNode.Parse(line) is JsonObject entry) events.Add(entry); }
            catch (JsonException) { break; }
        }
        return events;
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
