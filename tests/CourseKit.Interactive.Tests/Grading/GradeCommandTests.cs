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
        Assert.Contains("14 submission(s) in", graded.Run.Stdout);
        // Out of memory either throws in the learner's function or outlasts the cell's time limit, depending on the
        // machine's load: the counts of timed-out and crashed runs are checked against the gradebook's statuses.
        var rows = File.ReadAllLines(Path.Combine(graded.Output, "gradebook.csv"));
        int statusColumn = Array.IndexOf(rows[0].Split(','), "status");
        var statuses = rows.Skip(1).Select(r => r.Split(',')[statusColumn]).ToList();
        int timedOut = statuses.Count(s => s.Contains("timed out", StringComparison.Ordinal)), crashed = statuses.Count(s => s.Contains("crashed", StringComparison.Ordinal));
        Assert.InRange(timedOut, 1, 2);   // loop, and maybe out-of-memory
        Assert.InRange(crashed, 1, 2);    // the stack overflow, and maybe out-of-memory
        Assert.Contains($"12 graded, 2 failed to run, {timedOut} timed out, {crashed} crashed", graded.Run.Stdout);
        Assert.Contains("graded 14/14 · running 0", graded.Run.Stderr);
        Assert.Contains("sandbox: bubblewrap", graded.Run.Stderr);
        Assert.Equal("student,exercise 1,exercise 2,exercise 3,exercise 4,exercise 5,exercise 6,exercise 7,total,max,status,notes", rows[0]);
        Assert.Equal(15, rows.Length);
        Assert.StartsWith("perfect,3,1,2,1,2,1,3,13,13,graded,", rows.Single(r => r.StartsWith("perfect,", StringComparison.Ordinal)));
        Assert.Equal(["gradebook.csv"], Directory.GetFiles(graded.Output).Select(Path.GetFileName));   // nothing but learners' folders besides
    }

    [Fact]
    public void A_perfect_submission_gets_full_marks_and_a_graded_notebook_with_the_graders_results()
    {
        var results = graded.Results("perfect");
        Assert.Equal(13, (double)results["score"]!);
        Assert.All(results["tests"]!.AsArray(), t => Assert.Equal("passed", (string)t!["status"]!));
        var executed = NotebookReader.Read(graded.ExecutedPath("perfect"));
        var code = executed.Cells.Where(c => c.IsCode).ToList();
        int lastCheck = code.FindLastIndex(c => c.Source.StartsWith("Checks.", StringComparison.Ordinal));
        Assert.All(code.Take(lastCheck + 1), c => Assert.NotNull(c.ExecutionCount));   // later cells cannot change a score: not run
        Assert.All(code.Skip(lastCheck + 1), c => Assert.Null(c.ExecutionCount));
        var softmax = code.First(c => c.Source == "Checks.Softmax.Run(Softmax)").Outputs[0];
        Assert.Equal("✓ softmax: 8/8 cases passed", (string)softmax["data"]!["application/vnd.coursekit.check+json"]!["summary"]!);
    }

    [Fact]
    public void An_infinite_loop_in_exercise_1_costs_exercise_1_only_within_the_time_limits()
    {
        // Exercise 1 is scored 0 and the notebook runs again with its stub: Exercises 5 and 7 call that Softmax, so they score 0 too.
        Assert.Equal([0, 1, 2, 1, 0, 1, 0], graded.Points("loop"));
        var first = graded.Results("loop")["tests"]!.AsArray()[0]!;
        Assert.Equal($"✗ softmax: timed out after {GradeClassFixture.CellTimeout} s", ((string)first["output"]!).Split('\n')[0]);
        Assert.True((int)graded.Results("loop")["execution_time"]! < GradeClassFixture.RunTimeout);   // ended by the cell's limit, not the run's
    }

    [Fact]
    public void A_deleted_check_cell_is_restored_and_the_score_is_full()
    {
        Assert.Equal(13, (double)graded.Results("deleted-check")["score"]!);
        Assert.Contains("the check cell for Exercise 2 was deleted; the original was restored.", Notes("deleted-check"));
    }

    [Fact]
    public void An_edited_check_cell_is_replaced_by_the_original()
    {
        Assert.Equal(13, (double)graded.Results("edited-check")["score"]!);
        Assert.Contains("the check cell for Exercise 3 was edited; the original was used.", graded.Feedback("edited-check"));
        var executed = NotebookReader.Read(graded.ExecutedPath("edited-check"));
        Assert.Contains(executed.Cells, c => c.Source == "Checks.CrossEntropy.Run(CrossEntropyCost)");
        Assert.DoesNotContain(executed.Cells, c => c.Source.Contains("✓ cross-entropy cost: 6/6", StringComparison.Ordinal));
    }

    [Fact]
    public void A_syntax_error_costs_that_exercise_and_the_later_ones_are_graded()
    {
        Assert.Equal([3, 0, 2, 1, 2, 1, 3], graded.Points("syntax-error"));   // no other exercise calls OneHot
        string output = (string)graded.Results("syntax-error")["tests"]!.AsArray()[1]!["output"]!;
        Assert.Contains("the check could not run (CompilationError", output);
        Assert.Contains("your exercise cell failed: CompilationError", output);
    }

    [Fact]
    public void A_cell_that_throws_at_top_level_is_noted_and_the_exercises_are_graded()
    {
        Assert.Equal(13, (double)graded.Results("throws")["score"]!);
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
        Assert.Equal([3, 1, 0, 1, 2, 1, 0], graded.Points("overflow"));   // the rerun has Exercise 3's stub, which Exercise 7 calls
        Assert.Contains("Exercise 3: the process crashed: stack overflow", Notes("overflow"));
    }

    [Fact]
    public void A_learner_class_named_Checks_cannot_fake_a_result()
    {
        Assert.Equal([0, 1, 2, 1, 0, 1, 0], graded.Points("cheater"));   // Exercise 1 not run: Exercises 5 and 7, which call its Softmax, score 0 too
        Assert.Contains("not implemented yet", (string)graded.Results("cheater")["tests"]!.AsArray()[0]!["output"]!);
        Assert.Contains("(the check machinery), which graded code may not use", Notes("cheater"));
    }

    [Fact]
    public void Memory_beyond_the_limit_costs_that_exercise_only()
    {
        Assert.Equal([3, 1, 0, 1, 2, 1, 0], graded.Points("out-of-memory"));   // Exercise 7 calls Exercise 3's CrossEntropyCost
        // Depending on how fast memory runs out, the child either throws OutOfMemoryException (the check says so) or
        // is stopped at the cell limit (a note names the exercise): either way the learner reads why exercise 3 scored 0.
        string third = (string)graded.Results("out-of-memory")["tests"]!.AsArray()[2]!["output"]!;
        Assert.True(Notes("out-of-memory").Contains("Exercise 3:", StringComparison.Ordinal) || third.Contains("memory", StringComparison.OrdinalIgnoreCase),
            $"neither a note on Exercise 3 nor a word on memory in its output:\n{third}");
    }

    [Fact]
    public void Reordered_cells_run_in_the_assignments_order()
    {
        Assert.Equal(13, (double)graded.Results("reordered")["score"]!);
        Assert.Contains("cells were moved; they were run in the assignment's order", Notes("reordered"));
    }

    [Fact]
    public void A_thread_that_never_ends_neither_holds_the_grader_nor_costs_the_grade()
    {
        Assert.Equal(13, (double)graded.Results("lingers")["score"]!);
        Assert.True((int)graded.Results("lingers")["execution_time"]! < GradeClassFixture.RunTimeout);
    }

    [Fact]
    public void Hidden_cases_ran_and_the_feedback_never_shows_their_expected_values()
    {
        var softmax = graded.Results("perfect")["tests"]!.AsArray()[0]!;
        Assert.Contains("✓ softmax: 8/8 cases passed", (string)softmax["output"]!);   // 4 visible + 4 hidden
        Assert.Contains("4 of the 8 cases are hidden cases", (string)softmax["output"]!);

        // The learner's function kept the right answer of each case and returned a wrong one; a later cell printed them:
        // the graded notebook (for the instructor) holds them as printed output, the feedback and results must not.
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
    public void A_seed_on_the_command_line_is_refused()
    {
        string folder = Repo.TempFolder("grade-seed-argument");
        string submission = Chapter08.Perfect().Save(folder, "alice");
        var run = GradeProcess.Run(false, [submission, "--source", Chapter08.Solution, "--output", Path.Combine(folder, "out"), "--hidden-seed", "s3cret"], TimeSpan.FromMinutes(1));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("a seed on the command line can be read by every process", run.Stderr);
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
        File.WriteAllText(Path.Combine(folder, "seed"), "x\n");
        var run = GradeProcess.Run(true, [folder, "--source", Chapter08.Solution, "--output", Path.Combine(folder, "out"), "--hidden-seed-file", Path.Combine(folder, "seed"), "--jobs", "1"],
            TimeSpan.FromMinutes(5));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "out", "bob", "results.json")))!;
        Assert.Equal(13, (double)results["score"]!);
    }
}
