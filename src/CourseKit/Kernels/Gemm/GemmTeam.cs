namespace CourseKit.Kernels;

/// <summary>
/// Runs one body on several threads at once: index 0 on the caller, the others on persistent background workers.
/// </summary>
/// <remarks>
/// Why not Parallel.For: the GEMM workers meet at a barrier after packing each slice of B, so every index must run
/// concurrently, which Parallel.For does not promise (on a busy pool it may run the indices one after another on
/// one thread, and the first would wait at the barrier forever). A worker is parked between products (it spins for
/// 0.5 ms, then sleeps on a semaphore) and reused; an extra one is started only when every parked worker is taken, e.g. by two callers
/// multiplying at once, so the count stays at the most ever needed together.
/// </remarks>
internal static class GemmTeam
{
    private static readonly Stack<Worker> s_idle = new();

    /// <summary>Runs <paramref name="body"/>(0 … <paramref name="count"/> − 1) concurrently and waits for all; rethrows the first failure.</summary>
    public static void Run(int count, Action<int> body)
    {
        var helpers = new Worker[count - 1];
        for (int i = 0; i < helpers.Length; i++) helpers[i] = Take();
        var job = new Job(body, helpers.Length, new Exception?[count]);
        for (int i = 0; i < helpers.Length; i++) helpers[i].Start(job, i + 1);
        try { body(0); }
        catch (Exception e) { job.Failures[0] = e; }
        // Spin, then yield (SpinWaiting): the helpers usually finish within a fraction of a millisecond of the caller.
        SpinWaiting.Until(() => Volatile.Read(ref job.Remaining) == 0, () => false);
        foreach (var worker in helpers) Return(worker);
        // A failing thread cancels the others' barrier wait: report its exception, not their cancellations.
        var failure = Array.Find(job.Failures, f => f is not null and not OperationCanceledException) ?? Array.Find(job.Failures, f => f is not null);
        if (failure is not null) throw new AggregateException("A GEMM thread failed.", failure);
    }

    private static Worker Take()
    {
        lock (s_idle) if (s_idle.Count > 0) return s_idle.Pop();
        return new Worker();
    }

    private static void Return(Worker worker)
    {
        lock (s_idle) s_idle.Push(worker);
    }

    private sealed class Job(Action<int> body, int helpers, Exception?[] failures)
    {
        public readonly Action<int> Body = body;
        public readonly Exception?[] Failures = failures;
        public int Remaining = helpers;
    }

    private sealed class Worker
    {
        // After a product a worker keeps checking for the next one this long before it sleeps: products follow each
        // other closely in a training loop or benchmark, and waking a sleeping thread costs 0.06–0.2 ms here.
        private static readonly long LingerTicks = System.Diagnostics.Stopwatch.Frequency / 2000;

        private readonly SemaphoreSlim _go = new(0);
        private volatile Job? _job;
        private int _index;

        public Worker() => new Thread(Loop) { IsBackground = true, Name = "CourseKit GEMM worker" }.Start();

        public void Start(Job job, int index)
        {
            _index = index;
            _job = job; // volatile write after _index: a lingering worker that sees the job sees its index
            _go.Release();
        }

        private void Loop()
        {
            while (true)
            {
                long start = System.Diagnostics.Stopwatch.GetTimestamp();
                while (_job is null && System.Diagnostics.Stopwatch.GetTimestamp() - start < LingerTicks) Thread.SpinWait(32);
                _go.Wait(); // immediate when Start already released it
                var job = _job!;
                _job = null;
                try { job.Body(_index); }
                catch (Exception e) { job.Failures[_index] = e; }
                Interlocked.Decrement(ref job.Remaining);
            }
        }
    }
}
