using System.Diagnostics;
using System.Globalization;

namespace CourseKit.Interactive.Grading;

/// <summary>
/// The threads and processes that count against the grading child's limit on them (<c>RLIMIT_NPROC</c>, which the
/// sandbox sets per user), counted by the child between cells. Every cell runs on a thread of its own and the runtime
/// starts threads too, so a cell after which the count passes <see cref="Bound"/> — three quarters of the limit — left
/// threads or processes running that starve the cells after it: the run ends there and the grader blames that cell
/// (and grades the notebook again without it), instead of the next cell, which merely could not start.
/// </summary>
/// <param name="Bound">The count a run may keep after a cell.</param>
/// <param name="Uid">The user whose tasks are counted (all of them count against the limit), or null for this process's own threads.</param>
public sealed record ThreadCensus(int Bound, int? Uid)
{
    /// <summary>The limit assumed where none binds (no limit, or root, whom the kernel does not limit): the sandbox's.</summary>
    public const int DefaultLimit = 512;

    /// <summary>How long a count above the bound is given to fall back (threads that ended with the cell take a moment to go).</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    /// <summary>The census for this process, from its own limits (Linux's /proc; elsewhere its own threads against the default).</summary>
    public static ThreadCensus ForThisProcess()
    {
        int? limit = OperatingSystem.IsLinux() ? ProcLimit() : null;
        int? uid = OperatingSystem.IsLinux() ? RealUid("/proc/self/status") : null;
        bool binds = limit is not null && uid is not null and not 0;
        return new ThreadCensus((binds ? limit!.Value : DefaultLimit) * 3 / 4, binds ? uid : null);
    }

    /// <summary>The threads counted now: every task of <see cref="Uid"/>, or this process's threads.</summary>
    public int Count()
    {
        if (!OperatingSystem.IsLinux()) { using var self = Process.GetCurrentProcess(); return self.Threads.Count; }
        if (Uid is not { } uid) return Threads(File.ReadAllLines("/proc/self/status")) ?? 0;
        int total = 0;
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _)) continue;
            string[] status;
            try { status = File.ReadAllLines(Path.Combine(dir, "status")); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }   // gone meanwhile
            if (RealUid(status) == uid) total += Threads(status) ?? 0;
        }
        return total;
    }

    /// <summary>
    /// Whether the cell between a count of <paramref name="before"/> and one of <paramref name="after"/> took the count
    /// past <see cref="Bound"/> and it stays there for <see cref="SettleTime"/>; a count already past it before the cell
    /// is not the cell's doing.
    /// </summary>
    public bool RanAway(int before, int after)
    {
        if (before > Bound || after <= Bound) return false;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < SettleTime)
        {
            Thread.Sleep(100);
            if (Count() <= Bound) return false;
        }
        return true;
    }

    private static int? ProcLimit()
    {
        // "Max processes             512                  512                  processes"
        string? line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max processes", StringComparison.Ordinal));
        var fields = line?["Max processes".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: > 0 } && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out int soft) ? soft : null;
    }

    private static int? RealUid(string statusPath) => RealUid(File.ReadAllLines(statusPath));

    private static int? RealUid(string[] status) => Field(status, "Uid:");

    private static int? Threads(string[] status) => Field(status, "Threads:");

    // "Uid:\t60000\t60000\t60000\t60000" → 60000 (the first number after the name).
    private static int? Field(string[] status, string name)
    {
        string? line = status.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        var fields = line?[name.Length..].Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: > 0 } && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : null;
    }
}
