using System.Diagnostics;

namespace CourseKit.Kernels;

/// <summary>
/// Waiting for the other GEMM threads by spinning first, then yielding the core, instead of blocking at once.
/// </summary>
/// <remarks>
/// Why: the waits inside one product are short (a thread finishing its share of a slice ≈ 0.1 ms after the other), but
/// a thread that blocks in the kernel is woken 0.06–0.2 ms after it is signalled on this VM, and several ms when another
/// process holds its core (traced on the 2-core Zen 5 at 1024³: three such wake-ups cost ≈ 0.4 ms of a 7.8 ms product).
/// Past <see cref="SpinTicks"/> the waiter yields its core on every check, so a long wait does not burn it.
/// </remarks>
internal static class SpinWaiting
{
    /// <summary>How long a waiter spins before it starts yielding: 2 ms, above a slice's usual imbalance.</summary>
    private static readonly long SpinTicks = Stopwatch.Frequency / 500;

    /// <summary>Returns once <paramref name="done"/>() holds; throws <see cref="OperationCanceledException"/> when <paramref name="cancelled"/>() does first.</summary>
    public static void Until(Func<bool> done, Func<bool> cancelled)
    {
        long start = Stopwatch.GetTimestamp();
        while (!done())
        {
            if (cancelled()) throw new OperationCanceledException("Another GEMM thread failed.");
            if (Stopwatch.GetTimestamp() - start < SpinTicks) Thread.SpinWait(32);
            else Thread.Yield();
        }
    }
}

/// <summary>A reusable barrier for a fixed number of threads that waits with <see cref="SpinWaiting"/>.</summary>
internal sealed class SpinBarrier(int participants)
{
    private int _arrived;
    private volatile int _phase;
    private volatile bool _cancelled;

    /// <summary>Makes every waiter (now and later) throw <see cref="OperationCanceledException"/>: a thread failed and will not arrive.</summary>
    public void Cancel() => _cancelled = true;

    /// <summary>Arrives and waits until all participants have arrived in this phase.</summary>
    public void SignalAndWait()
    {
        if (_cancelled) throw new OperationCanceledException("Another GEMM thread failed.");
        int phase = _phase;
        if (Interlocked.Increment(ref _arrived) == participants)
        {
            _arrived = 0;            // reset before the phase moves on: a released thread may arrive again at once
            _phase = phase + 1;      // volatile write: publishes the reset and releases the waiters
            return;
        }
        SpinWaiting.Until(() => _phase != phase, () => _cancelled);
    }
}
