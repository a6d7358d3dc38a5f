using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using CourseKit.Kernels;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Tensors;

namespace CourseKit.Benchmarks;

/// <summary>The cases of <see cref="CpuTimeHarness"/>: GEMM at the benchmark and training shapes, BatchNorm, training steps.</summary>
internal static unsafe class CpuTimeCases
{
    public sealed record Case(string Name, int Threads, Func<Action> Setup, double Flops = 0);

    /// <summary>The FMA probe's size: ≈ 0.1 ms, short beside every case it is paired with.</summary>
    public const int ProbeSteps = 1 << 16;

    /// <summary>The probe's floating-point operations: 12 zmm FMAs of 16 lanes per step.</summary>
    public const double ProbeFlops = 2.0 * 16 * 12 * ProbeSteps;

    public static IEnumerable<Case> All()
    {
        const int FmaSteps = 1 << 20;
        yield return new("fma_peak_zmm", 1, () => () => FmaPeak(FmaSteps), ProbeFlops * (FmaSteps / ProbeSteps));
        foreach (var kernel in MicroKernels.Supported().Take(2))
            yield return new($"micro_{kernel.MR}x{kernel.NR}_in_L1", 1, () => MicroKernelInL1(kernel), 2.0 * kernel.MR * kernel.NR * 256 * 1000);
        yield return new("gemm_1024", 1, () => Gemm(1024, 1024, 1024, 1), 2.0 * 1024 * 1024 * 1024);
        yield return new("gemm_at_b_1024", 1, () => Gemm(1024, 1024, 1024, 1, transposeA: true), 2.0 * 1024 * 1024 * 1024);
        yield return new("gemm_a_bt_1024", 1, () => Gemm(1024, 1024, 1024, 1, transposeB: true), 2.0 * 1024 * 1024 * 1024);
        yield return new("gemm_1024_threads2", 2, () => Gemm(1024, 1024, 1024, 2), 2.0 * 1024 * 1024 * 1024);
        // The Fashion-MNIST network's products at batch 128 (784-256-256-10): forward, dW = Xᵀ·dZ, dX = dZ·Wᵀ.
        yield return new("fashion_fwd_128x784x256", 1, () => Gemm(128, 256, 784, 1), 2.0 * 128 * 256 * 784);
        yield return new("fashion_dw_784x256x128", 1, () => Gemm(784, 256, 128, 1, transposeA: true), 2.0 * 128 * 256 * 784);
        yield return new("fashion_dw_a_normal_784x256x128", 1, () => Gemm(784, 256, 128, 1), 2.0 * 128 * 256 * 784);
        yield return new("fashion_fwd_128x256x256", 1, () => Gemm(128, 256, 256, 1), 2.0 * 128 * 256 * 256);
        yield return new("fashion_dx_128x256x256", 1, () => Gemm(128, 256, 256, 1, transposeB: true), 2.0 * 128 * 256 * 256);
        // The output layer's products (n = 10) and the same products transposed (Zᵀ = Wᵀ·Xᵀ: 10 rows, wide columns).
        yield return new("fashion_out_fwd_128x10x256", 1, () => Gemm(128, 10, 256, 1), 2.0 * 128 * 10 * 256);
        yield return new("fashion_out_fwd_t_10x128x256", 1, () => Gemm(10, 128, 256, 1, transposeA: true, transposeB: true), 2.0 * 128 * 10 * 256);
        yield return new("fashion_out_dw_256x10x128", 1, () => Gemm(256, 10, 128, 1, transposeA: true), 2.0 * 128 * 10 * 256);
        yield return new("fashion_out_dw_t_10x256x128", 1, () => Gemm(10, 256, 128, 1, transposeA: true), 2.0 * 128 * 10 * 256);
        yield return new("fashion_out_dx_128x256x10", 1, () => Gemm(128, 256, 10, 1, transposeB: true), 2.0 * 128 * 10 * 256);
        yield return new("fashion_dw_t_256x784x128", 1, () => Gemm(256, 784, 128, 1, transposeA: true), 2.0 * 128 * 256 * 784);
        yield return new("digits_fwd_64x256x256", 1, () => Gemm(64, 256, 256, 1), 2.0 * 64 * 256 * 256);
        yield return new("digits_dw_256x256x64", 1, () => Gemm(256, 256, 64, 1, transposeA: true), 2.0 * 64 * 256 * 256);
        yield return new("batchnorm_forward_4096x1024", 1, () => BatchNormForward(4096, 1024));
        // Its two passes' floors on this machine: one read of x (the statistics) and one read-and-write (y = affine of x).
        yield return new("batchnorm_inference_4096x1024", 1, () => BatchNormInference(4096, 1024));
        yield return new("batchnorm_inference_4096x1000", 1, () => BatchNormInference(4096, 1000));
        yield return new("batchnorm_forward_4096x1000", 1, () => BatchNormForward(4096, 1000));
        yield return new("vector_copy_16MiB", 1, () => { float[] x = Matrix.RandomNormal(4096, 1024, seed: 3).Data, y = new float[x.Length]; return () => VectorCopy(x, y); });
        yield return new("sum_16MiB", 1, () => { float[] x = Matrix.RandomNormal(4096, 1024, seed: 3).Data; return () => System.Numerics.Tensors.TensorPrimitives.Sum(x); });
        yield return new("copy_16MiB", 1, () => { float[] x = Matrix.RandomNormal(4096, 1024, seed: 3).Data, y = new float[x.Length]; return () => x.CopyTo(y, 0); });
        yield return new("gather_epoch_fashion", 1, GatherEpoch);
        yield return new("relu_128x256", 1, () => { float[] x = Matrix.RandomNormal(128, 256, seed: 3).Data, y = new float[x.Length]; return () => CpuKernels.Relu(x, y); });
        yield return new("relu_backward_128x256", 1, () => { float[] x = Matrix.RandomNormal(128, 256, seed: 3).Data, d = Matrix.RandomNormal(128, 256, seed: 4).Data, y = new float[x.Length]; return () => CpuKernels.ReluBackward(x, d, y); });
        yield return new("adam_fashion_params", 1, AdamFashion);
        yield return new("adam_16k_in_l2", 1, () =>
        {
            var p = new Parameter("w", Matrix.RandomNormal(128, 128, seed: 8), trainable: true, regularized: false);
            Matrix.RandomNormal(128, 128, seed: 9).AsSpan().CopyTo(p.Grad.AsSpan());
            var adam = new Adam(1e-3f);
            Parameter[] list = [p];
            return () => adam.Step(list);
        });
        yield return new("train_step_digits_64", 1, () => TrainStep(64, [256, 256, 256], 64), StepFlops(64, [64, 256, 256, 256, 10]));
        yield return new("train_step_fashion_128", 1, () => TrainStep(784, [256, 256], 128), StepFlops(128, [784, 256, 256, 10]));
    }

    // GEMM work of one step: forward Z = X·W and dW = Xᵀ·dZ for every Dense layer, dX = dZ·Wᵀ for all but the first.
    private static double StepFlops(int batch, int[] widths)
    {
        double forward = 0;
        for (int i = 0; i + 1 < widths.Length; i++) forward += 2.0 * batch * widths[i] * widths[i + 1];
        return 3 * forward - 2.0 * batch * widths[0] * widths[1];
    }

    // 12 independent FMA chains of zmm registers: the core's FMA throughput with nothing else in the way.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    internal static float FmaPeak(int steps)
    {
        var m = Vector512.Create(0.999f);
        var a = Vector512.Create(1e-3f);
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default;
        Vector512<float> c6 = default, c7 = default, c8 = default, c9 = default, c10 = default, c11 = default;
        for (int i = 0; i < steps; i++)
        {
            c0 = Vector512.FusedMultiplyAdd(c0, m, a); c1 = Vector512.FusedMultiplyAdd(c1, m, a);
            c2 = Vector512.FusedMultiplyAdd(c2, m, a); c3 = Vector512.FusedMultiplyAdd(c3, m, a);
            c4 = Vector512.FusedMultiplyAdd(c4, m, a); c5 = Vector512.FusedMultiplyAdd(c5, m, a);
            c6 = Vector512.FusedMultiplyAdd(c6, m, a); c7 = Vector512.FusedMultiplyAdd(c7, m, a);
            c8 = Vector512.FusedMultiplyAdd(c8, m, a); c9 = Vector512.FusedMultiplyAdd(c9, m, a);
            c10 = Vector512.FusedMultiplyAdd(c10, m, a); c11 = Vector512.FusedMultiplyAdd(c11, m, a);
        }
        return Vector512.Sum(c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11);
    }

    // The micro-kernel alone on one packed A and B panel (kc = 256) that stay in L1: its ceiling inside the driver.
    private static Action MicroKernelInL1(IMicroKernel kernel)
    {
        const int kc = 256;
        float[] a = Matrix.RandomNormal(kernel.MR, kc, seed: 1).Data, b = Matrix.RandomNormal(kc, kernel.NR, seed: 2).Data;
        var c = new float[kernel.MR * kernel.NR];
        return () =>
        {
            fixed (float* pa = a, pb = b, pc = c)
                for (int i = 0; i < 1000; i++) kernel.Run(kc, pa, pb, pc, kernel.NR, 1e-3f);
        };
    }

    private static Action Gemm(int m, int n, int k, int threads, bool transposeA = false, bool transposeB = false)
    {
        float[] a = Matrix.RandomNormal(m, k, seed: 1).Data, b = Matrix.RandomNormal(k, n, seed: 2).Data;
        var c = new float[m * n];
        return () => CpuKernels.Gemm(a, b, c, m, n, k, transposeA, transposeB, threads: threads);
    }

    private static Action BatchNormForward(int m, int n)
    {
        float[] x = Matrix.RandomNormal(m, n, seed: 3).Data, y = new float[m * n];
        float[] gamma = Enumerable.Repeat(1f, n).ToArray(), beta = new float[n], mean = new float[n], invStd = new float[n];
        float[] runningMean = new float[n], runningVar = Enumerable.Repeat(1f, n).ToArray();
        return () => CpuKernels.BatchNormForwardTraining(x, m, n, gamma, beta, 1e-5f, y, mean, invStd, [], runningMean, runningVar, 0.9f);
    }

    // A copy through zmm registers with ordinary stores: what a one-pass kernel that writes y could cost at best.
    private static void VectorCopy(float[] x, float[] y)
    {
        fixed (float* px = x, py = y)
            for (int i = 0; i + 16 <= x.Length; i += 16) Vector512.Store(Vector512.Load(px + i), py + i);
    }

    private static Action BatchNormInference(int m, int n)
    {
        float[] x = Matrix.RandomNormal(m, n, seed: 3).Data, y = new float[m * n];
        float[] gamma = Enumerable.Repeat(1f, n).ToArray(), beta = new float[n], mean = new float[n], variance = Enumerable.Repeat(1f, n).ToArray();
        return () => CpuKernels.BatchNormForwardInference(x, m, n, gamma, beta, mean, variance, 1e-5f, y);
    }

    // One training step as Trainer.Fit runs it: forward, loss and dZ, backward (no ∂J/∂input for the data), Adam.
    private static Action TrainStep(int inputs, int[] hidden, int batch)
    {
        var model = new Sequential();
        foreach (int h in hidden) model.Add(new Dense(h, useBias: false)).Add(new BatchNorm()).Add(new Relu());
        model.Add(new Dense(10)).Build(inputs, seed: 0);
        var x = Matrix.RandomNormal(batch, inputs, seed: 4);
        var rng = new Random(5);
        int[] labels = Enumerable.Range(0, batch).Select(_ => rng.Next(10)).ToArray();
        var loss = new SoftmaxCrossEntropyLoss();
        var adam = new Adam(1e-3f);
        var dz = new Matrix(batch, 10);
        var trainable = model.TrainableParameters;
        model.Train();
        return () =>
        {
            var output = model.ForwardShared(x);
            loss.Compute(output, labels, dz);
            loss.Predict(output);
            model.BackwardParameters(dz);
            adam.Step(trainable);
        };
    }

    // One epoch of Fashion-MNIST-sized mini-batches (60 000 × 784, batch 128) gathered from shuffled rows.
    private static Action GatherEpoch()
    {
        var x = Matrix.RandomNormal(60_000, 784, seed: 6);
        var batches = new CourseKit.Data.MiniBatches(x, new int[60_000], 128, seed: 0, dropLast: false, shuffle: true, reuseBuffers: true);
        return () =>
        {
            foreach (var _ in batches.Epoch(1)) { }
        };
    }

    // Adam's step over the Fashion-MNIST network's parameters (268 k floats), alone: what the update costs with nothing else in the caches' way.
    private static Action AdamFashion()
    {
        var model = new Sequential();
        foreach (int h in new[] { 256, 256 }) model.Add(new Dense(h, useBias: false)).Add(new BatchNorm()).Add(new Relu());
        model.Add(new Dense(10)).Build(784, seed: 0);
        var trainable = model.TrainableParameters;
        foreach (var p in trainable) Matrix.RandomNormal(p.Value.Rows, p.Value.Cols, seed: 7).AsSpan().CopyTo(p.Grad.AsSpan());
        var adam = new Adam(1e-3f);
        return () => adam.Step(trainable);
    }
}
