using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Grading;

/// <summary>End to end: the built coursekit grades a class of chapter-8 submissions, each scenario in its own process.</summary>
[Trait("Category", "Slow")]
public class GradeCommandTests(GradeClassFixture graded) : IClassFixture<GradeClassFixture>
{
    private string Notes(string student) => (string)graded.Results(student)["output"]!;

    [Fact]
    public void The_batch_finishes_with_exit_0_a_gradebook_and_a_summary()
    {
        Assert.True(graded.Run.ExitCode == 0, graded.Run.Stdout + graded.Run.Stderr);
        Assert.Contains("13 submission(s) in", graded.Run.Stdout);
        Assert.Contains("11 graded, 2 failed to run, 1 timed out, 1 crashed", graded.Run.Stdout);
        Assert.Contains("graded 13/13 · running 0", graded.Run.Stderr);
        var rows = File.ReadAllLines(Path.Combine(graded.Output, "gradebook.csv"));
        Assert.Equal("student,exercise 1,exercise 2,exercise 3,exercise 4,total,max,status,notes", rows[0]);
        Assert.Equal(14, rows.Length);
        Assert.StartsWith("perfect,3,1,2,1,7,7,graded,", rows.Single(r => r.StartsWith("perfect,", StringComparison.Ordinal)));
        Assert.False(Directory.Exists(Path.Combine(graded.Output, ".work")));
    }

    [Fact]
    public void A_perfect_submission_gets_full_marks_and_an_executed_notebook()
    {
        var results = graded.Results("perfect");
        Assert.Equal(7, (double)results["score"]!);
        Assert.All(results["tests"]!.AsArray(), t => Assert.Equal("passed", (string)t!["status"]!));
        var executed = NotebookReader.Read(graded.ExecutedPath("perfect"));
        Assert.All(executed.Cells.Where(c => c.IsCode), c => Assert.NotNull(c.ExecutionCount));
    }

    [Fact]
    public void An_infinite_loop_in_exercise_1_costs_exercise_1_only_within_the_time_limits()
    {
        Assert.Equal([0, 1, 2, 1], graded.Points("loop"));
        var first = graded.Results("loop")["tests"]!.AsArray()[0]!;
        Assert.Equal("✗ softmax: timed out after 8 s", ((string)first["output"]!).Split('\n')[0]);
        Assert.True((int)graded.Results("loop")["execution_time"]! < 3 * GradeClassFixture.CellTimeout + 30);
    }

    [Fact]
    public void A_deleted_check_cell_is_restored_and_the_score_is_full()
    {
        Assert.Equal(7, (double)graded.Results("deleted-check")["score"]!);
        Assert.Contains("the check cell for Exercise 2 was deleted; the original was restored.", Notes("deleted-check"));
    }

    [Fact]
    public void An_edited_check_cell_is_replaced_by_the_original()
    {
        Assert.Equal(7, (double)graded.Results("edited-check")["score"]!);
        Assert.Contains("the check cell for Exercise 3 was edited; the original was used.", graded.Feedback("edited-check"));
        var executed = NotebookReader.Read(graded.ExecutedPath("edited-check"));
        Assert.Contains(executed.Cells, c => c.Source == "global::CourseKit.Grading.Checks.CrossEntropy.Run(CrossEntropyCost)");
    }

    [Fact]
    public void A_syntax_error_costs_that_exercise_and_the_later_ones_are_graded()
    {
        Assert.Equal([3, 0, 2, 1], graded.Points("syntax-error"));
        string output = (string)graded.Results("syntax-error")["tests"]!.AsArray()[1]!["output"]!;
        Assert.Contains("the check could not run (CompilationError", output);
        Assert.Contains("your exercise cell failed: CompilationError", output);
    }

    [Fact]
    public void A_cell_that_throws_at_top_level_is_noted_and_the_exercises_are_graded()
    {
        Assert.Equal(7, (double)graded.Results("throws")["score"]!);
        Assert.Contains("a cell you added, failed: Exception: top-level boom", Notes("throws"));
    }

    [Fact]
    public void An_empty_notebook_and_a_file_that_is_not_a_notebook_get_0_with_a_note()
    {
        Assert.Equal(0, (double)graded.Results("empty")["score"]!);
        Assert.Contains("the notebook is empty", Notes("empty"));
        Assert.Equal(0, (double)graded.Results("not-notebook")["score"]!);
        Assert.Contains("not a notebook", Notes("not-notebook"));
        Assert.Contains("not a notebook", graded.Feedback("not-notebook"));
        Assert.False(File.Exists(graded.ExecutedPath("not-notebook")));
    }

    [Fact]
    public void A_stack_overflow_kills_only_its_process_and_the_other_exercises_are_graded()
    {
        Assert.Equal([3, 1, 0, 1], graded.Points("overflow"));
        Assert.Contains("Exercise 3: the process crashed: stack overflow", Notes("overflow"));
    }

    [Fact]
    public void A_learner_class_named_Checks_cannot_fake_a_result()
    {
        Assert.Equal([0, 1, 2, 1], graded.Points("cheater"));
        Assert.Contains("not implemented yet", (string)graded.Results("cheater")["tests"]!.AsArray()[0]!["output"]!);
    }

    [Fact]
    public void Reordered_cells_run_in_the_assignments_order()
    {
        Assert.Equal(7, (double)graded.Results("reordered")["score"]!);
        Assert.Contains("cells were moved; they were run in the assignment's order", Notes("reordered"));
    }

    [Fact]
    public void A_process_that_will_not_exit_after_its_run_is_killed_and_its_grade_kept()
    {
        Assert.Equal(7, (double)graded.Results("lingers")["score"]!);
        Assert.True((int)graded.Results("lingers")["execution_time"]! >= GradeClassFixture.RunTimeout);
    }

    [Fact]
    public void Hidden_cases_ran_and_the_feedback_never_shows_their_expected_values()
    {
        var softmax = graded.Results("perfect")["tests"]!.AsArray()[0]!;
        Assert.Contains("✓ softmax: 8/8 cases passed", (string)softmax["output"]!);   // 4 visible + 4 hidden
        Assert.Contains("4 of the 8 cases are hidden cases", (string)softmax["output"]!);

        // The learner's function printed the right answer of each case before returning a wrong one: the executed
        // notebook holds them (raw output), the feedback and results must not.
        var executed = NotebookReader.Read(graded.ExecutedPath("leaky"));
        var seen = Regex.Matches(string.Concat(executed.Cells.SelectMany(c => c.Outputs).Select(o => o.ToJsonString())), @"seen (-?[0-9.E+-]+)")
            .Select(m => float.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(6, seen.Count);   // 3 visible cases, then 3 hidden ones
        string feedback = graded.Feedback("leaky"), results = graded.Results("leaky").ToJsonString();
        Assert.Contains("hidden case 1", feedback);
        Assert.Contains(seen[0].ToString("0.####", CultureInfo.InvariantCulture), feedback);   // visible cases do show expected values
        foreach (float hidden in seen.Skip(3))
        {
            foreach (string form in new[] { hidden.ToString("R", CultureInfo.InvariantCulture), hidden.ToString("0.###", CultureInfo.InvariantCulture) })
            {
                Assert.DoesNotContain(form, feedback);
                Assert.DoesNotContain(form, results);
            }
        }
        Assert.DoesNotContain("seen ", feedback);
        Assert.Equal(0, graded.Points("leaky")[2]);
    }

    [Fact]
    public void Grading_without_a_hidden_seed_is_refused()
    {
        string folder = Repo.TempFolder("grade-no-seed");
        string submission = Chapter08.Perfect().Save(folder, "alice");
        var run = GradeProcess.Run(false, [submission, "--source", Chapter08.Solution, "--output", Path.Combine(folder, "out")], TimeSpan.FromMinutes(1));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no hidden seed", run.Stderr);
    }

    [Fact]
    public void The_apphost_grades_a_named_folder_submission()
    {
        string folder = Repo.TempFolder("grade-apphost");
        Directory.CreateDirectory(Path.Combine(folder, "bob"));
        Chapter08.Perfect().Save(Path.Combine(folder, "bob"), Chapter08.Name);
        var run = GradeProcess.Run(true, [folder, "--source", Chapter08.Solution, "--output", Path.Combine(folder, "out"), "--hidden-seed", "x", "--jobs", "1"],
            TimeSpan.FromMinutes(3));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "out", "bob", "results.json")))!;
        Assert.Equal(7, (double)results["score"]!);
    }
}
