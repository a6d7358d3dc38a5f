using System.Text.Json.Nodes;

namespace CourseKit.Interactive.Execution;

/// <summary>
/// Hears a cell's outputs as they happen, while it runs (the Jupyter kernel publishes them on iopub). Called on the
/// thread that wrote the output, under the collector's lock, so calls arrive in output order and never overlap.
/// </summary>
public interface ICellOutputListener
{
    /// <summary>Text written to <c>stdout</c> or <c>stderr</c>.</summary>
    void Stream(string name, string text);

    /// <summary>A <c>display_data</c> or <c>execute_result</c> output (nbformat shape); <paramref name="displayId"/> when it can be updated.</summary>
    void Output(JsonObject output, string? displayId);

    /// <summary>A display shown earlier under <paramref name="displayId"/> now holds <paramref name="output"/>'s data.</summary>
    void Update(JsonObject output, string displayId);

    /// <summary>The cell asked to clear its outputs (<paramref name="wait"/>: when the next output arrives).</summary>
    void Clear(bool wait);
}
