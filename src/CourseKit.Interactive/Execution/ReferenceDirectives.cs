using System.Text.RegularExpressions;

namespace CourseKit.Interactive.Execution;

/// <summary>
/// Checks a cell's <c>#r "…"</c> directives before Roslyn sees them, for messages that say what to do: a NuGet
/// reference (no package feed at run time) and a file that is not there (naming the full path it was looked for at).
/// Existing files' folders are handed to <see cref="ReferenceProbe"/> so the assembly's dependencies beside it load.
/// </summary>
internal static partial class ReferenceDirectives
{
    /// <summary>Problems as compiler-style lines "(line,col): error CODE: message"; empty when every reference is fine.</summary>
    public static IReadOnlyList<string> Check(string code, string baseDirectory)
    {
        var problems = new List<string>();
        var lines = code.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var match = Directive().Match(lines[i]);
            if (!match.Success) continue;
            string target = match.Groups["target"].Value;
            int column = match.Groups["target"].Index; // the opening quote's 1-based column
            if (target.TrimStart().StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"({i + 1},{column}): error CK0001: #r \"{target}\": NuGet references are not supported: CourseKit " +
                    "runs notebooks without a package feed. Reference a built assembly instead, e.g. #r \"../artifacts/notebook-lib/CourseKit.Core.dll\".");
                continue;
            }
            if (!LooksLikePath(target)) continue; // an assembly name ("System.Net.Http"): Roslyn resolves it
            string fullPath = Path.GetFullPath(Path.Combine(baseDirectory, target));
            if (File.Exists(fullPath)) ReferenceProbe.AddFolder(Path.GetDirectoryName(fullPath)!);
            else problems.Add($"({i + 1},{column}): error CS0006: #r \"{target}\": file not found: {fullPath} " +
                $"(relative paths resolve against the notebook's folder {baseDirectory}; build the project that produces it first).");
        }
        return problems;
    }

    private static bool LooksLikePath(string target) =>
        target.Contains('/') || target.Contains('\\') || target.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || target.EndsWith(".exe", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^\\s*#r\\s+\"(?<target>[^\"]*)\"")]
    private static partial Regex Directive();
}
