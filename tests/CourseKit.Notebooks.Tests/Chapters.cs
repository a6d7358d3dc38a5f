using CourseKit.Interactive.Execution;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Notebooks.Tests;

/// <summary>The course's notebooks, and running them the way <c>coursekit run</c> does.</summary>
internal static class Chapters
{
    public static string Root { get; } = FindRoot();

    public static string Student => Path.Combine(Root, "notebooks");

    public static string Solutions => Path.Combine(Root, "notebooks", "solutions");

    /// <summary>Executed copies go here; run-tests.sh validates them against the nbformat schema.</summary>
    public static string Executed(string kind) => Path.Combine(Root, "artifacts", "test-notebooks", "chapters", kind);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<NotebookRunResult>> SolutionRuns = new();

    /// <summary>The solution chapter <paramref name="file"/>, executed once per test run (several tests read the same run).</summary>
    public static NotebookRunResult Solution(string file) =>
        SolutionRuns.GetOrAdd(file, f => new Lazy<NotebookRunResult>(() => Run(Path.Combine(Solutions, f), "solutions"))).Value;

    public static IEnumerable<object[]> SolutionFiles() =>
        Directory.GetFiles(Solutions, "*.ipynb").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    /// <summary>Runs a notebook and writes the executed copy for validation.</summary>
    /// <param name="path">The notebook.</param>
    /// <param name="kind">The folder under artifacts/test-notebooks/chapters for the executed copy.</param>
    /// <param name="baseDirectory">Where its <c>#r</c> paths resolve (default: its own folder).</param>
    public static NotebookRunResult Run(string path, string kind, string? baseDirectory = null)
    {
        var options = new NotebookRunOptions { CellTimeout = TimeSpan.FromMinutes(5), BaseDirectory = baseDirectory };
        var result = new NotebookRunner(options).RunFile(path);
        NotebookWriter.Write(result.Notebook, Path.Combine(Executed(kind), Path.GetFileName(path)));
        return result;
    }

    /// <summary>One line per cell that did not succeed, for assertion messages.</summary>
    public static string Describe(NotebookRunResult result) => string.Join("\n", result.Cells
        .Where(c => c.Status is not (CellStatus.Succeeded or CellStatus.Skipped))
        .Select(c => $"cell {c.Number}: {c.Status} {c.ErrorName}: {c.ErrorMessage}"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CourseKit.sln"))) return dir.FullName;
        throw new InvalidOperationException($"CourseKit.sln: expected in a folder above {AppContext.BaseDirectory}, found none.");
    }
}
