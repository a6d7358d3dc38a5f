using CourseKit.Cli.Run;
using CourseKit.Interactive.Checks;
using CourseKit.Interactive.Execution;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Cli.Site;

/// <summary>The notebooks <c>coursekit site</c> publishes: read as they are, or executed first through the engine.</summary>
internal static class SiteInputs
{
    /// <summary>What the command reads when no path is given: the executed chapters from run-course.sh, or the solutions to execute.</summary>
    public static string DefaultPath(bool execute) =>
        execute ? Path.Combine("notebooks", "solutions") : Path.Combine("artifacts", "course");

    /// <summary>Every notebook file the paths name: a file as given, a folder's <c>*.ipynb</c> by name; paths in the order given.</summary>
    public static IReadOnlyList<string> Files(IReadOnlyList<string> paths) => paths.SelectMany(NotebookFiles.Find).ToList();

    /// <summary>
    /// Reads each notebook, runs it when <paramref name="execute"/> (in memory; the file is not written), and reports one
    /// line per executed chapter. <paramref name="failed"/> counts the notebooks with a failing cell.
    /// </summary>
    public static IReadOnlyList<Notebook> Load(IReadOnlyList<string> files, bool execute, TimeSpan cellTimeout, TextWriter report, out int failed)
    {
        failed = 0;
        var runner = execute ? new NotebookRunner(new NotebookRunOptions { CellTimeout = cellTimeout }) : null;
        var notebooks = new List<Notebook>();
        foreach (string file in files)
        {
            if (runner is null)
            {
                notebooks.Add(NotebookReader.Read(file));
                continue;
            }
            var result = runner.RunFile(file);
            report.WriteLine($"executed {result.Notebook.Name}: {CheckSummary.Of(result.Checks).Describe()}");
            foreach (var cell in result.Failures) report.WriteLine($"  cell {cell.Number}: {cell.Status}: {cell.ErrorName}: {cell.ErrorMessage}");
            if (!result.Succeeded) failed++;
            notebooks.Add(result.Notebook);
        }
        return notebooks;
    }
}
