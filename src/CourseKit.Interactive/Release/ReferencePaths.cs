using System.Text.RegularExpressions;

namespace CourseKit.Interactive.Release;

/// <summary>Rebases <c>#r "relative/path.dll"</c> lines when a notebook moves to another folder, so the reference still resolves.</summary>
internal static partial class ReferencePaths
{
    [GeneratedRegex(@"^(\s*#r\s+"")([^""]+)("".*)$")]
    private static partial Regex Reference();

    public static string Rebase(string source, string fromFolder, string toFolder)
    {
        var lines = source.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var m = Reference().Match(lines[i]);
            if (!m.Success) continue;
            string path = m.Groups[2].Value;
            if (path.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase) || Path.IsPathRooted(path)) continue;
            string absolute = Path.GetFullPath(Path.Combine(fromFolder, path));
            string rebased = Path.GetRelativePath(toFolder, absolute).Replace('\\', '/');
            lines[i] = m.Groups[1].Value + rebased + m.Groups[3].Value;
        }
        return string.Join('\n', lines);
    }
}
