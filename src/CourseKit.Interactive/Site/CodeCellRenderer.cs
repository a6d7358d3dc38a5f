using System.Text;
using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Release;

namespace CourseKit.Interactive.Site;

/// <summary>
/// A code cell as HTML: its source (escaped, highlighted when C#) and its outputs. An exercise's solution is folded
/// away under a "Show a solution" summary, so a reader can try first; solution markers and instructor-only
/// (<c>HIDDEN</c>) regions do not appear.
/// </summary>
internal static class CodeCellRenderer
{
    /// <summary>The cell's HTML; <paramref name="language"/> is "csharp" or the cell's other language.</summary>
    public static string ToHtml(NotebookCell cell, string source, string language)
    {
        string shown = ForReaders(source);
        var sb = new StringBuilder();
        sb.Append("<div class=\"cell code\" id=\"cell-").Append(cell.Number).Append("\">\n");
        if (shown.Trim().Length > 0)
        {
            string code = language == "csharp" ? CSharpHighlighter.ToHtml(shown) : HtmlText.Escape(shown);
            string block = $"<pre class=\"source\"><code class=\"language-{HtmlText.Escape(language)}\">{code}</code></pre>";
            if (SolutionRegions.ExerciseNumber(source) is not null)
            {
                string header = shown.Split('\n')[0].Trim().TrimStart('/').Trim();
                sb.Append("<details class=\"solution\"><summary><span class=\"exercise\">").Append(HtmlText.Escape(header))
                  .Append("</span> <span class=\"reveal\">show a solution</span></summary>\n").Append(block).Append("\n</details>\n");
            }
            else
            {
                sb.Append(block).Append('\n');
            }
        }
        string outputs = OutputRenderer.ToHtml(cell.Outputs);
        if (outputs.Length > 0) sb.Append(outputs).Append('\n');
        return sb.Append("</div>").ToString();
    }

    /// <summary>The source without <c>SOLUTION</c> markers and without <c>HIDDEN</c> regions, trailing blank lines dropped.</summary>
    public static string ForReaders(string source)
    {
        var lines = new List<string>();
        bool hidden = false;
        foreach (string line in source.Replace("\r\n", "\n").Split('\n'))
        {
            string marker = line.Trim();
            if (IsMarker(marker, "HIDDEN", out bool begin)) { hidden = begin; continue; }
            if (IsMarker(marker, "SOLUTION", out _) || hidden) continue;
            lines.Add(line);
        }
        return string.Join('\n', lines).TrimEnd();
    }

    private static bool IsMarker(string line, string kind, out bool begin)
    {
        begin = false;
        if (!line.StartsWith("//", StringComparison.Ordinal)) return false;
        string[] words = line[2..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 2 || words[1] != kind || words[0] is not ("BEGIN" or "END")) return false;
        begin = words[0] == "BEGIN";
        return true;
    }
}
