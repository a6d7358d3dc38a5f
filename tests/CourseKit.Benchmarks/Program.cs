using BenchmarkDotNet.Running;

namespace CourseKit.Benchmarks;

/// <summary>
/// BenchmarkDotNet suite: <c>dotnet run -c Release --project tests/CourseKit.Benchmarks -- --filter '*'</c>.
/// The quick median-of-runs figures the README reports come from <c>coursekit bench kernels</c>; this suite gives
/// the statistically careful view (outliers, confidence intervals, allocations) of the same cases.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
