using System.Diagnostics;

namespace CourseKit.Benchmarks;

/// <summary>
/// Median per-call thread CPU time (and wall time) of single-threaded cases: the quick way to compare kernel variants
/// on a busy machine (see <see cref="ThreadCpuTime"/>). Multi-threaded cases report wall time only, which needs a
/// quiet machine. Run: <c>dotnet run -c Release --project tests/CourseKit.Benchmarks -- cputime [filter] [--repeats N]</c>.
/// </summary>
internal static class CpuTimeHarness
{
    public static void Run(string[] args)
    {
        string? filter = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !int.TryParse(a, out _));
        int repeats = args.SkipWhile(a => a != "--repeats").Skip(1).Select(int.Parse).FirstOrDefault(31);
        if (!ThreadCpuTime.IsSupported) throw new PlatformNotSupportedException("cputime: needs Linux's CLOCK_THREAD_CPUTIME_ID.");
        Console.WriteLine($"{"case",-34} {"threads",7} {"cpu ms",9} {"wall ms",9} {"GFLOP/s (cpu)",14}");
        foreach (var c in CpuTimeCases.All())
        {
            if (filter is not null && !c.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)) continue;
            Action run = c.Setup();
            var (cpu, wall) = Measure(run, repeats);
            double perCall = c.Threads == 1 ? cpu : wall;
            string rate = c.Flops > 0 ? $"{c.Flops / (perCall * 1e6),14:F1}" : "";
            Console.WriteLine($"{c.Name,-34} {c.Threads,7} {cpu,9:F3} {wall,9:F3} {rate}");
        }
    }

    /// <summary>Warm up (tiered JIT, caches, page faults), then the median CPU and wall milliseconds per call.</summary>
    private static (double CpuMs, double WallMs) Measure(Action run, int repeats)
    {
        var warm = Stopwatch.StartNew();
        for (int i = 0; i < 3 || warm.ElapsedMilliseconds < 300; i++) run();
        var cpu = new double[repeats];
        var wall = new double[repeats];
        for (int i = 0; i < repeats; i++)
        {
            long t0 = ThreadCpuTime.Nanoseconds(), w0 = Stopwatch.GetTimestamp();
            run();
            wall[i] = Stopwatch.GetElapsedTime(w0).TotalMilliseconds;
            cpu[i] = (ThreadCpuTime.Nanoseconds() - t0) / 1e6;
        }
        return (Median(cpu), Median(wall));
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        int n = values.Length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
