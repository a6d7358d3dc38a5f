using BenchmarkDotNet.Attributes;
using CourseKit.Kernels;
using CourseKit.Tensors;

namespace CourseKit.Benchmarks;

/// <summary>GEMM against MathNet's managed multiply (the "without SIMD kernels" baseline).</summary>
[MemoryDiagnoser]
public class GemmBenchmarks
{
    private float[] _a = [], _b = [], _c = [];
    private MathNet.Numerics.LinearAlgebra.Matrix<float> _ma = null!, _mb = null!;

    [Params(256, 1024)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _a = Matrix.RandomNormal(N, N, seed: 1).Data;
        _b = Matrix.RandomNormal(N, N, seed: 2).Data;
        _c = new float[N * N];
        _ma = MathNet.Numerics.LinearAlgebra.Matrix<float>.Build.Dense(N, N, _a);
        _mb = MathNet.Numerics.LinearAlgebra.Matrix<float>.Build.Dense(N, N, _b);
    }

    [Benchmark(Baseline = true)]
    public void CourseKit_single_thread() => CpuKernels.Gemm(_a, _b, _c, N, N, N);

    [Benchmark]
    public void CourseKit_two_threads() => CpuKernels.Gemm(_a, _b, _c, N, N, N, threads: 2);

    [Benchmark]
    public object MathNet_managed() => _ma * _mb;
}
