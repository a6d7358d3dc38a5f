using System.Text.Json.Nodes;
using CourseKit.Interactive.Grading;

namespace CourseKit.Interactive.Tests.Grading;

public class GradeOutputTests
{
    private static readonly AssignmentExercise[] Exercises =
    [
        new(1, "Exercise 1 — softmax", "e1", "stub", ["c1"]),
        new(2, "Exercise 2 — one-hot", "e2", "stub", ["c2"]),
    ];

    private static SubmissionGrade Grade(string student, IReadOnlyList<GradeNote>? notes = null) => new(student, "/x.ipynb", SubmissionOutcome.Graded, Exercises,
    [
        new(1, "c1", "softmax", CourseKit.Grading.CheckStatus.Passed, 3, 3, "✓ softmax: 2/2 cases passed", [new("lecture example", true, false, ""), new("hidden case 1 (a random batch)", true, true, "")]),
        new(2, "c2", "one-hot", CourseKit.Grading.CheckStatus.TimedOut, 0, 1, "✗ one-hot: timed out after 5 s", []),
    ], notes ?? [new(2, "Exercise 2: timed out after 5 s (cell 14); it was scored 0.")], 12.3, true, false);

    [Fact]
    public void Gradescope_results_have_score_time_and_one_test_per_check()
    {
        var json = JsonNode.Parse(GradescopeResults.ToJson(Grade("alice")))!.AsObject();
        Assert.Equal(3, (double)json["score"]!);
        Assert.Equal(13, (int)json["execution_time"]!);
        var tests = json["tests"]!.AsArray();
        Assert.Equal(2, tests.Count);
        Assert.Equal("Exercise 1 — softmax: softmax", (string)tests[0]!["name"]!);
        Assert.Equal("passed", (string)tests[0]!["status"]!);
        Assert.Equal(3, (double)tests[0]!["max_score"]!);
        Assert.Equal("failed", (string)tests[1]!["status"]!);
        Assert.Equal("visible", (string)tests[1]!["visibility"]!);
        Assert.Contains("1 of the 2 cases are hidden cases", (string)tests[0]!["output"]!);
        Assert.Contains("Note: Exercise 2: timed out", (string)tests[1]!["output"]!);
    }

    [Fact]
    public void Gradebook_quotes_commas_quotes_and_line_breaks_and_defuses_formulas()
    {
        var csv = Gradebook.ToCsv(Exercises, [Grade("=cmd|' /C calc'!A0"), Grade("o'brien, jr", [new(null, "said \"hi\"\nand left")])]);
        var lines = csv.Split("\r\n");
        Assert.Equal("student,exercise 1,exercise 2,total,max,status,notes", lines[0]);
        Assert.Equal("'=cmd|' /C calc'!A0,3,0,3,4,graded; timed out,Exercise 2: timed out after 5 s (cell 14); it was scored 0.", lines[1]);
        Assert.Equal("\"o'brien, jr\",3,0,3,4,graded; timed out,\"said \"\"hi\"\"\nand left\"", lines[2]);
        Assert.Equal("", lines[3]);
    }

    [Fact]
    public void Feedback_page_escapes_text_and_marks_hidden_cases()
    {
        string html = FeedbackPage.ToHtml("07-softmax-regression", Grade("<script>alert(1)</script>"));
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("hidden case 1 (a random batch) (hidden)", html);
        Assert.Contains("Score: <b>3 / 4</b>", html);
        Assert.Contains("Exercise 2: timed out after 5 s (cell 14); it was scored 0.", html);
    }
}
