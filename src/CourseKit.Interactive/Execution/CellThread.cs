namespace CourseKit.Interactive.Execution;

/// <summary>How a cell's run on its own thread ended.</summary>
internal sealed record CellThreadOutcome(bool Finished, object? Result, Exception? Exception);

/// <summary>
/// Runs a cell on a dedicated background thread and waits at most the cell timeout. A cell that does not finish is
/// abandoned: .NET cannot stop a thread, but a background thread does not keep the process alive.
/// </summary>
internal static class CellThread
{
    private const int StackSize = 16 * 1024 * 1024; // recursive exercises get room before a stack overflow

    public static CellThreadOutcome Run(string name, Func<object?> work, TimeSpan timeout)
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
        if (!((IAsyncResult)done.Task).AsyncWaitHandle.WaitOne(timeout))
            return new CellThreadOutcome(false, null, null);
        return done.Task.IsFaulted
            ? new CellThreadOutcome(true, null, done.Task.Exception!.InnerException)
            : new CellThreadOutcome(true, done.Task.Result, null);
    }
}
