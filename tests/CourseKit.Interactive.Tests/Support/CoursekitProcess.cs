using System.Diagnostics;

namespace CourseKit.Interactive.Tests.Support;

/// <summary>Runs the built <c>coursekit</c> tool (src/CourseKit.Cli, same configuration as the tests) as a process.</summary>
internal static class CoursekitProcess
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed);

    public static Outcome Run(params string[] args) => Run(new Dictionary<string, string>(), args);

    /// <summary>Same, with <paramref name="environment"/> added to the process's environment.</summary>
    public static Outcome Run(IReadOnlyDictionary<string, string> environment, params string[] args) => Run(TimeSpan.FromMinutes(3), environment, args);

    /// <summary>Same, allowed <paramref name="limit"/> (a whole chapter on a loaded machine takes minutes).</summary>
    public static Outcome Run(TimeSpan limit, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        string dll = Path.Combine(Repo.Root, "src", "CourseKit.Cli", "bin", Repo.Configuration, "net10.0", "coursekit.dll");
        Assert.True(File.Exists(dll), $"{dll}: expected the coursekit tool to be built.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (string arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"coursekit {string.Join(' ', args)}: did not exit within {limit}.");
        }
        return new Outcome(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }
}
