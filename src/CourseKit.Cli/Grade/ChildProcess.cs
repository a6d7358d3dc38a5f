using System.Diagnostics;
using System.Reflection;
using System.Text;
using CourseKit.Interactive.Grading;

namespace CourseKit.Cli.Grade;

/// <summary>
/// Starts this same <c>coursekit</c> (as <c>dotnet coursekit.dll</c> or as the apphost) with given arguments and
/// environment, waits at most a time limit, and kills the whole process tree beyond it.
/// </summary>
internal static class ChildProcess
{
    private const int TailLength = 4096; // characters of standard error kept at each end

    /// <summary>A start info for this tool: <see cref="Environment.ProcessPath"/>, plus the entry assembly when that is the dotnet host.</summary>
    public static ProcessStartInfo Self(IEnumerable<string> args)
    {
        string exe = Environment.ProcessPath ?? throw new InvalidOperationException("Environment.ProcessPath: expected the path of this process, actual null.");
        var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(exe).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (string arg in args) start.ArgumentList.Add(arg);
        return start;
    }

    /// <summary>Runs <paramref name="start"/>; past <paramref name="limit"/> the process tree is killed.</summary>
    public static ChildExit Run(ProcessStartInfo start, TimeSpan limit)
    {
        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.OutputDataReceived += (_, _) => { }; // drained, so a chatty child never blocks on a full pipe
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        bool killed = false;
        if (!process.WaitForExit(limit))
        {
            killed = true;
            try { process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { } // exited meanwhile
        }
        process.WaitForExit();
        lock (stderr) return new ChildExit(process.ExitCode, killed, stderr.ToString());
    }

    // Keeps the first TailLength characters (the runtime's "Stack overflow." comes first, before a long trace) and the last ones.
    private static void Append(StringBuilder text, string? line)
    {
        if (line is null) return;
        lock (text)
        {
            text.Append(line).Append('\n');
            if (text.Length > 3 * TailLength) text.Remove(TailLength, text.Length - 2 * TailLength);
        }
    }
}
