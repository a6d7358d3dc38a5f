using BenchmarkDotNet.Attributes;
using CourseKit.Tensors;
using CourseKit.Kernels;

namespace CourseKit.Benchmarks;

/// <summary>The memory-bound kernels at the shapes of <c>coursekit bench kernels</c>, single-threaded.</summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private const int M = 4096, N = 1024, Classes = 1000, Labels = 10;
    private float[] _x = [], _dy = [], _y = [], _gamma = [], _beta = [], _mean = [], _invStd = [], _runMean = [], _runVar = [], _dGamma = [], _dBeta = [];
    private float[] _logits = [], _probabilities = [], _small = [], _dSmall = [];
    private int[] _labels = [];

    [GlobalSetup]
    public void Setup()
    {
        _x = Matrix.RandomNormal(M, N, seed: 3).Data;
        _dy = Matrix.RandomNormal(M, N, seed: 4).Data;
        _y = new float[M * N];
        _gamma = Enumerable.Repeat(1f, N).ToArray();
        _beta = new float[N];
        (_mean, _invStd, _runMean, _runVar, _dGamma, _dBeta) = (new float[N], new float[N], new float[N], Enumerable.Repeat(1f, N).ToArray(), new float[N], new float[N]);
        _logits = Matrix.RandomNormal(M, Classes, seed: 5).Data;
        _probabilities = new float[M * Classes];
        _small = Matrix.RandomNormal(M, Labels, seed: 6).Data;
        _dSmall = new float[M * Labels];
        var rng = new Random(7);
        _labels = Enumerable.Range(0, M).Select(_ => rng.Next(Labels)).ToArray();
        BatchNormForwardTraining(); // μ and 1/√(σ²+ε) for the backward benchmark
    }

    [Benchmark]
    public void BatchNormForwardTraining() =>
        CpuKernels.BatchNormForwardTraining(_x, M, N, _gamma, _beta, 1e-5f, _y, _mean, _invStd, [], _runMean, _runVar, 0.9f);

    [Benchmark]
    public void BatchNormBackwardFromX() =>
        CpuKernels.BatchNormBackward(_dy, _x, M, N, _gamma, _mean, _invStd, _y, _dGamma, _dBeta);

    [Benchmark]
    public void Softmax() => CpuKernels.Softmax(_logits, M, Classes, _probabilities);

    [Benchmark]
    public float SoftmaxCrossEntropyForwardBackward() => CpuKernels.SoftmaxCrossEntropy(_small, M, Labels, _labels, _dSmall);
}
