using CourseKit.Kernels;
using CourseKit.Tensors;

namespace CourseKit.Cli.Bench;

/// <summary>The cases of <c>coursekit bench kernels</c>, the same shapes bench/compare_kernels.py times in PyTorch.</summary>
internal static class KernelBenchmarks
{
    private sealed record Case(string Name, string Shape, int Threads, Func<Action> Setup, double Flops = 0, double Bytes = 0);

    private static IEnumerable<Case> Cases()
    {
        const double gemmFlops = 2.0 * 1024 * 1024 * 1024;
        yield return new("gemm", "1024x1024x1024", 1, () => Gemm(1024, 1024, 1024, 1), gemmFlops);
        yield return new("gemm", "1024x1024x1024", 2, () => Gemm(1024, 1024, 1024, 2), gemmFlops);
        yield return new("gemm_at_b", "1024x1024x1024", 1, () => Gemm(1024, 1024, 1024, 1, transposeA: true), gemmFlops);
        yield return new("gemm_a_bt", "1024x1024x1024", 1, () => Gemm(1024, 1024, 1024, 1, transposeB: true), gemmFlops);
        yield return new("batchnorm_forward", "4096x1024", 1, () => BatchNorm(4096, 1024, backward: false));
        yield return new("batchnorm_forward_backward", "4096x1024", 1, () => BatchNorm(4096, 1024, backward: true));
        yield return new("softmax", "4096x1000", 1, () => Softmax(4096, 1000));
        yield return new("cross_entropy_forward_backward", "4096x10", 1, () => CrossEntropy(4096, 10));
    }

    public static IReadOnlyList<BenchResult> Run(string? filter, int repeats, TextWriter? progress)
    {
        var results = new List<BenchResult>();
        foreach (var c in Cases())
        {
            if (filter is not null && !c.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)) continue;
            progress?.WriteLine($"  {c.Name} {c.Shape} threads={c.Threads} …");
            Action run = c.Setup();
            results.Add(BenchTimer.Measure(c.Name, c.Shape, c.Threads, run, repeats, flops: c.Flops, bytes: c.Bytes));
        }
        return results;
    }

    private static Action Gemm(int m, int n, int k, int threads, bool transposeA = false, bool transposeB = false)
    {
        float[] a = Matrix.RandomNormal(m, k, seed: 1).Data, b = Matrix.RandomNormal(k, n, seed: 2).Data;
        var c = new float[m * n];
        return () => CpuKernels.Gemm(a, b, c, m, n, k, transposeA, transposeB, threads: threads);
    }

    // Training mode as the BatchNorm layer runs it: running statistics updated, x̂ not stored (the backward recomputes
    // it from x), and dx written over dy (inside a model, dy is the next layer's scratch gradient). Repeating the
    // in-place backward on the same buffer is stable: it projects dy, so the values settle and stay finite.
    private static Action BatchNorm(int m, int n, bool backward)
    {
        float[] x = Matrix.RandomNormal(m, n, seed: 3).Data, dy = Matrix.RandomNormal(m, n, seed: 4).Data;
        float[] gamma = Enumerable.Repeat(1f, n).ToArray(), beta = new float[n];
        float[] y = new float[m * n], mean = new float[n], invStd = new float[n];
        float[] runningMean = new float[n], runningVar = Enumerable.Repeat(1f, n).ToArray(), dGamma = new float[n], dBeta = new float[n];
        return () =>
        {
            CpuKernels.BatchNormForwardTraining(x, m, n, gamma, beta, 1e-5f, y, mean, invStd, [], runningMean, runningVar, 0.9f);
            if (backward) CpuKernels.BatchNormBackward(dy, x, m, n, gamma, mean, invStd, dy, dGamma, dBeta);
        };
    }

    private static Action Softmax(int m, int n)
    {
        float[] z = Matrix.RandomNormal(m, n, seed: 5).Data, p = new float[m * n];
        return () => CpuKernels.Softmax(z, m, n, p);
    }

    // Forward and backward of the fused softmax–cross-entropy with integer labels: the loss and dZ = (ŷ − y)/m.
    private static Action CrossEntropy(int m, int n)
    {
        float[] z = Matrix.RandomNormal(m, n, seed: 6).Data, dz = new float[m * n];
        var rng = new Random(7);
        int[] labels = Enumerable.Range(0, m).Select(_ => rng.Next(n)).ToArray();
        return () => CpuKernels.SoftmaxCrossEntropy(z, m, n, labels, dz);
    }
}
