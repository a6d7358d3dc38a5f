using System.Diagnostics;

namespace CourseKit.Cli.Bench;

/// <summary>One measured case: its median wall time over the timed runs, on which backend, and the work it does.</summary>
/// <param name="Flops">Floating-point operations per run (GEMM: 2mnk), for GFLOP/s; 0 when not counted.</param>
/// <param name="Bytes">The fewest bytes a run must read and write, for GB/s; 0 when not counted.</param>
internal sealed record BenchResult(string Name, string Shape, double MedianMs, int Threads, double MinMs, int Runs,
    string Backend = "cpu", double Flops = 0, double Bytes = 0);

/// <summary>Median-of-runs timing: warm up first (JIT, caches, page faults), then time each call separately.</summary>
internal static class BenchTimer
{
    public static BenchResult Measure(string name, string shape, int threads, Action run, int repeats, string backend = "cpu", double flops = 0, double bytes = 0)
    {
        // Warm up for at least 3 calls and 200 ms, so tiered JIT and the caches settle before timing.
        var warm = Stopwatch.StartNew();
        for (int i = 0; i < 3 || warm.ElapsedMilliseconds < 200; i++) run();
        var times = new double[repeats];
        for (int i = 0; i < repeats; i++)
        {
            long start = Stopwatch.GetTimestamp();
            run();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        double median = repeats % 2 == 1 ? times[repeats / 2] : (times[repeats / 2 - 1] + times[repeats / 2]) / 2;
        return new BenchResult(name, shape, median, threads, times[0], repeats, backend, flops, bytes);
    }
}
