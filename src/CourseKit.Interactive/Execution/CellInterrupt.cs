using System.ComponentModel;

namespace CourseKit.Interactive.Execution;

/// <summary>
/// How a running cell is stopped from outside (a Jupyter interrupt, a cell timeout): the engine compiles every cell
/// with a call to <see cref="Poll"/> at the top of each loop body and method body (<see cref="InterruptPoints"/>), and
/// <see cref="Poll"/> throws <see cref="CellInterruptedException"/> once the cell's token is cancelled. The fast path is
/// one volatile read of a process-wide count of pending interrupts; only while one is pending does a poll look at the
/// token of the cell running on its logical thread (an <see cref="AsyncLocal{T}"/>, so tasks the cell starts follow it).
/// </summary>
public static class CellInterrupt
{
    private static readonly AsyncLocal<CancellationTokenBox?> Current = new();
    private static int _pending;

    /// <summary>Throws <see cref="CellInterruptedException"/> when the running cell was asked to stop. Called by cell code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Poll()
    {
        if (Volatile.Read(ref _pending) != 0) PollSlow();
    }

    private static void PollSlow()
    {
        if (Current.Value is { Token.IsCancellationRequested: true }) throw new CellInterruptedException();
    }

    /// <summary>Makes <paramref name="token"/> the current logical thread's interrupt (call on the cell's thread before it runs).</summary>
    internal static void Attach(CancellationToken token) => Current.Value = new CancellationTokenBox(token);

    /// <summary>Registers a callback on <paramref name="token"/> that turns the fast path of every poll on while it is cancelled.</summary>
    /// <returns>Dispose when the cell has ended: the pending count goes back down.</returns>
    internal static IDisposable Watch(CancellationToken token) => new Watcher(token);

    private sealed record CancellationTokenBox(CancellationToken Token);

    private sealed class Watcher : IDisposable
    {
        private readonly CancellationTokenRegistration _registration;
        private int _counted;

        public Watcher(CancellationToken token) =>
            _registration = token.Register(() => { if (Interlocked.Exchange(ref _counted, 1) == 0) Interlocked.Increment(ref _pending); });

        public void Dispose()
        {
            _registration.Dispose();
            if (Interlocked.Exchange(ref _counted, 2) == 1) Interlocked.Decrement(ref _pending);
        }
    }
}

/// <summary>Thrown inside a cell that was interrupted (Jupyter's interrupt, or its time limit).</summary>
public sealed class CellInterruptedException() : OperationCanceledException("the cell was interrupted");
