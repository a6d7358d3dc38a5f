using System.Globalization;

namespace CourseKit.Interactive.Grading;

/// <summary>The limits a grading child runs under.</summary>
/// <param name="CellTimeout">How long one cell may run (enforced inside the child).</param>
/// <param name="SubmissionTimeout">How long one attempt may run in all (enforced by the parent, which kills the process tree).</param>
/// <param name="MemoryMb">The child's GC heap limit in MB.</param>
public sealed record GradeLimits(TimeSpan CellTimeout, TimeSpan SubmissionTimeout, int MemoryMb);

/// <summary>How a grading child ended, as the parent saw it.</summary>
/// <param name="ExitCode">The exit code (134 is SIGABRT, what a .NET stack overflow ends with on Linux).</param>
/// <param name="KilledForTime">Whether the parent killed it past <see cref="GradeLimits.SubmissionTimeout"/>.</param>
/// <param name="StderrTail">The end of its standard error (the runtime's last words).</param>
public sealed record ChildExit(int ExitCode, bool KilledForTime, string StderrTail);

/// <summary>Why an attempt did not reach its end.</summary>
public enum DeathKind
{
    /// <summary>A cell ran past the cell timeout, or the whole run past the submission limit.</summary>
    TimedOut,

    /// <summary>The process died: stack overflow, out of memory, exit.</summary>
    Crashed,
}

/// <summary>An attempt that did not reach its end: the cell it died in (null when unknown), how and why.</summary>
/// <param name="Cell">The cell that was running.</param>
/// <param name="Kind">Timed out or crashed.</param>
/// <param name="Reason">For the learner: "timed out after 5 s", "the process crashed: stack overflow …".</param>
public sealed record AttemptDeath(PreparedCell? Cell, DeathKind Kind, string Reason)
{
    /// <summary>Null when the attempt reached its end (or rejected the file); else where and why it died.</summary>
    public static AttemptDeath? Diagnose(AttemptJournal journal, ChildExit exit, GradeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(exit);
        ArgumentNullException.ThrowIfNull(limits);
        if (journal.Rejection is not null) return null;
        if (journal.TimedOutCell is { } slow)
            return new(slow, DeathKind.TimedOut, $"timed out after {Seconds(limits.CellTimeout)} s");
        if (journal.Done) return null;
        var cell = journal.RunningCell;
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

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
