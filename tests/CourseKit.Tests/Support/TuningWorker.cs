using System.Diagnostics;

namespace CourseKit.Tests.Support;

/// <summary>Starts tests/CourseKit.Tuning.Worker as a separate OS process, optionally inside a network namespace.</summary>
internal static class TuningWorker
{
    public static string Path()
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));  // …/tests/CourseKit.Tests/bin/<Config>/<tfm>
        string tfm = bin.Name, config = bin.Parent!.Name;
        string tests = bin.Parent!.Parent!.Parent!.Parent!.FullName;
        string path = System.IO.Path.Combine(tests, "CourseKit.Tuning.Worker", "bin", config, tfm, "CourseKit.Tuning.Worker.dll");
        Assert.True(File.Exists(path), $"worker not built at {path}");
        return path;
    }

    /// <summary>The worker with <paramref name="args"/>; in namespace <paramref name="netns"/> when given (through <c>ip netns exec</c>).</summary>
    public static Process Start(string? netns, params string[] args)
    {
        var info = new ProcessStartInfo(netns is null ? "dotnet" : "ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (netns is not null) foreach (string a in new[] { "netns", "exec", netns, "dotnet" }) info.ArgumentList.Add(a);
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(Path());
        foreach (string a in args) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }

    /// <summary>Waits for every worker (bounded) and returns each one's exit code, standard output and error.</summary>
    public static async Task<List<(int Code, string Out, string Err)>> WaitAll(IReadOnlyList<Process> workers, TimeSpan limit)
    {
        var outputs = workers.Select(w => (Out: w.StandardOutput.ReadToEndAsync(), Err: w.StandardError.ReadToEndAsync())).ToList();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            foreach (var w in workers) await w.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            foreach (var w in workers) if (!w.HasExited) w.Kill(entireProcessTree: true);
            throw new TimeoutException($"workers still running after {limit}");
        }
        var results = new List<(int, string, string)>();
        for (int i = 0; i < workers.Count; i++) results.Add((workers[i].ExitCode, await outputs[i].Out, await outputs[i].Err));
        return results;
    }
}
