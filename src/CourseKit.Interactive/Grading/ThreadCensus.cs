using System.Diagnostics;
using System.Globalization;

namespace CourseKit.Interactive.Grading;

/// <summary>What a grading child uses of the resources every thread takes, at one moment.</summary>
/// <param name="Threads">This process's threads.</param>
/// <param name="Tasks">Threads and processes that count against the limit on them (every task of the user), or <paramref name="Threads"/>.</param>
/// <param name="AddressBytes">This process's address space (each thread reserves its stack in it), or 0 where unknown.</param>
public sealed record ResourceUse(int Threads, int Tasks, long AddressBytes);

/// <summary>
/// The resources threads use up in the grading child — slots under the limit on processes and threads
/// (<c>RLIMIT_NPROC</c>, per user) and address space for their stacks (<c>RLIMIT_AS</c>), both set by the sandbox —
/// measured by the child between cells. Every cell runs on a thread of its own and the runtime needs threads and
/// memory too, so a cell that leaves threads running and less than a quarter of either resource free has starved the
/// cells after it: the run ends there and the grader blames that cell (and grades the notebook again without it),
/// not the next cell, which merely could not go on.
/// </summary>
/// <param name="TaskLimit">The limit on processes and threads where it binds (not for root, whom the kernel does not limit), or null.</param>
/// <param name="AddressLimit">The address-space limit in bytes, or null.</param>
/// <param name="Uid">The user whose tasks count against <paramref name="TaskLimit"/>, or null to count this process's threads.</param>
public sealed record ThreadCensus(int? TaskLimit, long? AddressLimit, int? Uid)
{
    /// <summary>Threads a cell may leave running without being suspected (the thread pool grows and shrinks by itself).</summary>
    public const int LeftAllowance = 16;

    /// <summary>How long a cell's threads are given to end before the cell is blamed (threads that ended with it take a moment to go).</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    /// <summary>The census for this process, from its own limits (Linux's /proc; elsewhere no limit is known and no cell is blamed).</summary>
    public static ThreadCensus ForThisProcess()
    {
        if (!OperatingSystem.IsLinux()) return new ThreadCensus(null, null, null);
        var limits = File.ReadAllLines("/proc/self/limits");
        int? uid = Field(File.ReadAllLines("/proc/self/status"), "Uid:");
        long? tasks = Limit(limits, "Max processes");
        bool binds = tasks is not null && uid is not null and not 0;
        return new ThreadCensus(binds ? (int)Math.Min(tasks!.Value, int.MaxValue) : null, Limit(limits, "Max address space"), binds ? uid : null);
    }

    /// <summary>This process's threads now (one read of /proc/self/status on Linux): the cheap part of <see cref="Take"/>.</summary>
    public int ThreadsNow()
    {
        if (!OperatingSystem.IsLinux()) { using var self = Process.GetCurrentProcess(); return self.Threads.Count; }
        return Field(File.ReadAllLines("/proc/self/status"), "Threads:") ?? 0;
    }

    /// <summary>The resources used now.</summary>
    public ResourceUse Take()
    {
        if (!OperatingSystem.IsLinux()) { using var self = Process.GetCurrentProcess(); return new ResourceUse(self.Threads.Count, self.Threads.Count, 0); }
        var status = File.ReadAllLines("/proc/self/status");
        int threads = Field(status, "Threads:") ?? 0;
        long address = (Field(status, "VmSize:") ?? 0) * 1024L;
        return new ResourceUse(threads, Uid is { } uid ? TasksOf(uid) : threads, address);
    }

    /// <summary>
    /// Whether the cell that ran between <paramref name="before"/> and <paramref name="after"/> left threads running
    /// and too little free: fewer than a quarter of <see cref="TaskLimit"/>, or less than a quarter of the address space
    /// that was free at <paramref name="start"/> (the run's first cell). It is measured again for up to
    /// <see cref="SettleTime"/> before it counts; a cell that left no threads is never blamed.
    /// </summary>
    public bool RanAway(ResourceUse start, ResourceUse before, ResourceUse after)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(before);
        var clock = Stopwatch.StartNew();
        for (var now = after; Starves(start, before, now); now = Take())
        {
            if (clock.Elapsed >= SettleTime) return true;
            Thread.Sleep(100);
        }
        return false;
    }

    /// <summary>Whether, at <paramref name="now"/>, the cell that started at <paramref name="before"/> left threads running and too little free (see <see cref="RanAway"/>).</summary>
    public bool Starves(ResourceUse start, ResourceUse before, ResourceUse now)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(now);
        if (now.Threads - before.Threads < LeftAllowance) return false;
        bool fewTasks = TaskLimit is { } tasks && tasks - now.Tasks < tasks / 4;
        bool littleAddress = AddressLimit is { } space && start.AddressBytes > 0 && space - now.AddressBytes < (space - start.AddressBytes) / 4;
        return fewTasks || littleAddress;
    }

    private static int TasksOf(int uid)
    {
        int total = 0;
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _)) continue;
            string[] status;
            try { status = File.ReadAllLines(Path.Combine(dir, "status")); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }   // gone meanwhile
            if (Field(status, "Uid:") == uid) total += Field(status, "Threads:") ?? 0;
        }
        return total;
    }

    // "Max processes             512                  512                  processes": the soft limit; null when unlimited.
    private static long? Limit(string[] limits, string name)
    {
        string? line = limits.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        var fields = line?[name.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: > 0 } && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out long soft) ? soft : null;
    }

    // "Uid:\t60000\t60000\t60000\t60000" → 60000, "VmSize:\t 7515956 kB" → 7515956: the first number after the name.
    private static int? Field(string[] status, string name)
    {
        string? line = status.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        var fields = line?[name.Length..].Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: > 0 } && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : null;
    }
}
