namespace CourseKit.Interactive.Execution;

/// <summary>How a cell's run on its own thread ended.</summary>
/// <param name="Finished">The work returned or threw.</param>
/// <param name="Interrupted">The interrupt token fired before the work finished (it may have finished afterwards).</param>
/// <param name="Result">What the work returned.</param>
/// <param name="Exception">What the work threw.</param>
internal sealed record CellThreadOutcome(bool Finished, bool Interrupted, object? Result, Exception? Exception);

/// <summary>
/// Runs a cell on a dedicated background thread and waits until it finishes, is interrupted, or runs past the time
/// limit. An interrupted cell gets <see cref="InterruptGrace"/> to stop by itself (its code polls
/// <see cref="CellInterrupt"/>; a sleep or wait is woken by <see cref="Thread.Interrupt"/>). A cell that still does not
/// finish is abandoned: .NET cannot stop a thread, but a background thread does not keep the process alive.
/// </summary>
internal static class CellThread
{
    private const int StackSize = 16 * 1024 * 1024; // recursive exercises get room before a stack overflow

    /// <summary>How long an interrupted cell has to stop before it is abandoned.</summary>
    public static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(5);

    public static CellThreadOutcome Run(string name, Func<object?> work, TimeSpan timeout, CancellationToken interrupt)
    {
        var done = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try { done.SetResult(work()); }
            catch (Exception e) { done.SetException(e); }
        }, StackSize)
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        var finished = ((IAsyncResult)done.Task).AsyncWaitHandle;
        int signaled = WaitHandle.WaitAny([finished, interrupt.WaitHandle], timeout);
        bool interrupted = signaled == 1;
        if (interrupted)
        {
            thread.Interrupt();
            if (!finished.WaitOne(InterruptGrace)) return new CellThreadOutcome(false, true, null, null);
        }
        else if (signaled == WaitHandle.WaitTimeout) return new CellThreadOutcome(false, false, null, null);
        return done.Task.IsFaulted
            ? new CellThreadOutcome(true, interrupted, null, done.Task.Exception!.InnerException)
            : new CellThreadOutcome(true, interrupted, done.Task.Result, null);
    }
}
