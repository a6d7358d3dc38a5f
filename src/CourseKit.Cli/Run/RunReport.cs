using CourseKit.Interactive.Checks;
using CourseKit.Interactive.Execution;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Cli.Run;

/// <summary>Runs the notebooks one after another and prints one summary line per chapter plus the cells that failed.</summary>
internal static class RunReport
{
    /// <summary>Returns the exit code: 0 when every notebook was read and no cell failed (exercises not implemented yet are fine), else 1.</summary>
    public static int RunAll(IReadOnlyList<string> files, NotebookRunOptions options, RunDestination destination, TextWriter stdout, TextWriter stderr)
    {
        var runner = new NotebookRunner(options);
        int failedNotebooks = 0;
        foreach (string file in files)
        {
            string name = Path.GetFileNameWithoutExtension(file);
            NotebookRunResult result;
            try
            {
                result = runner.RunFile(file);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                stdout.WriteLine($"{name}: could not be read");
                stderr.WriteLine($"error: {e.Message}");
                failedNotebooks++;
                continue;
            }
            string? writeTo = destination.PathFor(file);
            if (writeTo is not null) NotebookWriter.Write(result.Notebook, writeTo);
            stdout.WriteLine($"{name}: {CheckSummary.Of(result.Checks).Describe()}");
            foreach (var line in CellLines(result)) stdout.WriteLine(line);
            if (!result.Succeeded) failedNotebooks++;
        }
        if (files.Count > 1)
            stdout.WriteLine($"{files.Count} notebooks: {files.Count - failedNotebooks} ran without failing cells, {failedNotebooks} did not.");
        return failedNotebooks == 0 ? 0 : 1;
    }

    private static IEnumerable<string> CellLines(NotebookRunResult result)
    {
        foreach (var cell in result.Cells)
        {
            string? what = cell.Status switch
            {
                CellStatus.Failed => $"failed: {cell.ErrorName}: {cell.ErrorMessage}",
                CellStatus.TimedOut => $"timed out: {cell.ErrorMessage}",
                CellStatus.NotRun => "not run (an earlier cell timed out)",
                CellStatus.NotImplemented => $"not implemented yet: {cell.ErrorMessage}",
                _ => null,
            };
            if (what is not null) yield return $"  cell {cell.Number}: {what}";
        }
    }
}
