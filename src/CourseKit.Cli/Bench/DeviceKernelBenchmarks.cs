using CourseKit.Devices;
using CourseKit.Tensors;

namespace CourseKit.Cli.Bench;

/// <summary>
/// <c>coursekit bench kernels --backend NAME</c> for a <see cref="Device"/>: the CPU cases' shapes, and on a GPU the
/// sizes that fill it (GEMM 4096³, BatchNorm and softmax at 16384 × 4096). Each timed run ends with
/// <see cref="Device.Synchronize"/>, so queued GPU work is counted; inputs are trusted (no NaN scans) as in training.
/// </summary>
internal static class DeviceKernelBenchmarks
{
    private sealed record Case(string Name, string Shape, Func<Device, Action> Setup, double Flops = 0, double Bytes = 0);

    private static IEnumerable<Case> Cases(bool gpu)
    {
        foreach (int size in gpu ? new[] { 1024, 4096 } : [1024])
        {
            double flops = 2.0 * size * size * size;
            yield return new("gemm", $"{size}x{size}x{size}", d => Gemm(d, size, size, size), flops);
            yield return new("gemm_at_b", $"{size}x{size}x{size}", d => Gemm(d, size, size, size, transposeA: true), flops);
            yield return new("gemm_a_bt", $"{size}x{size}x{size}", d => Gemm(d, size, size, size, transposeB: true), flops);
        }
        // Bytes: the least traffic — BatchNorm forward reads x, writes y; backward reads dy and x, writes dx; softmax
        // reads z and writes p. The kernels read x once more for the statistics, so GB/s here is a floor.
        foreach (var (m, n) in gpu ? [(4096, 1024), (16384, 4096)] : new[] { (4096, 1024) })
        {
            double matrix = 4.0 * m * n;
            yield return new("batchnorm_forward", $"{m}x{n}", d => BatchNorm(d, m, n, backward: false), Bytes: 2 * matrix);
            yield return new("batchnorm_forward_backward", $"{m}x{n}", d => BatchNorm(d, m, n, backward: true), Bytes: 5 * matrix);
        }
        foreach (var (m, n) in gpu ? [(4096, 1000), (16384, 4096)] : new[] { (4096, 1000) })
            yield return new("softmax", $"{m}x{n}", d => Softmax(d, m, n), Bytes: 8.0 * m * n);
        yield return new("cross_entropy_forward_backward", "4096x10", d => CrossEntropy(d, 4096, 10), Bytes: 8.0 * 4096 * 10);
    }

    public static IReadOnlyList<BenchResult> Run(Device device, string? filter, int repeats, TextWriter? progress)
    {
        var results = new List<BenchResult>();
        progress?.WriteLine($"  {device.Name}: {device.Description}");
        foreach (var c in Cases(device.IsGpu))
        {
            if (filter is not null && !c.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)) continue;
            progress?.WriteLine($"  {c.Name} {c.Shape} on {device.Name} …");
            Action step = c.Setup(device);
            void Run()
            {
                using (Device.TrustInputs()) step();
                device.Synchronize();
            }
            results.Add(BenchTimer.Measure(c.Name, c.Shape, 1, Run, repeats, device.Name, c.Flops, c.Bytes));
        }
        return results;
    }

    private static DeviceBuffer<float> Random(Device device, int rows, int cols, int seed) => device.Upload<float>(Matrix.RandomNormal(rows, cols, seed).Data);

    private static Action Gemm(Device device, int m, int n, int k, bool transposeA = false, bool transposeB = false)
    {
        var a = Random(device, m, k, 1);
        var b = Random(device, k, n, 2);
        var c = device.Allocate<float>(m * n);
        return () => device.Gemm(a, b, c, m, n, k, transposeA, transposeB);
    }

    // As the CPU case: running statistics updated, x̂ not stored, dx written over dy.
    private static Action BatchNorm(Device device, int m, int n, bool backward)
    {
        var x = Random(device, m, n, 3);
        var dy = Random(device, m, n, 4);
        var gamma = device.Upload<float>(Enumerable.Repeat(1f, n).ToArray());
        var beta = device.Allocate<float>(n);
        var y = device.Allocate<float>(m * n);
        var mean = device.Allocate<float>(n);
        var invStd = device.Allocate<float>(n);
        var runningMean = device.Allocate<float>(n);
        var runningVar = device.Upload<float>(Enumerable.Repeat(1f, n).ToArray());
        var dGamma = device.Allocate<float>(n);
        var dBeta = device.Allocate<float>(n);
        return () =>
        {
            device.BatchNormForwardTraining(x, m, n, gamma, beta, 1e-5f, y, mean, invStd, null, runningMean, runningVar, 0.9f);
            if (backward) device.BatchNormBackward(dy, x, m, n, gamma, mean, invStd, dy, dGamma, dBeta);
        };
    }

    private static Action Softmax(Device device, int m, int n)
    {
        var z = Random(device, m, n, 5);
        var p = device.Allocate<float>(m * n);
        return () => device.Softmax(z, m, n, p);
    }

    private static Action CrossEntropy(Device device, int m, int n)
    {
        var z = Random(device, m, n, 6);
        var dz = device.Allocate<float>(m * n);
        var rng = new System.Random(7);
        var labels = device.Upload<int>(Enumerable.Range(0, m).Select(_ => rng.Next(n)).ToArray());
        return () => device.SoftmaxCrossEntropy(z, m, n, labels, dz);
    }
}
