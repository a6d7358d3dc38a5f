using CourseKit.Kernels;
using CourseKit.Tensors;

namespace CourseKit.Cli.Bench;

/// <summary>The cases of <c>coursekit bench kernels</c>, the same shapes bench/compare_kernels.py times in PyTorch.</summary>
internal static class KernelBenchmarks
{
    private sealed record Case(string Name, string Shape, int Threads, Func<Action> Setup);

    private static IEnumerable<Case> Cases()
    {
        yield return new("gemm", "1024x1024x1024", 1, () => Gemm(1024, 1024, 1024, 1));
        yield return new("gemm", "1024x1024x1024", 2, () => Gemm(1024, 1024, 1024, 2));
        yield return new("gemm_at_b", "1024x1024x1024", 1, () => Gemm(1024, 1024, 1024, 1, transposeA: true));
        yield return new("gemm_a_bt", "1024x1024x1024", 1, () => Gemm(1024, 1024, 1024, 1, transposeB: true));
    }

    public static IReadOnlyList<BenchResult> Run(string? filter, int repeats, TextWriter? progress)
    {
        var results = new List<BenchResult>();
        foreach (var c in Cases())
        {
            if (filter is not null && !c.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)) continue;
            progress?.WriteLine($"  {c.Name} {c.Shape} threads={c.Threads} …");
            Action run = c.Setup();
            results.Add(BenchTimer.Measure(c.Name, c.Shape, c.Threads, run, repeats));
        }
        return results;
    }

    private static Action Gemm(int m, int n, int k, int threads, bool transposeA = false, bool transposeB = false)
    {
        float[] a = Matrix.RandomNormal(m, k, seed: 1).Data, b = Matrix.RandomNormal(k, n, seed: 2).Data;
        var c = new float[m * n];
        return () => Kernels.Kernels.Gemm(a, b, c, m, n, k, transposeA, transposeB, threads: threads);
    }
}
