using System.Text;
using System.Text.Json.Nodes;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Execution;

/// <summary>
/// Gathers one cell's outputs in the order they happen: consecutive writes to the same stream merge into one
/// <c>stream</c> output, a display in between starts a new one. Thread-safe (a cell may write from tasks); once
/// <see cref="Seal"/> is called, late writes from abandoned work are dropped.
/// </summary>
internal sealed class CellOutputCollector
{
    private readonly object _gate = new();
    private readonly List<JsonObject> _outputs = [];
    private readonly StringBuilder _pending = new();
    private string? _pendingStream;
    private bool _sealed;

    public void AppendStream(string name, string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        lock (_gate)
        {
            if (_sealed) return;
            if (_pendingStream != name) FlushPending();
            _pendingStream = name;
            _pending.Append(text);
        }
    }

    public void Add(JsonObject output)
    {
        lock (_gate)
        {
            if (_sealed) return;
            FlushPending();
            _outputs.Add(output);
        }
    }

    /// <summary>Stops collecting and returns the outputs.</summary>
    public IReadOnlyList<JsonObject> Seal()
    {
        lock (_gate)
        {
            if (!_sealed) FlushPending();
            _sealed = true;
            return _outputs.ToList();
        }
    }

    private void FlushPending()
    {
        if (_pendingStream is not null && _pending.Length > 0)
            _outputs.Add(NotebookOutputs.Stream(_pendingStream, _pending.ToString()));
        _pending.Clear();
        _pendingStream = null;
    }

    /// <summary>A writer that appends to this collector's <paramref name="stream"/> ("stdout" or "stderr").</summary>
    public TextWriter Writer(string stream) => new CollectorWriter(this, stream);

    private sealed class CollectorWriter(CellOutputCollector owner, string stream) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;
        public override void Write(char value) => owner.AppendStream(stream, value.ToString());
        public override void Write(string? value) => owner.AppendStream(stream, value);
        public override void Write(char[] buffer, int index, int count) => owner.AppendStream(stream, new string(buffer, index, count));
    }
}
