using CourseKit.Interactive.Grading;
using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Release;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Grading;

public class SubmissionPreparerTests
{
    private static readonly Lazy<Assignment> Chapter = new(() => Assignment.FromSolution(Chapter08.Solution));
    private static readonly HashSet<int> None = [];
    private static readonly HashSet<string> NoCells = [];

    private static PreparedSubmission Prepare(Notebook student, HashSet<int>? neutralize = null, HashSet<string>? skip = null) =>
        SubmissionPreparer.Prepare(Chapter.Value, student, neutralize ?? None, skip ?? NoCells);

    private static string[] Sources(PreparedSubmission prepared) => prepared.Notebook.Cells.Select(c => c.Source).ToArray();

    [Fact]
    public void Assignment_knows_the_five_exercises_their_stubs_and_check_cells()
    {
        var a = Chapter.Value;
        Assert.Equal([1, 2, 3, 4, 5], a.Exercises.Select(e => e.Number));
        Assert.Equal("Exercise 1 — softmax of each row of z", a.Exercises[0].Title);
        Assert.Contains("throw new NotImplementedException(\"Exercise 1\");", a.Exercises[0].StubSource);
        Assert.All(a.Exercises, e => Assert.Single(e.CheckCellIds));
        Assert.Equal(Path.Combine(Repo.Root, "notebooks"), a.ReleaseFolder);
    }

    [Fact]
    public void An_assignment_from_a_solution_with_example_cells_has_their_expected_output_cells_with_the_students_ids()
    {
        var student = NotebookReader.Read(Chapter08.Student);
        var expectedIds = student.Cells.Where(ExampleCells.IsExpectedOutput).Select(c => c.Id).ToList();
        Assert.NotEmpty(expectedIds);
        Assert.Equal(expectedIds, Chapter.Value.Cells.Where(ExampleCells.IsExpectedOutput).Select(c => c.Id));
    }

    [Fact]
    public void An_untouched_submission_is_prepared_cell_for_cell_without_notes()
    {
        var student = Chapter08.Perfect();
        var prepared = Prepare(student);
        Assert.Empty(prepared.Notes);
        Assert.Equal(student.Cells.Select(c => CellRoles.RoleOf(c) == "check" ? CheckQualifier.Qualify(c.Source) : c.Source), Sources(prepared));
        Assert.Equal(5, prepared.Cells.Count(c => c.Role == "check"));
        Assert.Equal(1, prepared.Cells.Single(c => c.Id == Chapter.Value.Exercises[0].CheckCellIds[0]).Exercise);
    }

    [Fact]
    public void A_deleted_check_cell_is_restored_after_its_exercise_with_a_note()
    {
        var student = Chapter08.Perfect();
        string checkId = Chapter08.Check(student, 2).Id!;
        student.Without(Chapter08.Check(student, 2));

        var prepared = Prepare(student);

        var cells = prepared.Notebook.Cells;
        int exercise = cells.Single(c => c.Id == Chapter.Value.Exercises[1].CellId).Index;
        Assert.Equal(checkId, cells[exercise + 1].Id);
        Assert.Equal("global::CourseKit.Grading.Checks.OneHot.Run(OneHot)", cells[exercise + 1].Source);
        Assert.Equal(new GradeNote(2, "the check cell for Exercise 2 was deleted; the original was restored."), Assert.Single(prepared.Notes));
    }

    [Fact]
    public void An_edited_check_cell_is_replaced_by_the_original_with_a_note()
    {
        var student = Chapter08.Perfect();
        Chapter08.Check(student, 3).Source = "Console.WriteLine(\"✓ all passed\");";

        var prepared = Prepare(student);

        Assert.Contains("global::CourseKit.Grading.Checks.CrossEntropy.Run(CrossEntropyCost)", Sources(prepared));
        Assert.DoesNotContain("Console.WriteLine(\"✓ all passed\");", Sources(prepared));
        Assert.Equal("the check cell for Exercise 3 was edited; the original was used.", Assert.Single(prepared.Notes).Text);
        var check = prepared.Notebook.Cells.Single(c => c.Source == "global::CourseKit.Grading.Checks.CrossEntropy.Run(CrossEntropyCost)");
        Assert.Equal("check", CellRoles.RoleOf(check));
    }

    [Fact]
    public void Moved_cells_run_in_the_assignments_order_and_own_cells_follow_the_cell_they_followed()
    {
        var student = Chapter08.Perfect().WithCellAfter(Chapter08.Check(Chapter08.Perfect(), 4), "int mine = 4;", "mine-4");
        var cells = student.Json["cells"]!.AsArray();
        int four = Chapter08.Exercise(student, 4).Index;
        var moved = new[] { cells[four]!, cells[four + 1]!, cells[four + 2]! };
        foreach (var node in moved) cells.Remove(node);
        for (int k = 0; k < 3; k++) cells.Insert(1 + k, moved[k]);   // exercise 4, its check and the learner's cell, right after the title

        var prepared = Prepare(student);

        var order = prepared.Notebook.Cells.Select(c => c.Id).ToList();
        Assert.Equal(Chapter.Value.Cells.Select(c => c.Id), order.Where(id => id != "mine-4"));
        Assert.Equal(order.IndexOf(Chapter.Value.Exercises[3].CheckCellIds[0]) + 1, order.IndexOf("mine-4"));
        Assert.Equal("cells were moved; they were run in the assignment's order (your own cells after the cell they followed).", Assert.Single(prepared.Notes).Text);
        Assert.Equal(new PreparedCell(order.IndexOf("mine-4") + 1, "mine-4", "added", 4), prepared.Cells.Single(c => c.Id == "mine-4"));
    }

    [Fact]
    public void Neutralized_exercises_get_the_stub_and_skipped_cells_are_left_out()
    {
        var student = Chapter08.Perfect().WithCellAfter(Chapter08.Check(Chapter08.Perfect(), 1), "while (true) { }", "spin");

        var prepared = Prepare(student, neutralize: [1], skip: ["spin"]);

        Assert.Equal(Chapter.Value.Exercises[0].StubSource, prepared.Notebook.Cells.Single(c => c.Id == Chapter.Value.Exercises[0].CellId).Source);
        Assert.StartsWith("// left out by the grader", prepared.Notebook.Cells.Single(c => c.Id == "spin").Source);
        Assert.DoesNotContain("NotImplementedException(\"Exercise 2\")", prepared.Notebook.Cells.Single(c => c.Id == Chapter.Value.Exercises[1].CellId).Source);
    }

    [Fact]
    public void A_notebook_from_another_assignment_keeps_only_recognized_exercises_and_says_so()
    {
        var other = Notebook.CreatePolyglot();
        other.AddCodeCell("// Exercise 1 — something else\nint Twice(int x) => 2 * x;");
        other.AddCodeCell("Console.WriteLine(Twice(21));");

        var prepared = Prepare(other);

        Assert.Contains("shares no exercise or check cells", Assert.Single(prepared.Notes).Text);
        Assert.Equal(Chapter.Value.Cells.Count, prepared.Notebook.Cells.Count);
        Assert.Contains(Sources(prepared), s => s.Contains("int Twice(int x) => 2 * x;", StringComparison.Ordinal));
        Assert.DoesNotContain("Console.WriteLine(Twice(21));", Sources(prepared));
        Assert.Equal(Chapter.Value.Exercises[1].StubSource, prepared.Notebook.Cells.Single(c => c.Id == Chapter.Value.Exercises[1].CellId).Source);
    }

    [Fact]
    public void Cells_without_ids_are_matched_by_exercise_header_and_check_text()
    {
        var student = Chapter08.Perfect();
        foreach (var cell in student.Cells) cell.Json.Remove("id");

        var prepared = Prepare(student);

        Assert.Contains("lost their ids", Assert.Single(prepared.Notes).Text);
        Assert.DoesNotContain(prepared.Notebook.Cells, c => c.Source.Contains("NotImplementedException", StringComparison.Ordinal));
        Assert.Equal(5, prepared.Cells.Count(c => c.Role == "check"));
    }

    [Theory]
    [InlineData("Checks.Softmax.Run(Softmax)", "global::CourseKit.Grading.Checks.Softmax.Run(Softmax)")]
    [InlineData("var c = Check.For<Matrix, Matrix>(\"x\");\nc.Run(F)", "var c = global::CourseKit.Grading.Check.For<Matrix, Matrix>(\"x\");\nc.Run(F)")]
    [InlineData("global::CourseKit.Grading.Checks.OneHot.Run(OneHot)", "global::CourseKit.Grading.Checks.OneHot.Run(OneHot)")]
    [InlineData("MyChecks.Run(x); a.Checks.Run(y)", "MyChecks.Run(x); a.Checks.Run(y)")]
    public void Graded_check_cells_call_the_librarys_checks_by_a_name_no_cell_can_shadow(string source, string graded) =>
        Assert.Equal(graded, CheckQualifier.Qualify(source));
}
