using System.Diagnostics;

namespace CourseKit.Tests.Support;

/// <summary>Runs the built <c>coursekit</c> tool (same configuration as the tests) as a process and waits, bounded.</summary>
internal static class CoursekitProcess
{
    public static (int Code, string Out, string Err) Run(TimeSpan limit, params string[] args)
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string dll = Path.Combine(PostgresCluster.RepositoryRoot(), "src", "CourseKit.Cli", "bin", bin.Parent!.Name, bin.Name, "coursekit.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (string a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(limit), $"coursekit did not exit in {limit.TotalMinutes} minutes");
        return (p.ExitCode, output, err.Result);
    }
}
