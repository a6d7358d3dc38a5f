using System.Collections.Concurrent;

namespace CourseKit.Interactive.Tests.Support;

/// <summary>
/// The course's chapters as <c>coursekit run</c> executes them, each once per test run: the parity tests compare that
/// run with the kernels' and the export tests compare the exported app's output with it, so a chapter is executed by
/// the engine once, not once per test class.
/// </summary>
internal static class EngineRuns
{
    /// <summary>How <c>coursekit run</c> ended, and the executed notebook it wrote.</summary>
    public sealed record Run(CoursekitProcess.Outcome Outcome, string Executed);

    private static readonly ConcurrentDictionary<string, Lazy<Run>> Runs = new(StringComparer.Ordinal);

    /// <summary>The run of <paramref name="chapter"/>, a path relative to the repository ("notebooks/solutions/07-softmax-regression.ipynb").</summary>
    public static Run Of(string chapter) => Runs.GetOrAdd(chapter, c => new Lazy<Run>(() => Execute(c))).Value;

    private static Run Execute(string chapter)
    {
        // Under artifacts/test-notebooks, which run-tests.sh validates against the nbformat schema.
        string folder = Path.Combine(Repo.Root, "artifacts", "test-notebooks", "coursekit-run", Path.GetDirectoryName(chapter)!.Replace('/', '_'));
        string executed = Path.Combine(folder, Path.GetFileName(chapter));
        if (File.Exists(executed)) File.Delete(executed);   // never an earlier test run's
        var outcome = CoursekitProcess.Run(TimeSpan.FromMinutes(20), new Dictionary<string, string>(), "run", Path.Combine(Repo.Root, chapter), "--output", folder);
        return new Run(outcome, executed);
    }
}
