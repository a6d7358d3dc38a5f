using CourseKit.Interactive.Display;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Execution;

/// <summary>
/// What every cell sees as globals: Polyglot's <c>display(x)</c>. One instance per notebook run; it writes to the
/// cell that is running.
/// </summary>
public sealed class NotebookGlobals
{
    private volatile CellOutputCollector? _cell;

    internal CellOutputCollector? Cell
    {
        get => _cell;
        set => _cell = value;
    }

    /// <summary>
    /// Shows <paramref name="value"/> under the cell (a <c>display_data</c> output): in every mime type its formatters
    /// write plus <c>text/plain</c>, or only as <paramref name="mimeType"/> when given (a string is then taken as that
    /// content, e.g. <c>display("&lt;b&gt;hi&lt;/b&gt;", "text/html")</c>).
    /// </summary>
#pragma warning disable IDE1006 // Polyglot's name: notebooks call display(x) under both engines.
    public void display(object? value, string? mimeType = null)
#pragma warning restore IDE1006
    {
        var bundle = mimeType is null ? DisplayFormatter.Format(value) : DisplayFormatter.Format(value, mimeType);
        var cell = _cell ?? throw new InvalidOperationException("display(): no cell is running.");
        cell.Add(NotebookOutputs.DisplayData(bundle.Entries));
    }
}
