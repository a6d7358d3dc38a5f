using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Release;

/// <summary>
/// Example cells: a code cell that opens with <c>// Example</c> calls the learner's function once on a small input. The
/// student version shows, right under it, what that call gives in the solution (a markdown cell "Expected output"), so a
/// learner can compare their own output before running the check. The text is captured by running the solution at
/// release (<see cref="ExampleOutputs"/>), never typed by hand.
/// </summary>
public static partial class ExampleCells
{
    /// <summary>The role recorded in the generated markdown cell's <c>coursekit</c> metadata.</summary>
    public const string ExpectedOutputRole = "expected-output";

    [GeneratedRegex(@"^\s*//\s*Example\b")]
    private static partial Regex ExampleHeader();

    /// <summary>Whether a code cell's first non-blank line is <c>// Example …</c>.</summary>
    public static bool IsExample(string source)
    {
        string? first = source.Split('\n').FirstOrDefault(l => l.Trim().Length > 0);
        return first is not null && ExampleHeader().IsMatch(first);
    }

    /// <summary>Whether <paramref name="cell"/> is an expected-output cell that release generated.</summary>
    public static bool IsExpectedOutput(NotebookCell cell) => CellRoles.RoleOf(cell) == ExpectedOutputRole;

    /// <summary>The markdown cell shown under example cell <paramref name="exampleId"/>: the solution's output in a code block.</summary>
    internal static JsonObject ExpectedOutputCell(string exampleId, string text) => new()
    {
        ["cell_type"] = "markdown",
        ["id"] = ExpectedId(exampleId),
        ["metadata"] = new JsonObject
        {
            ["editable"] = false,
            [CellRoles.MetadataKey] = new JsonObject { ["role"] = ExpectedOutputRole, ["example"] = exampleId },
        },
        ["source"] = SourceLines.Split(Markdown(text)),
    };

    /// <summary>The generated cell's id: the example's id with a suffix, kept within nbformat's 64 characters.</summary>
    internal static string ExpectedId(string exampleId)
    {
        const string suffix = "-expected";
        return (exampleId.Length + suffix.Length <= 64 ? exampleId : exampleId[..(64 - suffix.Length)]) + suffix;
    }

    // A fence longer than any run of backticks in the text, so output holding ``` cannot end the block early.
    private static string Markdown(string text)
    {
        int longest = BacktickRuns().Matches(text).Select(m => m.Length).DefaultIfEmpty(0).Max();
        string fence = new('`', Math.Max(3, longest + 1));
        return $"**Expected output** (the solution's, captured by `coursekit release`):\n\n{fence}text\n{text.TrimEnd()}\n{fence}";
    }

    [GeneratedRegex("`+")]
    private static partial Regex BacktickRuns();
}
