using System.Text;
using System.Text.Json.Nodes;
using CourseKit.Interactive.Execution;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Kernel;

/// <summary>
/// Publishes a running cell's outputs on iopub as they happen: stream text is gathered for at most
/// <see cref="StreamInterval"/> (a cell printing in a loop sends a few messages a second, not one per write), and
/// flushed before any other output so the order is the cell's.
/// </summary>
internal sealed class IopubListener : ICellOutputListener, IDisposable
{
    /// <summary>How long stream text may wait before it is published.</summary>
    public static readonly TimeSpan StreamInterval = TimeSpan.FromMilliseconds(50);

    private readonly object _gate = new();
    private readonly Action<string, JsonObject> _publish;
    private readonly bool _silent;
    private readonly StringBuilder _text = new();
    private readonly Timer _timer;
    private string? _stream;

    /// <param name="publish">Publishes (message type, content) with the request as parent.</param>
    /// <param name="silent">The request asked for no execute_result (<c>silent</c>).</param>
    public IopubListener(Action<string, JsonObject> publish, bool silent)
    {
        _publish = publish;
        _silent = silent;
        _timer = new Timer(_ => Flush(), null, StreamInterval, StreamInterval);
    }

    public void Stream(string name, string text)
    {
        lock (_gate)
        {
            if (_stream != name) FlushLocked();
            _stream = name;
            _text.Append(text);
        }
    }

    public void Output(JsonObject output, string? displayId)
    {
        lock (_gate)
        {
            FlushLocked();
            string type = NotebookOutputs.OutputType(output);
            if (type == "execute_result" && _silent) return;
            var content = MessageContent(output);
            if (displayId is not null) content["transient"] = new JsonObject { ["display_id"] = displayId };
            _publish(type, content);
            StartupTrace.Mark($"iopub: {type} published");
        }
    }

    public void Update(JsonObject output, string displayId)
    {
        lock (_gate)
        {
            FlushLocked();
            _publish("update_display_data", new JsonObject
            {
                ["data"] = MessageData(output),
                ["metadata"] = output["metadata"]?.DeepClone() ?? new JsonObject(),
                ["transient"] = new JsonObject { ["display_id"] = displayId },
            });
        }
    }

    public void Clear(bool wait)
    {
        lock (_gate)
        {
            FlushLocked();
            _publish("clear_output", new JsonObject { ["wait"] = wait });
        }
    }

    /// <summary>An nbformat output as message content: no output_type, text mime types joined into one string.</summary>
    public static JsonObject MessageContent(JsonObject output)
    {
        var content = output.DeepClone().AsObject();
        content.Remove("output_type");
        if (content.ContainsKey("data")) content["data"] = MessageData(output);
        return content;
    }

    // nbformat stores text as a list of lines; messages carry one string (JSON mime types stay JSON).
    private static JsonObject MessageData(JsonObject output)
    {
        var data = new JsonObject();
        if (output["data"] is not JsonObject bundle) return data;
        foreach (var (mime, value) in bundle)
            data[mime] = NotebookOutputs.IsJsonMimeType(mime) ? value?.DeepClone() : NotebookOutputs.Data(output, mime);
        return data;
    }

    /// <summary>Publishes the stream text gathered so far.</summary>
    public void Flush()
    {
        lock (_gate) FlushLocked();
    }

    private void FlushLocked()
    {
        if (_stream is null || _text.Length == 0) return;
        _publish("stream", new JsonObject { ["name"] = _stream, ["text"] = _text.ToString() });
        _text.Clear();
        _stream = null;
    }

    /// <summary>Stops the timer and publishes what is left.</summary>
    public void Dispose()
    {
        _timer.Dispose();
        Flush();
    }
}
