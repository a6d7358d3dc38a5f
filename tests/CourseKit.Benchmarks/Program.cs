using BenchmarkDotNet.Running;

namespace CourseKit.Benchmarks;

/// <summary>
/// BenchmarkDotNet suite: <c>dotnet run -c Release --project tests/CourseKit.Benchmarks -- --filter '*'</c>.
/// The quick median-of-runs figures the README reports come from <c>coursekit bench kernels</c>; this suite gives
/// the statistically careful view (outliers, confidence intervals, allocations) of the same cases.
/// <c>-- cputime [filter]</c> instead prints each case's median thread CPU time per call (<see cref="CpuTimeHarness"/>),
/// for comparing kernel variants while other work loads the machine; <c>-- phases</c> splits a Fashion-MNIST training
/// epoch's CPU time by phase (<see cref="StepPhases"/>).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "cputime") CpuTimeHarness.Run(args[1..]);
        else if (args.Length > 0 && args[0] == "phases") StepPhases.Run(args[1..]);
        else BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
