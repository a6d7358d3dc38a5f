using System.Text;
using System.Text.RegularExpressions;

namespace CourseKit.Interactive.Release;

/// <summary>
/// Rewrites one code cell's source for the student version: <c>// BEGIN SOLUTION</c> … <c>// END SOLUTION</c> becomes
/// <c>// YOUR CODE HERE</c> and <c>throw new NotImplementedException("Exercise N");</c> at the region's indentation;
/// <c>// BEGIN HIDDEN</c> … <c>// END HIDDEN</c> disappears with its markers.
/// </summary>
internal static partial class SolutionRegions
{
    [GeneratedRegex(@"^\s*//\s*Exercise\s+(\d+)\b")]
    private static partial Regex ExerciseHeader();

    [GeneratedRegex(@"^(\s*)//\s*(BEGIN|END)\s+(SOLUTION|HIDDEN)\s*$")]
    private static partial Regex Marker();

    /// <summary>The exercise number of a cell that starts with <c>// Exercise N — …</c>, or null.</summary>
    public static int? ExerciseNumber(string source)
    {
        string? first = source.Split('\n').FirstOrDefault(l => l.Trim().Length > 0);
        var match = first is null ? null : ExerciseHeader().Match(first);
        return match is { Success: true } ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Whether the source holds any region marker.</summary>
    public static bool HasMarkers(string source) => source.Split('\n').Any(l => Marker().IsMatch(l));

    /// <summary>The student form of <paramref name="source"/>; throws <see cref="ReleaseException"/> for unbalanced markers.</summary>
    public static string Strip(string source, int cellNumber, string notebook)
    {
        string[] lines = source.Split('\n');
        var output = new StringBuilder();
        string? open = null;
        int openLine = 0;
        bool first = true;
        for (int i = 0; i < lines.Length; i++)
        {
            var m = Marker().Match(lines[i].TrimEnd('\r'));
            if (m.Success)
            {
                string kind = m.Groups[3].Value;
                bool begin = m.Groups[2].Value == "BEGIN";
                if (begin && open is not null)
                    throw new ReleaseException($"{notebook}, cell {cellNumber}, line {i + 1}: BEGIN {kind} inside the {open} region opened at line {openLine}.");
                if (!begin && open != kind)
                    throw new ReleaseException($"{notebook}, cell {cellNumber}, line {i + 1}: END {kind} without a matching BEGIN {kind}.");
                if (begin) { open = kind; openLine = i + 1; }
                else open = null;
                if (begin && kind == "SOLUTION")
                {
                    int exercise = ExerciseNumber(source)
                        ?? throw new ReleaseException($"{notebook}, cell {cellNumber}: a SOLUTION region needs the cell to start with '// Exercise N — <what>'.");
                    string indent = m.Groups[1].Value;
                    Append($"{indent}// YOUR CODE HERE");
                    Append($"{indent}throw new NotImplementedException(\"Exercise {exercise}\");");
                }
                continue;
            }
            if (open is null) Append(lines[i]);
        }
        if (open is not null)
            throw new ReleaseException($"{notebook}, cell {cellNumber}: BEGIN {open} at line {openLine} is never closed.");
        return output.ToString();

        void Append(string line)
        {
            if (!first) output.Append('\n');
            output.Append(line);
            first = false;
        }
    }
}

/// <summary>A solution notebook that cannot be released as it is; the message names the notebook, cell and line.</summary>
public sealed class ReleaseException(string message) : Exception(message);
