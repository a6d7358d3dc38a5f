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
        Console.WriteLine($"{"case",-34} {"threads",7} {"cpu ms",9} {"min cpu",9} {"wall ms",9} {"min wall",9} {"GFLOP/s",8} {"at min",8} {"% peak",7}");
        foreach (var c in CpuTimeCases.All())
        {
            if (filter is not null && !c.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)) continue;
            Action run = c.Setup();
            var (cpu, wall, peakShare) = Measure(run, repeats, c.Threads == 1 ? c.Flops : 0);
            // Single-threaded: rates from CPU time; multi-threaded: from wall time (CPU time counts one thread only).
            var (median, min) = c.Threads == 1 ? cpu : wall;
            string rate = c.Flops > 0 ? $"{c.Flops / (median * 1e6),8:F1} {c.Flops / (min * 1e6),8:F1} {(peakShare > 0 ? $"{peakShare:P1}" : ""),7}" : "";
            Console.WriteLine($"{c.Name,-34} {c.Threads,7} {cpu.Median,9:F3} {cpu.Min,9:F3} {wall.Median,9:F3} {wall.Min,9:F3} {rate}");
        }
    }

    /// <summary>
    /// Warm up (tiered JIT, caches, page faults), then the median and the minimum CPU and wall milliseconds per call.
    /// Under load the minimum is the steadier figure: other processes only ever add time (cache evictions, memory traffic).
    /// </summary>
    /// <para>With <paramref name="flops"/> &gt; 0, each call is paired with a short FMA probe just before it, and the
    /// third result is the median of (case GFLOP/s) / (probe GFLOP/s): the share of the core's FMA peak, which cancels
    /// the clock changes a busy host imposes (its boost falls when the other cores work).</para>
    private static ((double Median, double Min) Cpu, (double Median, double Min) Wall, double PeakShare) Measure(Action run, int repeats, double flops)
    {
        var warm = Stopwatch.StartNew();
        for (int i = 0; i < 3 || warm.ElapsedMilliseconds < 300; i++) run();
        var cpu = new double[repeats];
        var wall = new double[repeats];
        var share = new double[repeats];
        for (int i = 0; i < repeats; i++)
        {
            if (flops > 0)
            {
                long p0 = ThreadCpuTime.Nanoseconds();
                CpuTimeCases.FmaPeak(CpuTimeCases.ProbeSteps);
                double probeNs = ThreadCpuTime.Nanoseconds() - p0;
                long c0 = ThreadCpuTime.Nanoseconds();
                run();
                double caseNs = ThreadCpuTime.Nanoseconds() - c0;
                share[i] = flops / caseNs / (CpuTimeCases.ProbeFlops / probeNs);
            }
            long t0 = ThreadCpuTime.Nanoseconds(), w0 = Stopwatch.GetTimestamp();
            run();
            wall[i] = Stopwatch.GetElapsedTime(w0).TotalMilliseconds;
            cpu[i] = (ThreadCpuTime.Nanoseconds() - t0) / 1e6;
        }
        return ((Median(cpu), cpu.Min()), (Median(wall), wall.Min()), flops > 0 ? Median(share) : 0);
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        int n = values.Length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
