using System.Text;
using System.Text.RegularExpressions;

namespace CourseKit.Interactive.Site;

/// <summary>
/// Rewrites LaTeX's <c>\( … \)</c> and <c>\[ … \]</c> as <c>$ … $</c> and <c>$$ … $$</c> before the markdown is parsed:
/// markdown reads <c>\(</c> as an escaped parenthesis and would drop the backslash, while Markdig's mathematics
/// extension keeps <c>$</c>-delimited math intact. Code (fenced blocks and backtick spans) is left as it is.
/// </summary>
internal static partial class MathDelimiters
{
    [GeneratedRegex(@"(`+)[\s\S]*?\1|\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]")]
    private static partial Regex Token();

    [GeneratedRegex(@"^ {0,3}(```|~~~)")]
    private static partial Regex Fence();

    /// <summary><paramref name="markdown"/> with <c>\(…\)</c> and <c>\[…\]</c> outside code turned into dollar math.</summary>
    public static string Normalize(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (!markdown.Contains("\\(", StringComparison.Ordinal) && !markdown.Contains("\\[", StringComparison.Ordinal)) return markdown;
        var output = new StringBuilder(markdown.Length);
        var prose = new StringBuilder();
        string? fence = null;
        foreach (string line in markdown.Split('\n'))
        {
            var fenceMatch = Fence().Match(line);
            if (fence is null && fenceMatch.Success) { Flush(prose, output); fence = fenceMatch.Groups[1].Value; }
            else if (fence is not null && fenceMatch.Success && fenceMatch.Groups[1].Value == fence) { output.Append(line).Append('\n'); fence = null; continue; }
            (fence is null ? prose : output).Append(line).Append('\n');
        }
        Flush(prose, output);
        return output.ToString(0, output.Length - 1); // the split added one '\n' too many
    }

    private static void Flush(StringBuilder prose, StringBuilder output)
    {
        output.Append(Token().Replace(prose.ToString(), m =>
            m.Groups[2].Success ? $"${m.Groups[2].Value.Trim()}$"
            : m.Groups[3].Success ? $"$${m.Groups[3].Value}$$"
            : m.Value));
        prose.Clear();
    }
}
