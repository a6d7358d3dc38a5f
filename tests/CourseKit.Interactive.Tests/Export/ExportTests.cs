using System.Diagnostics;
using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Tests.Kernel;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Export;

/// <summary>
/// Every solution chapter exported by <c>coursekit export</c> as a .NET 10 file-based app and run with
/// <c>dotnet run</c>: it prints every check's result as the notebook shows it (text/plain), in the notebook's order.
/// </summary>
[Collection(JupyterEndToEnd.Name)]
[Trait("Category", "Slow")]
public class ExportTests
{
    public static TheoryData<string> SolutionChapters()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(Repo.Root, "notebooks", "solutions"), "*.ipynb").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(SolutionChapters))]
    public void Exported_chapter_runs_as_a_file_based_app_and_prints_the_checks_the_notebook_shows(string chapter)
    {
        string source = Path.Combine(Repo.Root, "notebooks", "solutions", chapter);
        string name = Path.GetFileNameWithoutExtension(chapter);
        string output = Path.Combine(Repo.Root, "artifacts", "export", name);
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);

        var export = CoursekitProcess.Run("export", source, "--output", output);
        var notebook = EngineRuns.Of(Path.GetRelativePath(Repo.Root, source)).Outcome;   // the parity tests read the same run
        var app = Dotnet(Repo.Root, "run", "-c", Repo.Configuration, Path.Combine(output, name + ".cs"));

        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.True(notebook.ExitCode == 0, notebook.Stdout + notebook.Stderr);
        Assert.True(app.ExitCode == 0, app.Output);
        var checks = NotebookReader.Read(EngineRuns.Of(Path.GetRelativePath(Repo.Root, source)).Executed).Cells.SelectMany(c => c.Outputs)
            .Where(o => NotebookOutputs.Data(o, "application/vnd.coursekit.check+json") is not null)
            .Select(o => NotebookOutputs.Data(o, "text/plain")!.TrimEnd('\n')).ToList();
        Assert.NotEmpty(checks);
        int at = 0;
        foreach (string check in checks)
        {
            int found = app.Output.IndexOf(check, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"the app did not print, in order, the check result\n{check}\n--- app output ---\n{app.Output}");
            at = found + check.Length;
        }
    }

    private static (int ExitCode, string Output) Dotnet(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', args)}: did not finish within 20 minutes.");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
