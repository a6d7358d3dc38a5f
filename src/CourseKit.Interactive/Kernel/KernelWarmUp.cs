using CourseKit.Interactive.Execution;

namespace CourseKit.Interactive.Kernel;

/// <summary>
/// Loads and jits Roslyn on a thread of its own (<see cref="CellSession.WarmUp"/>) from the moment a kernel process
/// starts, in parallel with everything else it does before the first cell arrives: parsing its command line, reading
/// the connection file, binding the sockets, answering kernel_info. Once per process.
/// </summary>
public static class KernelWarmUp
{
    private static int _started;

    /// <summary>Whether <paramref name="args"/> start a kernel (what Jupyter runs: <c>kernel -f CONNECTION_FILE</c>).</summary>
    public static bool IsKernelStart(string[] args) =>
        args.Length > 1 && args[0] == "kernel" && (args[1].StartsWith("-f", StringComparison.Ordinal) || args[1].StartsWith("--connection-file", StringComparison.Ordinal));

    /// <summary>
    /// Starts the warm-up unless it has started already; a failure is logged on <paramref name="log"/> and costs only
    /// speed. <paramref name="then"/> runs on the same thread once Roslyn is warm (off the first cell's path): what the
    /// host also wants ready before the cells that need it.
    /// </summary>
    public static void Start(KernelLog log, Action? then = null)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1) return;
        new Thread(() =>
        {
            StartupTrace.Mark("warm-up: started");
            try { CellSession.WarmUp(); }
            catch (Exception e) { log.Write($"warm-up failed (the first cell will be slower): {e.Message}"); }
            StartupTrace.Mark("warm-up: done");
            if (then is null) return;
            try { then(); }
            catch (Exception e) { log.Write($"warm-up failed after Roslyn's (a later cell will be slower): {e.Message}"); }
            StartupTrace.Mark("warm-up: host's part done");
        }) { IsBackground = true, Name = "coursekit kernel warm-up" }.Start();
    }
}
