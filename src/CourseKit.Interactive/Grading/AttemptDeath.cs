using System.Globalization;

namespace CourseKit.Interactive.Grading;

/// <summary>The limits a grading child runs under.</summary>
/// <param name="CellTimeout">How long one cell may run (enforced inside the child).</param>
/// <param name="SubmissionTimeout">How long one attempt may run in all (enforced by the grader, which kills the process tree).</param>
/// <param name="MemoryMb">The child's memory limit in MB (its GC heap; the sandbox bounds its address space too).</param>
public sealed record GradeLimits(TimeSpan CellTimeout, TimeSpan SubmissionTimeout, int MemoryMb);

/// <summary>How a grading child ended, as the grader saw it.</summary>
/// <param name="ExitCode">The exit code (134 is SIGABRT, what a .NET stack overflow ends with on Linux).</param>
/// <param name="KilledForTime">Whether the grader killed it past <see cref="GradeLimits.SubmissionTimeout"/>.</param>
/// <param name="StderrTail">The ends of its standard error (the runtime's last words).</param>
public sealed record ChildExit(int ExitCode, bool KilledForTime, string StderrTail);

/// <summary>Why an attempt did not reach its end.</summary>
public enum DeathKind
{
    /// <summary>A cell ran past the cell timeout, or the whole run past the submission limit.</summary>
    TimedOut,

    /// <summary>The process died (stack overflow, out of memory, exit), broke the protocol, or was left without threads to go on.</summary>
    Crashed,
}

/// <summary>An attempt that did not reach its end: the cell it died in (null when unknown), how and why.</summary>
/// <param name="Cell">The planned cell that was running.</param>
/// <param name="Kind">Timed out or crashed.</param>
/// <param name="Reason">For the learner: "timed out after 5 s", "the process crashed: stack overflow …".</param>
public sealed record AttemptDeath(PlannedCell? Cell, DeathKind Kind, string Reason)
{
    /// <summary>Null when the attempt reached its end; else where and why it died.</summary>
    public static AttemptDeath? Diagnose(AttemptLog log, ChildExit exit, GradeLimits limits, IReadOnlyList<PlannedCell> plan)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(exit);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(plan);
        PlannedCell? At(int? number) => number is { } n ? plan.FirstOrDefault(c => c.Number == n) : null;
        if (log.TimedOut is { } slow) return new(At(slow), DeathKind.TimedOut, $"timed out after {Seconds(limits.CellTimeout)} s");
        if (log.Runaway is { } runaway)
            return new(At(runaway), DeathKind.Crashed, "it left so many threads or processes running that the cells after it could not run");
        if (log.Violation is { } violation)
            return new(At(log.Running), DeathKind.Crashed, $"the grading process broke the protocol ({Bounded(violation)})");
        if (log.Done) return null;
        var cell = At(log.Running);
        if (exit.KilledForTime)
            return new(cell, DeathKind.TimedOut, $"timed out: the notebook ran past the {Seconds(limits.SubmissionTimeout)} s limit for one run");
        string err = exit.StderrTail;
        if (err.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase))
            return new(cell, DeathKind.Crashed, "the process crashed: stack overflow (infinite recursion?)");
        if (err.Contains("OutOfMemory", StringComparison.Ordinal) || err.Contains("out of memory", StringComparison.OrdinalIgnoreCase) || exit.ExitCode == 137)
            return new(cell, DeathKind.Crashed, $"ran out of memory (the limit is {limits.MemoryMb} MB)");
        if (exit.ExitCode == 0)
            return new(cell, DeathKind.Crashed, "the process exited in the middle of the run (does the code call Environment.Exit?)");
        return new(cell, DeathKind.Crashed, $"the process crashed (exit code {exit.ExitCode})");
    }

    private static string Bounded(string text) => text.Length <= 120 ? text : text[..120] + "…";

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
