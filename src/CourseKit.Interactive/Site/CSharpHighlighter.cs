using System.Text;
using System.Text.RegularExpressions;

namespace CourseKit.Interactive.Site;

/// <summary>
/// Light syntax highlighting for C# cells at build time (no script needed): comments, strings, characters, numbers,
/// keywords and <c>#r</c> directives become <c>&lt;span class="tok-…"&gt;</c>; everything is HTML-escaped.
/// </summary>
internal static partial class CSharpHighlighter
{
    [GeneratedRegex("""
        (?<comment>//[^\n]*|/\*[\s\S]*?\*/)
        |(?<directive>^[ \t]*\#[a-z!][^\n]*)
        |(?<string>\$?@?"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)')
        |(?<number>\b\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?[fFdDmMlLuU]*\b)
        |(?<keyword>\b(?:abstract|as|base|bool|break|byte|case|catch|char|checked|class|const|continue|decimal|default|delegate|do|double|else|enum|event|explicit|extern|false|finally|fixed|float|for|foreach|goto|if|implicit|in|init|int|interface|internal|is|lock|long|namespace|new|null|object|operator|out|override|params|private|protected|public|readonly|record|ref|return|sbyte|sealed|short|sizeof|stackalloc|static|string|struct|switch|this|throw|true|try|typeof|uint|ulong|unchecked|unsafe|ushort|using|var|virtual|void|volatile|while|yield|await|async|when|with|nameof)\b)
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.Multiline)]
    private static partial Regex Token();

    private static readonly string[] Kinds = ["comment", "directive", "string", "number", "keyword"];

    /// <summary><paramref name="code"/> as escaped HTML with highlighting spans.</summary>
    public static string ToHtml(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var sb = new StringBuilder(code.Length * 2);
        int at = 0;
        foreach (Match m in Token().Matches(code))
        {
            sb.Append(HtmlText.Escape(code[at..m.Index]));
            string kind = Kinds.First(k => m.Groups[k].Success);
            sb.Append("<span class=\"tok-").Append(kind).Append("\">").Append(HtmlText.Escape(m.Value)).Append("</span>");
            at = m.Index + m.Length;
        }
        return sb.Append(HtmlText.Escape(code[at..])).ToString();
    }
}
