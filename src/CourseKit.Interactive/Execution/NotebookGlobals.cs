using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CourseKit.Interactive.Display;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Execution;

/// <summary>
/// What every cell sees as globals: Polyglot's <c>display(x)</c> (which returns a <see cref="DisplayedValue"/> that
/// can be updated later, as in .NET Interactive) and IPython's <c>clear_output()</c>. One instance per notebook run; it
/// writes to the cell that is running.
/// </summary>
public sealed class NotebookGlobals
{
    private readonly ConcurrentDictionary<string, JsonObject> _displays = new(StringComparer.Ordinal);
    private volatile CellOutputCollector? _cell;

    internal CellOutputCollector? Cell
    {
        get => _cell;
        set => _cell = value;
    }

#pragma warning disable IDE1006 // Polyglot's and IPython's names: notebooks call display(x) under both engines.
    /// <summary>
    /// Shows <paramref name="value"/> under the cell (a <c>display_data</c> output): in every mime type its formatters
    /// write plus <c>text/plain</c>, or only as <paramref name="mimeType"/> when given (a string is then taken as that
    /// content, e.g. <c>display("&lt;b&gt;hi&lt;/b&gt;", "text/html")</c>).
    /// </summary>
    /// <returns>A handle whose <see cref="DisplayedValue.Update"/> replaces what this display shows.</returns>
    public DisplayedValue display(object? value, string? mimeType = null)
    {
        var cell = _cell ?? throw new InvalidOperationException("display(): no cell is running.");
        var output = NotebookOutputs.DisplayData(Bundle(value, mimeType).Entries);
        var shown = new DisplayedValue(this, Guid.NewGuid().ToString("N"), mimeType);
        _displays[shown.DisplayId] = output;
        cell.Add(output, shown.DisplayId);
        return shown;
    }

    /// <summary>Clears the running cell's outputs, now or (<paramref name="wait"/>) when its next output arrives (IPython's <c>clear_output</c>; CourseKit's engine only).</summary>
    public void clear_output(bool wait = false) =>
        (_cell ?? throw new InvalidOperationException("clear_output(): no cell is running.")).Clear(wait);
#pragma warning restore IDE1006

    internal void Update(DisplayedValue shown, object? value)
    {
        if (!_displays.TryGetValue(shown.DisplayId, out var output)) return;
        output["data"] = NotebookOutputs.DisplayData(Bundle(value, shown.MimeType).Entries)["data"]!.DeepClone();
        _cell?.Updated(output, shown.DisplayId);
    }

    private static MimeBundle Bundle(object? value, string? mimeType) =>
        mimeType is null ? DisplayFormatter.Format(value) : DisplayFormatter.Format(value, mimeType);
}

/// <summary>A value shown with <c>display(x)</c>: <see cref="Update"/> replaces what that output shows, wherever it is.</summary>
public sealed class DisplayedValue
{
    private readonly NotebookGlobals _owner;

    internal DisplayedValue(NotebookGlobals owner, string displayId, string? mimeType)
    {
        _owner = owner;
        DisplayId = displayId;
        MimeType = mimeType;
    }

    /// <summary>The Jupyter display id (<c>transient.display_id</c>) of the output.</summary>
    public string DisplayId { get; }

    /// <summary>The mime type the display was limited to, or null for every one.</summary>
    public string? MimeType { get; }

    /// <summary>Shows <paramref name="value"/> in place of what the display showed (Jupyter's <c>update_display_data</c>).</summary>
    public void Update(object? value) => _owner.Update(this, value);

    /// <summary>Says what this is when a cell ends with it (what is shown is the display itself).</summary>
    public override string ToString() => $"display {DisplayId}";
}
