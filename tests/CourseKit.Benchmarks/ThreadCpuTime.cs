using System.Runtime.InteropServices;

namespace CourseKit.Benchmarks;

/// <summary>
/// The CPU time the calling thread has used, from <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>. On a shared machine
/// without SMT a thread's CPU time tracks its cycles even while other processes keep the other cores busy, where wall
/// time does not: variants of a single-threaded kernel can be compared under load.
/// </summary>
internal static partial class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>Whether this platform has a per-thread CPU clock (Linux).</summary>
    public static bool IsSupported => OperatingSystem.IsLinux();

    /// <summary>This thread's CPU time so far, in nanoseconds.</summary>
    public static long Nanoseconds()
    {
        if (ClockGetTime(ClockThreadCpuTimeId, out var t) != 0)
            throw new InvalidOperationException($"clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed: errno {Marshal.GetLastPInvokeError()}.");
        return t.Seconds * 1_000_000_000 + t.Nanoseconds;
    }
}
