using System.Text.RegularExpressions;

namespace CourseKit.Interactive.Grading;

/// <summary>
/// Qualifies a check cell's calls to the library's checks (<c>Checks.Softmax.Run(…)</c>, <c>Check.For&lt;…&gt;(…)</c>)
/// with <c>global::CourseKit.Grading.</c> for grading. A learner's cell can declare its own <c>Checks</c> class, which
/// a script's later cells would bind to instead of the library's, and report any score it likes; a <c>global::</c>
/// name cannot be shadowed.
/// </summary>
public static partial class CheckQualifier
{
    /// <summary>The namespace of the library's checks.</summary>
    public const string Namespace = "global::CourseKit.Grading.";

    /// <summary><paramref name="source"/> with every unqualified <c>Checks.</c> and <c>Check.For</c> qualified.</summary>
    public static string Qualify(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Unqualified().Replace(source, m => Namespace + m.Value);
    }

    // Not after an identifier character, a dot or "::" (already qualified, or a member named like it).
    [GeneratedRegex(@"(?<![\w.:])(Checks\.|Check\.For\b)")]
    private static partial Regex Unqualified();
}
