using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    /// <summary>
    /// Batch Normalization forward pass in training mode. For every feature (column) j over the m = <paramref name="rows"/>
    /// examples it effectively computes μⱼ = (1/m)·Σᵢ x[i,j], the biased variance σ²ⱼ = (1/m)·Σᵢ (x[i,j] − μⱼ)²,
    /// x̂[i,j] = (x[i,j] − μⱼ) / √(σ²ⱼ + ε) with ε inside the square root, and y[i,j] = γⱼ·x̂[i,j] + βⱼ.
    /// </summary>
    /// <remarks>
    /// <para>Running statistics, when given, become exponentially weighted averages:
    /// running = momentum·running + (1 − momentum)·batch, with momentum as in Keras (0.9 keeps 90 % of the old value);
    /// PyTorch's <c>momentum</c> argument is 1 − ours (its default 0.1 is our 0.9). Like PyTorch, the running variance
    /// averages the unbiased batch variance m/(m − 1)·σ²; x̂ itself uses the biased σ².</para>
    /// <para>Statistics are summed relative to K ≈ μ (the mean of the first 32 examples) in float blocks folded into double, so inputs with
    /// |μ| ≫ σ (say 10⁴ + N(0, 1)) keep their variance to about 1e-6 relative.</para>
    /// <para>Aliasing: <paramref name="y"/> and <paramref name="xHat"/> may each be <paramref name="x"/> itself (in place);
    /// any partial overlap throws. When an exception is thrown nothing has been written.</para>
    /// <para>Taught in the chapter "Normalizing activations in a network"; <c>ReferenceKernels.BatchNormForwardTraining</c> is the readable twin.</para>
    /// </remarks>
    /// <param name="x">Input, <paramref name="rows"/> × <paramref name="cols"/> row-major: one example per row.</param>
    /// <param name="rows">m, the batch size: at least 2 (one example has variance 0).</param>
    /// <param name="cols">n, the number of features.</param>
    /// <param name="gamma">γ, scale per feature, length n.</param>
    /// <param name="beta">β, shift per feature, length n.</param>
    /// <param name="epsilon">ε &gt; 0, added to the variance inside the square root (1e-5 in PyTorch, 1e-3 in Keras).</param>
    /// <param name="y">Output, at least m·n.</param>
    /// <param name="mean">Output μ per feature, at least n (for the backward pass).</param>
    /// <param name="invStd">Output 1/√(σ² + ε) per feature, at least n (for the backward pass).</param>
    /// <param name="xHat">Output x̂, at least m·n; or empty to skip writing it (the backward overload taking x recomputes it).</param>
    /// <param name="runningMean">Running mean, length n, updated in place; or empty (together with <paramref name="runningVar"/>) to leave running statistics alone.</param>
    /// <param name="runningVar">Running (unbiased) variance, length n, updated in place; or empty.</param>
    /// <param name="momentum">Weight of the old running value, in [0, 1).</param>
    public static void BatchNormForwardTraining(
        ReadOnlySpan<float> x, int rows, int cols, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, float epsilon,
        Span<float> y, Span<float> mean, Span<float> invStd, Span<float> xHat,
        Span<float> runningMean, Span<float> runningVar, float momentum)
    {
        BatchNormMatrix(x.Length, rows, cols, nameof(x));
        BatchNormTrainingBatch(rows);
        Guard.Length(gamma.Length, cols, nameof(gamma));
        Guard.Length(beta.Length, cols, nameof(beta));
        Guard.Epsilon(epsilon);
        Guard.InRange(momentum, 0f, 1f, nameof(momentum), highInclusive: false);
        Guard.DestinationLength(y.Length, x.Length, nameof(y));
        Guard.DestinationLength(mean.Length, cols, nameof(mean));
        Guard.DestinationLength(invStd.Length, cols, nameof(invStd));
        if (!xHat.IsEmpty) Guard.DestinationLength(xHat.Length, x.Length, nameof(xHat));
        bool running = BatchNormRunningStats(runningMean, runningVar, cols);
        Guard.AllFinite(gamma, nameof(gamma));
        Guard.AllFinite(beta, nameof(beta));
        y = y[..x.Length];
        mean = mean[..cols];
        invStd = invStd[..cols];
        if (!xHat.IsEmpty) xHat = xHat[..x.Length];
        Guard.NoPartialOverlap(x, nameof(x), y, nameof(y));
        Guard.NoPartialOverlap(x, nameof(x), xHat, nameof(xHat));
        Guard.NoOverlap(y, nameof(y), xHat, nameof(xHat));
        // The per-feature outputs are written last, after the big pass: they need only stay clear of y, x̂ and each other.
        Guard.NoOverlap(mean, nameof(mean), invStd, nameof(invStd));
        Guard.NoOverlap(runningMean, nameof(runningMean), runningVar, nameof(runningVar));
        BatchNormOutputsApart(mean, invStd, runningMean, nameof(runningMean));
        BatchNormOutputsApart(mean, invStd, runningVar, nameof(runningVar));
        BatchNormOutputsApart(y, xHat, mean, nameof(mean));
        BatchNormOutputsApart(y, xHat, invStd, nameof(invStd));
        BatchNormOutputsApart(y, xHat, runningMean, nameof(runningMean));
        BatchNormOutputsApart(y, xHat, runningVar, nameof(runningVar));

        float[] f = ArrayPool<float>.Shared.Rent(5 * cols);
        double[] d = ArrayPool<double>.Shared.Rent(2 * cols);
        try
        {
            BatchNormTrainingCore(x, rows, cols, gamma, beta, epsilon, y, xHat, f, d);
            // Only now, with y done, the per-feature outputs: μ = K + d and σ² sit in the double scratch.
            var mu = d.AsSpan(0, cols);
            var sigma2 = d.AsSpan(cols, cols);
            f.AsSpan(3 * cols, cols).CopyTo(invStd);
            BatchNormNarrow(mu, mean);
            if (running) BatchNormUpdateRunning(rows, momentum, mu, sigma2, runningMean, runningVar);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(f);
            ArrayPool<double>.Shared.Return(d);
        }
    }

    /// <summary>
    /// Statistics, validation, then the y (and x̂) pass. Scratch on return: <paramref name="d"/> = [μ | σ²],
    /// <paramref name="f"/> = [shift K | scale | offset | 1/√(σ²+ε) | −(μ−K)/√(σ²+ε)].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BatchNormTrainingCore(
        ReadOnlySpan<float> x, int rows, int cols, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, float epsilon,
        Span<float> y, Span<float> xHat, float[] f, double[] d)
    {
        var shift = f.AsSpan(0, cols);
        var scale = f.AsSpan(cols, cols);
        var offset = f.AsSpan(2 * cols, cols);
        var inv = f.AsSpan(3 * cols, cols);
        var hatOffset = f.AsSpan(4 * cols, cols);
        var mu = d.AsSpan(0, cols);
        var sigma2 = d.AsSpan(cols, cols);

        // Shift by K ≈ μ, the mean of the first rows: x − K is O(σ), so Σ(x−K)² does not drown in μ² (K = x[0] alone
        // would let one outlying first example cost digits). K need not be accurate: the sums use exactly this K.
        int head = Math.Min(rows, BatchNormBlockRows);
        x[..cols].CopyTo(shift);
        for (int r = 1; r < head; r++) TensorPrimitives.Add(shift, x.Slice(r * cols, cols), shift);
        TensorPrimitives.Multiply(shift, 1f / head, shift);
        BatchNormColumnSums(x, shift, x, shift, rows, cols, scale, offset, mu, sigma2);
        // A NaN or ±∞ anywhere in a column makes its sums non-finite: the cheap check before anything is written.
        if (!BatchNormSumsFinite(mu, sigma2)) Guard.ThrowNonFinite(x, nameof(x), cols);
        BatchNormForwardCoefficients(rows, epsilon, gamma, beta, shift, mu, sigma2, scale, offset, inv, hatOffset);

        BatchNormTrainingOutputs(x, rows, cols, shift, scale, offset, y, inv, hatOffset, xHat);
    }

    /// <summary>The big pass: y = (x − K)·scale + offset, and x̂ = (x − K)·inv + hatOffset when x̂ is wanted.</summary>
    private static void BatchNormTrainingOutputs(
        ReadOnlySpan<float> x, int rows, int cols, ReadOnlySpan<float> shift, ReadOnlySpan<float> scale, ReadOnlySpan<float> offset,
        Span<float> y, ReadOnlySpan<float> inv, ReadOnlySpan<float> hatOffset, Span<float> xHat)
    {
        // A y too big for the caches to keep goes around them (see BatchNormStreamingBytes).
        if (xHat.IsEmpty && (long)y.Length * sizeof(float) >= BatchNormStreamingBytes && BatchNormCanStream
            && BatchNormAffineStreaming(x, rows, cols, shift, scale, offset, y))
            return;
        int r = 0;
        if (xHat.IsEmpty)
            for (; r + 4 <= rows; r += 4) BatchNormAffine4Rows(x.Slice(r * cols, 4 * cols), shift, scale, offset, y.Slice(r * cols, 4 * cols), cols);
        for (; r < rows; r++)
        {
            var xr = x.Slice(r * cols, cols);
            if (xHat.IsEmpty) BatchNormAffineRow(xr, shift, scale, offset, y.Slice(r * cols, cols));
            else BatchNormAffineRow2(xr, shift, scale, offset, y.Slice(r * cols, cols), inv, hatOffset, xHat.Slice(r * cols, cols));
        }
    }
}
