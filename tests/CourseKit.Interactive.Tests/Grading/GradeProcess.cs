using System.Diagnostics;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Grading;

/// <summary>Runs the built coursekit's <c>grade</c> as a process (as <c>dotnet coursekit.dll</c> or through the apphost), with a longer limit than other verbs need.</summary>
internal static class GradeProcess
{
    public static string Dll => Path.Combine(Repo.Root, "src", "CourseKit.Cli", "bin", Repo.Configuration, "net10.0", "coursekit.dll");

    public static string AppHost => Path.ChangeExtension(Dll, OperatingSystem.IsWindows() ? ".exe" : null);

    public static CoursekitProcess.Outcome Run(bool appHost, IEnumerable<string> args, TimeSpan limit)
    {
        Assert.True(File.Exists(Dll), $"{Dll}: expected the coursekit tool to be built.");
        var start = new ProcessStartInfo(appHost ? AppHost : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (!appHost) start.ArgumentList.Add(Dll);
        start.ArgumentList.Add("grade");
        foreach (string arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("COURSEKIT_HIDDEN_SEED");
        start.Environment.Remove("COURSEKIT_GRADING");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"coursekit {string.Join(' ', args)}: did not exit within {limit.TotalSeconds} s.\n{stderr.Result}");
        }
        return new CoursekitProcess.Outcome(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }
}
