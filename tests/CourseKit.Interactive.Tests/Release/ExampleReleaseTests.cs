using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Release;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Release;

/// <summary>Example cells: the student version shows, under each, what it gives in the solution, captured by running it.</summary>
public sealed class ExampleReleaseTests : IDisposable
{
    private const string Exercise = """
        // Exercise 1 — twice (≈ 1 line)
        int Twice(int x)
        {
            // BEGIN SOLUTION
            return 2 * x;
            // END SOLUTION
        }
        """;

    private readonly string _root = Repo.TempFolder("release-examples");

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
    public void The_student_version_shows_the_solutions_output_under_each_example()
    {
        var solution = Solution(Exercise, "// Example — twice 21\nConsole.WriteLine(\"twice:\");\nTwice(21)");
        var student = NotebookRelease.Release(solution, Student, ExampleOutputs.Run(solution));

        var cells = student.Cells;
        Assert.Equal(4, cells.Count);
        Assert.Equal(solution.Cells[2].Source, cells[2].Source);                       // the example itself is unchanged
        Assert.True(ExampleCells.IsExpectedOutput(cells[3]));
        Assert.Equal("markdown", cells[3].CellType);
        Assert.Equal(cells[2].Id + "-expected", cells[3].Id);
        Assert.Contains("```text\ntwice:\n42\n```", cells[3].Source);
        Assert.Empty(cells[2].Outputs);                                                // outputs are cleared as everywhere
    }

    [Fact]
    public void A_solution_whose_example_throws_is_refused_naming_the_cell()
    {
        var solution = Solution(Exercise, "// Example\nTwice(int.Parse(\"x\"))");
        var e = Assert.Throws<ReleaseException>(() => ExampleOutputs.Run(solution));
        Assert.Contains("example cell 3", e.Message);
        Assert.Contains("FormatException", e.Message);
    }

    [Fact]
    public void An_example_that_shows_nothing_is_refused()
    {
        var solution = Solution(Exercise, "// Example\nvar y = Twice(1);");
        var e = Assert.Throws<ReleaseException>(() => ExampleOutputs.Run(solution));
        Assert.Contains("shows nothing", e.Message);
    }

    [Fact]
    public void Releasing_an_example_without_the_solutions_outputs_is_refused()
    {
        var e = Assert.Throws<ReleaseException>(() => NotebookRelease.Release(Solution(Exercise, "// Example\nTwice(2)"), Student));
        Assert.Contains("cell 3 is an example cell", e.Message);
    }

    [Fact]
    public void Output_holding_a_code_fence_cannot_end_the_block_early()
    {
        var solution = Solution("// Example — fences\nConsole.WriteLine(\"a ``` b\");");
        var cell = NotebookRelease.Release(solution, Student, ExampleOutputs.Run(solution)).Cells[2];
        Assert.Contains("````text\na ``` b\n````", cell.Source);
    }

    [Fact]
    public void The_folder_release_runs_the_solution_and_a_stale_expected_output_is_out_of_sync()
    {
        var solution = Solution(Exercise, "// Example\nTwice(5)");
        NotebookWriter.Write(solution, solution.Path!);
        var written = NotebookRelease.ReleaseFolder(Path.GetDirectoryName(solution.Path)!, Student);
        string studentPath = Assert.Single(written);
        var expected = NotebookReader.Read(studentPath).Cells[3];
        Assert.Contains("```text\n10\n```", expected.Source);
        Assert.Empty(NotebookRelease.OutOfSync(Path.GetDirectoryName(solution.Path)!, Student));

        var edited = NotebookReader.Read(studentPath);
        edited.Cells[3].Source = expected.Source.Replace("10", "11", StringComparison.Ordinal);   // typed by hand
        NotebookWriter.Write(edited, studentPath);
        Assert.Equal([studentPath], NotebookRelease.OutOfSync(Path.GetDirectoryName(solution.Path)!, Student));
    }
}
