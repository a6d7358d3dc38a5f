namespace CourseKit.Interactive.Grading;

/// <summary>
/// Watches the running cell of a grading child for threads that eat up what the sandbox allows, while the cell still
/// runs. <see cref="ThreadCensus.RanAway"/> judges a cell when it ends; but a cell that keeps starting threads can
/// take the last thread slot or the last address space the runtime itself needed (a GC, a timer, the JIT's
/// background thread), and the runtime then aborts the process (exit code 134) before the cell ends, so the grader
/// could only say "the process crashed". Every <see cref="Interval"/> this thread reads the child's thread count
/// (one small /proc read) and, once the cell has started <see cref="ThreadCensus.LeftAllowance"/> threads or more,
/// the whole census: when the cell starves the rest (<see cref="ThreadCensus.Starves"/>), <paramref name="report"/>
/// is called once, on this thread, to end the run as a runaway — before the runtime gives up.
/// </summary>
/// <param name="census">The child's census (its limits).</param>
/// <param name="report">Ends the run for the cell with this number; called at most once.</param>
internal sealed class RunawayWatch(ThreadCensus census, Action<int, ResourceUse, ResourceUse> report)
{
    /// <summary>How often the running cell's threads are counted.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly Lock _lock = new();
    private ResourceUse? _start, _before;
    private int _cell = -1;

    /// <summary>Starts the watching thread (before any cell, so it never needs a thread slot a cell took).</summary>
    public void Start() => new Thread(Watch) { IsBackground = true, Name = "coursekit runaway watch" }.Start();

    /// <summary>A cell starts: <paramref name="before"/> is the census taken just before it.</summary>
    public void CellStarting(int cell, ResourceUse start, ResourceUse before)
    {
        lock (_lock) (_cell, _start, _before) = (cell, start, before);
    }

    /// <summary>The running cell ended (its threads are judged by <see cref="ThreadCensus.RanAway"/> from here on).</summary>
    public void CellEnded()
    {
        lock (_lock) _cell = -1;
    }

    private void Watch()
    {
        while (true)
        {
            Thread.Sleep(Interval);
            ResourceUse start, before;
            int cell;
            lock (_lock)
            {
                if (_cell < 0) continue;
                (cell, start, before) = (_cell, _start!, _before!);
            }
            ResourceUse now;
            try
            {
                // Cheap first: a cell that has not started LeftAllowance threads cannot starve anything (Starves says no).
                if (census.ThreadsNow() - before.Threads < ThreadCensus.LeftAllowance) continue;
                now = census.Take();
            }
            // Reading /proc needs memory, which a starving cell may have taken: this thread must not be what ends the
            // process, so it looks again later (and the census at the cell's end still judges it).
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or OutOfMemoryException) { continue; }
            lock (_lock)
            {
                if (_cell != cell || !census.Starves(start, before, now)) continue;
                // Under the lock: the cell cannot be reported as ended meanwhile (CellEnded waits), so it is reported once.
                report(cell, before, now);
                return;
            }
        }
    }
}
