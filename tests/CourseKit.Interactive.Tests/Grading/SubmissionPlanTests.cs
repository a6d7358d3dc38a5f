using CourseKit.Interactive.Grading;
using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Release;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Grading;

/// <summary>How a learner's notebook becomes the graded one: matched by the assignment's own structure, never by ids or metadata.</summary>
public class SubmissionPlanTests
{
    private static readonly Lazy<Assignment> Chapter = new(() => Assignment.FromSolution(Chapter08.Solution));
    private static readonly Dictionary<int, string> None = [];

    private static (StructureMatch Match, IReadOnlyList<PlannedCell> Plan) Plan(Notebook learner, Dictionary<int, string>? neutralize = null, Dictionary<int, string>? skip = null)
    {
        var match = StructureMatch.Of(Chapter.Value, learner);
        return (match, SubmissionPlan.Build(Chapter.Value, match, neutralize ?? None, skip ?? None));
    }

    [Fact]
    public void An_assignment_from_a_solution_with_example_cells_has_their_expected_output_cells_with_the_students_ids()
    {
        // Chapter 1 has `// Example` cells: the grader's release of it must not need their captured outputs.
        string solution = Path.Combine(Repo.Root, "notebooks", "solutions", "01-train-dev-test-bias-variance.ipynb");
        var student = NotebookReader.Read(Path.Combine(Repo.Root, "notebooks", "01-train-dev-test-bias-variance.ipynb"));
        var expectedIds = student.Cells.Where(ExampleCells.IsExpectedOutput).Select(c => c.Id).ToList();
        Assert.NotEmpty(expectedIds);
        Assert.Equal(expectedIds, Assignment.FromSolution(solution).Cells.Where(ExampleCells.IsExpectedOutput).Select(c => c.Id));
    }

    [Fact]
    public void Assignment_knows_the_seven_exercises_their_stubs_and_check_calls()
    {
        var a = Chapter.Value;
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], a.Exercises.Select(e => e.Number));
        Assert.Equal("Exercise 1 — softmax of each row of z", a.Exercises[0].Title);
        Assert.Contains("throw new NotImplementedException(\"Exercise 1\");", a.Exercises[0].StubSource);
        Assert.Equal([("Softmax", "Softmax"), ("OneHot", "OneHot"), ("CrossEntropy", "CrossEntropyCost"), ("SoftmaxGradient", "SoftmaxGradient"), ("SoftmaxJacobian", "SoftmaxJacobian"),
            ("Hardmax", "Hardmax"), ("SoftmaxTrainingStep", "TrainingStep")],
            a.Checks.Select(c => (c.Call.Check, c.Call.Function)));
        Assert.Equal(Path.Combine(Repo.Root, "notebooks"), a.ReleaseFolder);
        Assert.Equal([Path.Combine(Repo.Root, "artifacts", "notebook-lib")], a.ReferencedFolders);
    }

    [Fact]
    public void The_graded_chapters_assignment_has_its_example_cells_expected_output_cells_with_the_students_ids()
    {
        var student = NotebookReader.Read(Chapter08.Student);
        var expectedIds = student.Cells.Where(ExampleCells.IsExpectedOutput).Select(c => c.Id).ToList();
        Assert.NotEmpty(expectedIds);
        Assert.Equal(expectedIds, Chapter.Value.Cells.Where(ExampleCells.IsExpectedOutput).Select(c => c.Id));
    }

    [Fact]
    public void An_untouched_submission_runs_cell_for_cell_up_to_the_last_check_without_notes()
    {
        var (match, plan) = Plan(Chapter08.Perfect());
        Assert.Empty(match.Notes);
        Assert.Equal(Chapter.Value.Cells.Count, plan.Count);
        Assert.Equal(7, plan.Count(c => c.Role == CellRole.Check));
        int lastCheck = plan.Last(c => c.Role == CellRole.Check).Number;
        Assert.All(plan.Where(c => c.Cell.IsCode), c => Assert.Equal(c.Number <= lastCheck, c.Runs));
        Assert.DoesNotContain(plan, c => c.Source.Contains("NotImplementedException", StringComparison.Ordinal));
    }

    [Fact]
    public void Cell_ids_and_metadata_play_no_part_in_matching()
    {
        var learner = Chapter08.Perfect();
        foreach (var cell in learner.Cells) { cell.Json.Remove("id"); cell.Json.Remove("metadata"); }
        var (match, plan) = Plan(learner);
        Assert.Empty(match.Notes);
        Assert.DoesNotContain(plan, c => c.Source.Contains("NotImplementedException", StringComparison.Ordinal));
    }

    [Fact]
    public void A_decoy_cell_that_copies_a_check_cells_id_and_metadata_is_just_the_learners_own_cell()
    {
        var learner = Chapter08.Perfect();
        var check = Chapter08.Check(learner, 1);
        learner.WithCellAfter(Chapter08.Exercise(learner, 1), "var decoy = 1;", check.Id!);
        learner.Cells[Chapter08.Exercise(learner, 1).Index + 1].Json["metadata"] = check.Json["metadata"]!.DeepClone();
        var (_, plan) = Plan(learner);
        var decoy = Assert.Single(plan, c => c.Source == "var decoy = 1;");
        Assert.Equal(CellRole.Added, decoy.Role);
        Assert.Equal(7, plan.Count(c => c.Role == CellRole.Check));
    }

    [Fact]
    public void A_deleted_check_cell_is_restored_after_its_exercise_with_a_note()
    {
        var learner = Chapter08.Perfect();
        learner.Without(Chapter08.Check(learner, 2));
        var (match, plan) = Plan(learner);
        var exercise = plan.Single(c => c.Role == CellRole.Exercise && c.Exercise == 2);
        Assert.Equal(CellRole.Check, plan[exercise.Number].Role);
        Assert.Equal(new GradeNote(2, "the check cell for Exercise 2 was deleted; the original was restored."), Assert.Single(match.Notes));
    }

    [Fact]
    public void An_edited_check_cell_is_replaced_by_the_original_and_does_not_run()
    {
        var learner = Chapter08.Perfect();
        Chapter08.Check(learner, 3).Source = "Console.WriteLine(\"✓ all passed\");";
        var (match, plan) = Plan(learner);
        Assert.DoesNotContain(plan, c => c.Source.Contains("✓ all passed", StringComparison.Ordinal));
        Assert.Equal("the check cell for Exercise 3 was edited; the original was used.", Assert.Single(match.Notes).Text);
    }

    [Fact]
    public void Moved_cells_run_in_the_assignments_order_and_own_cells_follow_the_cell_they_followed()
    {
        var learner = Chapter08.Perfect().WithCellAfter(Chapter08.Check(Chapter08.Perfect(), 4), "int mine = 4;", "mine-4");
        var cells = learner.Json["cells"]!.AsArray();
        int four = Chapter08.Exercise(learner, 4).Index;
        var moved = new[] { cells[four]!, cells[four + 1]!, cells[four + 2]! };
        foreach (var node in moved) cells.Remove(node);
        for (int k = 0; k < 3; k++) cells.Insert(1 + k, moved[k]);   // exercise 4, its check and the learner's cell, right after the title

        var (match, plan) = Plan(learner);

        int check4 = plan.Single(c => c.Role == CellRole.Check && c.Exercise == 4).Number;
        var mine = plan.Single(c => c.Source == "int mine = 4;");
        Assert.Equal(check4 + 1, mine.Number);
        Assert.Equal((CellRole.Added, (int?)4), (mine.Role, mine.Exercise));
        Assert.Equal("cells were moved; they were run in the assignment's order (your own cells after the cell they followed).", Assert.Single(match.Notes).Text);
    }

    [Fact]
    public void A_second_cell_headed_like_an_exercise_is_reported_and_runs_as_the_learners_own()
    {
        var learner = Chapter08.Perfect();
        learner.WithCellAfter(Chapter08.Check(learner, 2), "// Exercise 1 — again\nMatrix Softmax(Matrix z) => z;", "again");
        var (match, plan) = Plan(learner);
        Assert.Contains("Exercise 1 has a second cell", Assert.Single(match.Notes).Text);
        Assert.Equal(CellRole.Added, plan.Single(c => c.Source.Contains("— again", StringComparison.Ordinal)).Role);
        Assert.DoesNotContain("=> z;", plan.Single(c => c.Role == CellRole.Exercise && c.Exercise == 1).Source);
    }

    [Fact]
    public void Neutralized_exercises_get_the_stub_and_skipped_cells_are_left_out()
    {
        var learner = Chapter08.Perfect().WithCellAfter(Chapter08.Check(Chapter08.Perfect(), 1), "while (true) { }", "spin");
        int spin = learner.Cells.Single(c => c.Source == "while (true) { }").Number;

        var (_, plan) = Plan(learner, neutralize: new() { [1] = StubReason.Retried }, skip: new() { [spin] = "it looped" });

        Assert.Equal(Chapter.Value.Exercises[0].StubSource, plan.Single(c => c.Role == CellRole.Exercise && c.Exercise == 1).Source);
        Assert.StartsWith(SubmissionPlan.LeftOut, plan.Single(c => c.LearnerNumber == spin).Source);
        Assert.DoesNotContain("NotImplementedException(\"Exercise 2\")", plan.Single(c => c.Role == CellRole.Exercise && c.Exercise == 2).Source);
    }

    [Fact]
    public void A_notebook_from_another_assignment_keeps_only_recognized_exercises_and_says_so()
    {
        var other = Notebook.CreatePolyglot();
        other.AddCodeCell("// Exercise 1 — something else\nint Twice(int x) => 2 * x;");
        other.AddCodeCell("Console.WriteLine(Twice(21));");

        var (match, plan) = Plan(other);

        Assert.Contains("shares no check cell or other code cell", Assert.Single(match.Notes).Text);
        Assert.Equal(Chapter.Value.Cells.Count, plan.Count);
        Assert.Contains(plan, c => c.Source.Contains("int Twice(int x) => 2 * x;", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, c => c.Source.Contains("Console.WriteLine(Twice(21));", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Checks.Softmax.Run(Softmax)", "Softmax", "Softmax")]
    [InlineData("global::CourseKit.Grading.Checks.OneHot.Run( OneHot )", "OneHot", "OneHot")]
    [InlineData("CourseKit.Grading.Checks.CrossEntropy.Run((yHat, y) => F(yHat, y))", "CrossEntropy", "(yHat, y) => F(yHat, y)")]
    public void Check_cells_name_a_library_check_and_the_function_it_runs(string source, string check, string function)
    {
        var call = CheckCall.Parse(source, out string? problem);
        Assert.Null(problem);
        Assert.Equal(new CheckCall(check, function), call);
        Assert.Equal($"global::CourseKit.Grading.Checks.{check}.Answer({function}, \"QUJD\")", call!.Probe("QUJD"));
    }

    [Theory]
    [InlineData("MyChecks.Softmax.Run(Softmax)")]
    [InlineData("var r = Checks.Softmax.Run(Softmax);")]
    [InlineData("Checks.Softmax.Run(Softmax); Checks.OneHot.Run(OneHot)")]
    [InlineData("Checks.Softmax.Run(Softmax, mode: null)")]
    [InlineData("Check.For<Matrix, Matrix>(\"x\").Run(F)")]
    public void Any_other_check_cell_form_is_refused(string source) => Assert.Null(CheckCall.Parse(source, out _));
}
