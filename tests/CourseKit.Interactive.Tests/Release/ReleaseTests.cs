using System.Text.Json.Nodes;
using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Release;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Release;

public sealed class ReleaseTests : IDisposable
{
    private readonly string _root = Repo.TempFolder("release");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Notebook Solution(params string[] codeCells)
    {
        var notebook = Notebook.CreatePolyglot(Path.Combine(_root, "solutions", "01-demo.ipynb"));
        notebook.AddMarkdownCell("# Demo");
        foreach (string source in codeCells) notebook.AddCodeCell(source);
        notebook.EnsureCellIds();
        return notebook;
    }

    private string Student => Path.Combine(_root, "student");

    [Fact]
    public void A_solution_region_becomes_a_NotImplementedException_at_its_indentation()
    {
        var solution = Solution("""
            // Exercise 2 — add one (≈ 1 line)
            int AddOne(int x)
            {
                // BEGIN SOLUTION
                return x + 1;
                // END SOLUTION
            }
            """);
        var cell = NotebookRelease.Release(solution, Student).Cells[1];
        Assert.Equal("""
            // Exercise 2 — add one (≈ 1 line)
            int AddOne(int x)
            {
                // YOUR CODE HERE
                throw new NotImplementedException("Exercise 2");
            }
            """, cell.Source);
        Assert.Equal("exercise", CellRoles.RoleOf(cell));
    }

    [Fact]
    public void Hidden_regions_disappear_with_their_markers()
    {
        var cell = NotebookRelease.Release(Solution("var a = 1;\n// BEGIN HIDDEN\nvar secret = 42;\n// END HIDDEN\nvar b = 2;"), Student).Cells[1];
        Assert.Equal("var a = 1;\nvar b = 2;", cell.Source);
    }

    [Fact]
    public void Check_cells_are_locked_with_the_checksum_of_their_source_and_outputs_are_cleared()
    {
        var solution = Solution("// Exercise 1 — f (≈ 1 line)\nint F() { // BEGIN SOLUTION\n    return 1;\n    // END SOLUTION\n}".Replace("{ // BEGIN SOLUTION", "{\n    // BEGIN SOLUTION"),
            "Checks.Softmax.Run(Softmax)");
        solution.Cells[2].SetResult(3, [new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = "old" }]);
        var check = NotebookRelease.Release(solution, Student).Cells[2];
        Assert.Empty(check.Outputs);
        Assert.Null(check.ExecutionCount);
        Assert.Equal("check", CellRoles.RoleOf(check));
        var info = (JsonObject)check.Metadata!["coursekit"]!;
        Assert.Equal(CellRoles.Checksum("Checks.Softmax.Run(Softmax)"), info["checksum"]!.GetValue<string>());
        Assert.Equal(1, info["exercise"]!.GetValue<int>());
        Assert.False(check.Metadata["editable"]!.GetValue<bool>());
        Assert.False(check.Metadata["deletable"]!.GetValue<bool>());
        Assert.Equal(solution.Cells[2].Id, check.Id); // ids survive: the grader matches cells by id
    }

    [Fact]
    public void Reference_paths_are_rebased_to_the_destination_folder()
    {
        // As in the repository: notebooks/solutions/*.ipynb are released into notebooks/, one folder up.
        var cell = NotebookRelease.Release(Solution("#r \"../../artifacts/lib/X.dll\"\nusing X;"), _root).Cells[1];
        Assert.Equal("#r \"../artifacts/lib/X.dll\"\nusing X;", cell.Source);
    }

    [Theory]
    [InlineData("// Exercise 1 — f\n// BEGIN SOLUTION\nvar x = 1;", "is never closed")]
    [InlineData("// Exercise 1 — f\nvar x = 1;\n// END SOLUTION", "END SOLUTION without a matching BEGIN SOLUTION")]
    [InlineData("var y = 0;\n// BEGIN SOLUTION\nvar x = 1;\n// END SOLUTION", "needs the cell to start with '// Exercise N")]
    [InlineData("// Exercise 1 — f\n// BEGIN SOLUTION\n// BEGIN HIDDEN\n// END HIDDEN\n// END SOLUTION", "inside the SOLUTION region")]
    public void Malformed_regions_name_the_notebook_cell_and_line(string source, string message)
    {
        var ex = Assert.Throws<ReleaseException>(() => NotebookRelease.Release(Solution(source), Student));
        Assert.Contains("01-demo.ipynb, cell 2", ex.Message);
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void Releasing_twice_gives_the_same_bytes_and_the_sync_check_sees_hand_edits()
    {
        string solutions = Path.Combine(_root, "solutions");
        NotebookWriter.Write(Solution("// Exercise 1 — f\nint F()\n{\n    // BEGIN SOLUTION\n    return 1;\n    // END SOLUTION\n}", "Checks.Softmax.Run(F)"),
            Path.Combine(solutions, "01-demo.ipynb"));
        Assert.Single(NotebookRelease.ReleaseFolder(solutions, Student));
        byte[] first = File.ReadAllBytes(Path.Combine(Student, "01-demo.ipynb"));
        Assert.Empty(NotebookRelease.ReleaseFolder(solutions, Student)); // nothing to write the second time
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(Student, "01-demo.ipynb")));
        Assert.Empty(NotebookRelease.OutOfSync(solutions, Student));

        File.WriteAllText(Path.Combine(Student, "01-demo.ipynb"), File.ReadAllText(Path.Combine(Student, "01-demo.ipynb")).Replace("Exercise 1", "Exercise 9"));
        Assert.Equal([Path.Combine(Student, "01-demo.ipynb")], NotebookRelease.OutOfSync(solutions, Student));
    }
}
