using System.Diagnostics;
using CourseKit.Interactive.Execution;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Execution;

public class TimeoutTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void Cell_past_the_timeout_fails_and_later_code_cells_are_reported_not_run_in_bounded_time()
    {
        // A sleeping loop, not a spinning one: the abandoned thread lives as long as the test process. The spinning
        // while (true) { } case runs in a coursekit process (RunCommandTests), which ends and takes the thread with it.
        var options = new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(1) };
        var clock = Stopwatch.StartNew();
        var result = TestNotebook.Run(nameof(Cell_past_the_timeout_fails_and_later_code_cells_are_reported_not_run_in_bounded_time), options,
            "var before = 1;", "Console.WriteLine(\"looping\");\nwhile (true) { System.Threading.Thread.Sleep(20); }", "md:After.", "before + 1", "2");
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"run took {clock.Elapsed}");
        Assert.Equal([CellStatus.Succeeded, CellStatus.TimedOut, CellStatus.Skipped, CellStatus.NotRun, CellStatus.NotRun], result.Cells.Select(c => c.Status));
        Assert.Equal("cell did not finish within 1 s", result.Cells[1].ErrorMessage);
        Assert.Equal("looping\n", TestNotebook.Text(result.Cells[1], "stream"));
        Assert.Equal("not run: an earlier cell timed out and the notebook's state is lost", result.Cells[3].ErrorMessage);
        Assert.Null(result.Cells[3].ExecutionCount);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Non_positive_timeout_is_rejected_naming_the_option()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new NotebookRunner(new NotebookRunOptions { CellTimeout = TimeSpan.Zero }));

        Assert.Equal("CellTimeout", e.ParamName);
    }
}
