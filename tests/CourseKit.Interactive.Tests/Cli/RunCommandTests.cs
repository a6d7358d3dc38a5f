using CourseKit.Interactive.Execution;
using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Tests.Checks;
using CourseKit.Interactive.Tests.Execution;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Cli;

public class RunCommandTests
{
    private static string Write(string folder, string name, params string[] cells)
    {
        var notebook = TestNotebook.Create(folder, name, cells);
        NotebookWriter.Write(notebook, notebook.Path!);
        return notebook.Path!;
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Folder_run_writes_executed_copies_prints_each_chapters_checks_and_exits_0_with_exercises_left()
    {
        string root = Repo.NotebookFolder("cli-folder");
        string input = Path.Combine(root, "in");
        Directory.CreateDirectory(input);
        string pass = Write(input, "01-pass", CheckCollectorTests.Check("a", "passed", 1, 1) + "\n" + CheckCollectorTests.Check("b", "passed", 2, 2), "6 * 7");
        Write(input, "02-todo", "void Todo() => throw new NotImplementedException(\"Exercise 1\");\nTodo();", CheckCollectorTests.Check("todo", "not_implemented", 0, 4));
        Write(Path.Combine(input, "solutions"), "03-fail", "throw new Exception(\"solutions are not run unless named\");");
        string output = Path.Combine(root, "out");

        var run = CoursekitProcess.Run("run", input, "--output", output);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("01-pass: 2 passed, 0 failed, 0 not implemented (3/3 points)", lines[0]);
        Assert.Equal("02-todo: 0 passed, 0 failed, 1 not implemented (0/4 points)", lines[1]);
        Assert.Equal("  cell 1: not implemented yet: Exercise 1", lines[2]);
        Assert.DoesNotContain("03-fail", run.Stdout);
        var executed = NotebookReader.Read(Path.Combine(output, "01-pass.ipynb"));
        Assert.Equal(2, executed.Cells[1].ExecutionCount);
        Assert.Equal("42", NotebookOutputs.Data(executed.Cells[1].Outputs[0], "text/plain"));
        Assert.Null(NotebookReader.Read(pass).Cells[1].ExecutionCount); // the input is left as it was
        Assert.True(File.Exists(Path.Combine(output, "02-todo.ipynb")));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Failing_cell_or_unreadable_file_exits_1_and_names_them()
    {
        string folder = Repo.TempFolder("cli-fail");
        Write(folder, "a-fails", "var ok = 1;", "throw new InvalidOperationException(\"bad state\");");
        File.WriteAllText(Path.Combine(folder, "b-broken.ipynb"), "{ not json");

        var run = CoursekitProcess.Run("run", folder, "--in-place");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("a-fails: 0 passed, 0 failed, 0 not implemented\n  cell 2: failed: InvalidOperationException: bad state\n", run.Stdout);
        Assert.Contains("b-broken: could not be read", run.Stdout);
        Assert.Contains(Path.Combine(folder, "b-broken.ipynb"), run.Stderr);
        Assert.Contains("invalid JSON at line 1", run.Stderr);
        Assert.Contains("2 notebooks: 0 ran without failing cells, 2 did not.", run.Stdout);
        Assert.NotNull(NotebookReader.Read(Path.Combine(folder, "a-fails.ipynb")).Cells[1].ExecutionCount);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Spinning_cell_times_out_later_cells_are_not_run_and_the_process_exits_1_in_bounded_time()
    {
        string path = Write(Repo.NotebookFolder("cli-timeout"), "spin", "var x = 1;", "while (true) { }", "x + 1");

        var run = CoursekitProcess.Run("run", path, "--in-place", "--timeout", "1");

        Assert.Equal(1, run.ExitCode);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(60), $"took {run.Elapsed}");
        Assert.Contains("  cell 2: timed out: cell did not finish within 1 s", run.Stdout);
        Assert.Contains("  cell 3: not run (an earlier cell timed out)", run.Stdout);
        var cells = NotebookReader.Read(path).Cells;
        Assert.Equal("not run: an earlier cell timed out and the notebook's state is lost", cells[2].Outputs[0]["evalue"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("--output", "x", "--in-place")]
    [InlineData("--timeout", "0")]
    [InlineData("--timeout", "-3")]
    public void Bad_options_exit_2_naming_the_option(params string[] options)
    {
        string path = Write(Repo.TempFolder("cli-usage"), "nb", "1");

        var run = CoursekitProcess.Run(["run", path, .. options]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(options.Contains("--in-place") ? "--output and --in-place" : "--timeout: expected a positive number", run.Stderr);
    }

    [Fact]
    public void Missing_path_exits_2_naming_it()
    {
        var run = CoursekitProcess.Run("run", "/no/such/notebooks");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'/no/such/notebooks' does not exist", run.Stderr);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Notebook_using_the_built_library_runs_under_coursekit_with_one_copy_of_it()
    {
        string path = Write(Repo.NotebookFolder("cli-coursekit-core"), "chapter", CourseKitCoreTests.Cells("../../notebook-lib/CourseKit.Core.dll"));

        var run = CoursekitProcess.Run("run", path, "--in-place");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal("chapter: 0 passed, 0 failed, 0 not implemented\n", run.Stdout);
        var cells = NotebookReader.Read(path).Cells;
        Assert.Equal("<p>0.842 0.042 0.002 0.114</p>", NotebookOutputs.Data(cells[2].Outputs[0], "text/html"));
        Assert.Equal("1", NotebookOutputs.Data(cells[3].Outputs[0], "text/plain"));
    }
}
