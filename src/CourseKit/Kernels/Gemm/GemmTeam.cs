namespace CourseKit.Kernels;

/// <summary>
/// Runs one body on several threads at once: index 0 on the caller, the others on persistent background workers.
/// </summary>
/// <remarks>
/// Why not Parallel.For: the GEMM workers meet at a barrier after packing each slice of B, so every index must run
/// concurrently, which Parallel.For does not promise (on a busy pool it may run the indices one after another on
/// one thread, and the first would wait at the barrier forever). A worker is parked between products (it sleeps on
/// a semaphore) and reused; an extra one is started only when every parked worker is taken, e.g. by two callers
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
        using var done = new CountdownEvent(helpers.Length);
        var failures = new Exception?[count];
        for (int i = 0; i < helpers.Length; i++) helpers[i].Start(body, i + 1, done, failures);
        try { body(0); }
        catch (Exception e) { failures[0] = e; }
        done.Wait();
        foreach (var worker in helpers) Return(worker);
        // A failing thread cancels the others' barrier wait: report its exception, not their cancellations.
        var failure = Array.Find(failures, f => f is not null and not OperationCanceledException) ?? Array.Find(failures, f => f is not null);
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

    private sealed class Worker
    {
        private readonly SemaphoreSlim _go = new(0);
        private Action<int>? _body;
        private int _index;
        private CountdownEvent? _done;
        private Exception?[]? _failures;

        public Worker() => new Thread(Loop) { IsBackground = true, Name = "CourseKit GEMM worker" }.Start();

        public void Start(Action<int> body, int index, CountdownEvent done, Exception?[] failures)
        {
            (_body, _index, _done, _failures) = (body, index, done, failures);
            _go.Release();
        }

        private void Loop()
        {
            while (true)
            {
                _go.Wait();
                try { _body!(_index); }
                catch (Exception e) { _failures![_index] = e; }
                var done = _done!;
                (_body, _done, _failures) = (null, null, null);
                done.Signal();
            }
        }
    }
}
