using System.Text;

namespace CourseKit.Interactive.Notebooks;

/// <summary>Writes notebooks in nbformat's style (or the layout they were read in), atomically.</summary>
public static class NotebookWriter
{
    /// <summary>The notebook's file text.</summary>
    public static string ToText(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        return NbJson.Write(notebook.Json, notebook.Formatting);
    }

    /// <summary>
    /// Writes <paramref name="notebook"/> to <paramref name="path"/> atomically: into a temporary file beside it, then
    /// renamed over the target, so a reader never sees half a notebook. Creates the folder when missing.
    /// </summary>
    public static void Write(Notebook notebook, string path)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = new UTF8Encoding(notebook.Formatting.ByteOrderMark).GetPreamble()
            .Concat(new UTF8Encoding(false).GetBytes(ToText(notebook))).ToArray();
        AtomicFile.Write(path, bytes);
    }
}
