using System.Text.Json.Nodes;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Kernel;

/// <summary>
/// Every chapter, solution and student version, in three runtimes — <c>coursekit run</c>, CourseKit's kernel through
/// nbclient, .NET Interactive's kernel through nbclient — with the same check statuses and no error outputs
/// (tests/kernel/parity.py); under <c>coursekit run</c>, a solution passes every check and a student version reports
/// every one not implemented. Found by listing the notebooks, so new and edited chapters are covered as they come.
/// </summary>
[Collection(JupyterEndToEnd.Name)]
[Trait("Category", "Slow")]
public class ParityTests
{
    public static TheoryData<string> Chapters()
    {
        var data = new TheoryData<string>();
        foreach (string folder in new[] { "notebooks/solutions", "notebooks" })
            foreach (string file in Directory.GetFiles(Path.Combine(Repo.Root, folder), "*.ipynb").Order(StringComparer.Ordinal))
                data.Add(Path.GetRelativePath(Repo.Root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Chapter_runs_the_same_under_coursekit_run_coursekits_kernel_and_dotnet_interactive(string chapter)
    {
        Assert.True(Directory.Exists(Path.Combine(Repo.Root, "artifacts", "tools", "dotnet-interactive")),
            "expected .NET Interactive's kernel: run scripts/install-dotnet-interactive.sh (run-tests.sh runs scripts/setup.sh, which does).");
        string data = PythonClient.InstallKernel("parity-kernel");
        string dll = Path.Combine(Repo.Root, "src", "CourseKit.Cli", "bin", Repo.Configuration, "net10.0", "coursekit.dll");
        string output = Path.Combine(Repo.Root, "artifacts", "parity", chapter.Replace('/', '_').Replace(".ipynb", ""));

        var engine = EngineRuns.Of(chapter);   // the export tests read the same run

        var run = PythonClient.Run(data, TimeSpan.FromMinutes(25), "tests/kernel/parity.py", chapter, "--out", output, "--coursekit", dll,
            "--engine-notebook", engine.Executed);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("parity: ok", run.Output);
        // What the chapter tests (CourseKit.Notebooks.Tests) once checked on a run of their own: a solution passes every
        // check and has no exercise left undone; a student version reports every check not implemented. Parity has
        // already required the same in the kernels, and no other error output in any runtime.
        var underEngine = Runtime(run.Output, "coursekit-run");
        var statuses = underEngine["checks"]!.AsObject().SelectMany(cell => cell.Value!.AsArray().Select(s => s!.GetValue<string>())).ToList();
        bool solution = chapter.StartsWith("notebooks/solutions/", StringComparison.Ordinal);
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Equal(solution ? "passed" : "not_implemented", s));
        if (solution) Assert.Empty(underEngine["not_implemented"]!.AsArray());
    }

    // parity.py's line for one runtime: {"runtime": …, "seconds": …, "checks": {cell: [status …]}, "not_implemented": […], "errors": […]}.
    private static JsonObject Runtime(string output, string runtime) => output.Split('\n')
        .Where(line => line.StartsWith("{\"runtime\": ", StringComparison.Ordinal))
        .Select(line => JsonNode.Parse(line)!.AsObject())
        .Single(o => o["runtime"]!.GetValue<string>() == runtime);
}
