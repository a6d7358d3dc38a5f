using System.Text;
using System.Text.Json.Nodes;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Execution;

/// <summary>
/// Gathers one cell's outputs in the order they happen: consecutive writes to the same stream merge into one
/// <c>stream</c> output, a display in between starts a new one. Thread-safe (a cell may write from tasks); once
/// <see cref="Seal"/> is called, late writes from abandoned work are dropped. Stream text past
/// <see cref="MaxStreamCharacters"/> is dropped with one note saying so, so a cell that prints without end cannot
/// exhaust the memory of the process or of the frontend. An <see cref="ICellOutputListener"/> hears every output as it
/// happens.
/// </summary>
internal sealed class CellOutputCollector(ICellOutputListener? listener = null, int maxStreamCharacters = CellOutputCollector.DefaultMaxStreamCharacters)
{
    /// <summary>The default limit on a cell's stdout and stderr together: 1,000,000 characters.</summary>
    public const int DefaultMaxStreamCharacters = 1_000_000;

    private readonly object _gate = new();
    private readonly List<JsonObject> _outputs = [];
    private readonly StringBuilder _pending = new();
    private string? _pendingStream;
    private long _streamCharacters;
    private bool _sealed, _truncated, _clearOnNextOutput;

    /// <summary>How many characters of stdout and stderr together the cell keeps.</summary>
    public int MaxStreamCharacters { get; } = maxStreamCharacters;

    public void AppendStream(string name, string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        lock (_gate)
        {
            if (_sealed || _truncated) return;
            long room = MaxStreamCharacters - _streamCharacters;
            if (text.Length > room)
            {
                text = text[..(int)Math.Max(room, 0)] +
                    $"\n… output truncated: the cell wrote more than {MaxStreamCharacters:N0} characters to stdout and stderr; the rest is not shown.\n";
                _truncated = true;
            }
            _streamCharacters += text.Length;
            ClearIfWaiting();
            if (_pendingStream != name) FlushPending();
            _pendingStream = name;
            _pending.Append(text);
            listener?.Stream(name, text);
        }
    }

    /// <summary>Adds a display_data / execute_result / error output; <paramref name="displayId"/> for displays that can be updated.</summary>
    public void Add(JsonObject output, string? displayId = null)
    {
        lock (_gate)
        {
            if (_sealed) return;
            ClearIfWaiting();
            FlushPending();
            _outputs.Add(output);
            listener?.Output(output, displayId);
        }
    }

    /// <summary>Tells the listener that the display <paramref name="displayId"/> (in this cell or an earlier one) changed.</summary>
    public void Updated(JsonObject output, string displayId)
    {
        lock (_gate)
        {
            if (!_sealed) listener?.Update(output, displayId);
        }
    }

    /// <summary>Removes the outputs so far, now or (<paramref name="wait"/>) when the next output arrives.</summary>
    public void Clear(bool wait)
    {
        lock (_gate)
        {
            if (_sealed) return;
            listener?.Clear(wait);
            if (wait) _clearOnNextOutput = true;
            else ClearNow();
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

    private void ClearIfWaiting()
    {
        if (!_clearOnNextOutput) return;
        _clearOnNextOutput = false;
        ClearNow();
    }

    private void ClearNow()
    {
        _outputs.Clear();
        _pending.Clear();
        _pendingStream = null;
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
