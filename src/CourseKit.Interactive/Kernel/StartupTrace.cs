using System.Diagnostics;

namespace CourseKit.Interactive.Kernel;

/// <summary>
/// A timeline of what a kernel process does from its start to its first results, for measuring startup: with
/// <c>COURSEKIT_KERNEL_TRACE=1</c> in the kernel's environment each <see cref="Mark"/> writes one line to standard
/// error (the kernel's log), <c>coursekit trace: +MS ms (unix UNIX_MS) [thread] EVENT</c>, where MS counts from the
/// process's start as the OS recorded it and UNIX_MS is the wall clock, so a client can line the kernel's events up
/// with its own (bench/kernel_start_timeline.py does). Off, a mark costs one static field read.
/// </summary>
public static class StartupTrace
{
    /// <summary>The environment variable that turns the trace on ("1").</summary>
    public const string Variable = "COURSEKIT_KERNEL_TRACE";

    private static readonly bool Enabled = Environment.GetEnvironmentVariable(Variable) == "1";
    private static readonly object Gate = new();
    private static readonly TextWriter Writer = Console.Error; // the process's own stderr, not a cell's (marks start in Main, before any capture)
    private static readonly DateTime ProcessStart = Enabled ? Process.GetCurrentProcess().StartTime.ToUniversalTime() : default;

    /// <summary>Whether marks are written.</summary>
    public static bool IsOn => Enabled;

    /// <summary>Writes <paramref name="what"/> with the time since the process started (nothing when the trace is off).</summary>
    public static void Mark(string what)
    {
        if (!Enabled) return;
        var now = DateTime.UtcNow;
        double sinceStart = (now - ProcessStart).TotalMilliseconds;
        long unixMs = new DateTimeOffset(now).ToUnixTimeMilliseconds();
        lock (Gate)
        {
            Writer.WriteLine(FormattableString.Invariant($"coursekit trace: +{sinceStart:0.0} ms (unix {unixMs}) [{Thread.CurrentThread.Name ?? $"thread {Environment.CurrentManagedThreadId}"}] {what}"));
            Writer.Flush();
        }
    }
}
