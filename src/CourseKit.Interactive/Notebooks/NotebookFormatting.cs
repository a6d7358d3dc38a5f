namespace CourseKit.Interactive.Notebooks;

/// <summary>
/// How a notebook file was laid out, so that writing it back changes nothing that was not touched: nbformat and
/// VS Code write 1-space indentation, LF line breaks and a final line break.
/// </summary>
/// <param name="IndentSize">Spaces per nesting level (nbformat: 1).</param>
/// <param name="NewLine">The line break, <c>"\n"</c> or <c>"\r\n"</c>.</param>
/// <param name="FinalNewLine">Whether the file ends with a line break.</param>
/// <param name="ByteOrderMark">Whether the file starts with a UTF-8 byte order mark.</param>
public sealed record NotebookFormatting(int IndentSize, string NewLine, bool FinalNewLine, bool ByteOrderMark)
{
    /// <summary>nbformat's own style: 1-space indent, LF, final line break, no byte order mark.</summary>
    public static NotebookFormatting Nbformat { get; } = new(1, "\n", true, false);

    /// <summary>Effectively detects the layout of <paramref name="text"/>; falls back to <see cref="Nbformat"/>'s indent.</summary>
    internal static NotebookFormatting Detect(string text, bool byteOrderMark)
    {
        int firstBreak = text.IndexOf('\n');
        string newLine = firstBreak > 0 && text[firstBreak - 1] == '\r' ? "\r\n" : "\n";
        int indent = 1;
        if (firstBreak >= 0)
        {
            int spaces = 0;
            while (firstBreak + 1 + spaces < text.Length && text[firstBreak + 1 + spaces] == ' ') spaces++;
            if (spaces > 0) indent = spaces;
        }
        return new NotebookFormatting(indent, newLine, text.EndsWith('\n'), byteOrderMark);
    }
}
