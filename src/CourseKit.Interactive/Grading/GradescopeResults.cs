using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace CourseKit.Interactive.Grading;

/// <summary>
/// A submission's grade as Gradescope's autograder <c>results.json</c>: <c>score</c>, <c>execution_time</c> (seconds),
/// <c>output</c> (the notes), and one test per check with <c>name</c>, <c>number</c>, <c>score</c>, <c>max_score</c>,
/// <c>status</c> (passed | failed), <c>output</c> and <c>visibility</c>
/// (https://gradescope-autograders.readthedocs.io/en/latest/specs/).
/// </summary>
public static class GradescopeResults
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The results.json text for <paramref name="grade"/>.</summary>
    public static string ToJson(SubmissionGrade grade)
    {
        ArgumentNullException.ThrowIfNull(grade);
        var tests = new JsonArray();
        int index = 0;
        foreach (var check in grade.Checks)
        {
            index++;
            tests.Add(new JsonObject
            {
                ["name"] = TestName(grade, check),
                ["number"] = check.Exercise is int n ? $"{n}.{grade.Checks.Where(c => c.Exercise == n).ToList().IndexOf(check) + 1}" : index.ToString(CultureInfo.InvariantCulture),
                ["score"] = Round(check.Points),
                ["max_score"] = Round(check.MaxPoints),
                ["status"] = check.Passed ? "passed" : "failed",
                ["output"] = TestOutput(grade, check),
                ["visibility"] = "visible",
            });
        }
        var results = new JsonObject
        {
            ["score"] = Round(grade.Score),
            ["execution_time"] = (int)Math.Ceiling(grade.Seconds),
            ["output"] = $"{grade.Student}: {Round(grade.Score)}/{Round(grade.MaxScore)} points ({grade.StatusText})." +
                (grade.Unsandboxed ? "\n- " + UnsandboxedNote : "") + string.Concat(grade.Notes.Select(n => "\n- " + n.Text)),
            ["output_format"] = "text",
            ["visibility"] = "visible",
            ["stdout_visibility"] = "hidden",
            ["tests"] = tests,
        };
        return results.ToJsonString(Options) + "\n";
    }

    /// <summary>What every result graded without a sandbox says.</summary>
    public const string UnsandboxedNote =
        "graded WITHOUT a sandbox (coursekit grade --unsandboxed): the learner's code ran as the grader's user, with its files and network in reach.";

    /// <summary>"Exercise 1 — softmax of each row of z: softmax".</summary>
    public static string TestName(SubmissionGrade grade, CheckGrade check)
    {
        ArgumentNullException.ThrowIfNull(grade);
        ArgumentNullException.ThrowIfNull(check);
        var exercise = grade.Exercises.FirstOrDefault(e => e.Number == check.Exercise);
        return exercise is null ? check.Name : $"{exercise.Title}: {check.Name}";
    }

    private static string TestOutput(SubmissionGrade grade, CheckGrade check)
    {
        var lines = new List<string> { check.Summary };
        lines.AddRange(check.Cases.Where(c => !c.Passed).Select(c => $"  {c.Name}: {c.Message}"));
        int hidden = check.Cases.Count(c => c.Hidden);
        if (hidden > 0) lines.Add($"  ({hidden} of the {check.Cases.Count} cases are hidden cases, run only when grading.)");
        lines.AddRange(grade.Notes.Where(n => n.Exercise == check.Exercise && n.Exercise is not null).Select(n => "Note: " + n.Text));
        return string.Join("\n", lines);
    }

    private static double Round(double points) => Math.Round(points, 4);
}
