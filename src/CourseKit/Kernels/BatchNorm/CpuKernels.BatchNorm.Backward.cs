using System.Buffers;
using System.Runtime.CompilerServices;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    /// <summary>
    /// Batch Normalization backward pass (training mode), fused closed form. Per feature j over the m = <paramref name="rows"/>
    /// examples it effectively computes dβⱼ = Σᵢ dy[i,j], dγⱼ = Σᵢ dy[i,j]·x̂[i,j] and
    /// dx[i,j] = (γⱼ·invStdⱼ / m)·(m·dy[i,j] − dβⱼ − x̂[i,j]·dγⱼ), invStd = 1/√(σ² + ε) from the forward pass.
    /// </summary>
    /// <remarks>
    /// <para>Two passes over the data (sums, then dx) instead of back-propagating through mean, variance and division
    /// one operation at a time. The formula includes the paths through μ and σ², i.e. it is the gradient of the
    /// training-mode forward pass.</para>
    /// <para><paramref name="dGamma"/> and <paramref name="dBeta"/> are overwritten, not accumulated.
    /// <paramref name="dx"/> may be <paramref name="dy"/> or <paramref name="xHat"/> itself (in place); partial overlaps throw.
    /// When an exception is thrown nothing has been written.</para>
    /// </remarks>
    /// <param name="dy">∂L/∂y, <paramref name="rows"/> × <paramref name="cols"/> row-major.</param>
    /// <param name="xHat">x̂ cached by <see cref="BatchNormForwardTraining"/>, m × n.</param>
    /// <param name="rows">m, the batch size, at least 1.</param>
    /// <param name="cols">n, the number of features.</param>
    /// <param name="gamma">γ per feature, length n.</param>
    /// <param name="invStd">1/√(σ² + ε) per feature from the forward pass, length n.</param>
    /// <param name="dx">Output ∂L/∂x, at least m·n.</param>
    /// <param name="dGamma">Output ∂L/∂γ, at least n (overwritten).</param>
    /// <param name="dBeta">Output ∂L/∂β, at least n (overwritten).</param>
    public static void BatchNormBackward(
        ReadOnlySpan<float> dy, ReadOnlySpan<float> xHat, int rows, int cols, ReadOnlySpan<float> gamma, ReadOnlySpan<float> invStd,
        Span<float> dx, Span<float> dGamma, Span<float> dBeta)
        => BatchNormBackwardCore(dy, xHat, nameof(xHat), fromX: false, default, rows, cols, gamma, invStd, dx, dGamma, dBeta);

    /// <summary>
    /// Batch Normalization backward pass recomputing x̂[i,j] = (x[i,j] − meanⱼ)·invStdⱼ on the fly, so the forward pass
    /// need not store x̂ (it may pass an empty xHat). Effectively computes the same dβ = Σ dy, dγ = Σ dy·x̂ and
    /// dx = (γ·invStd / m)·(m·dy − dβ − x̂·dγ) as <see cref="BatchNormBackward(ReadOnlySpan{float}, ReadOnlySpan{float}, int, int, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, Span{float}, Span{float})"/>.
    /// </summary>
    /// <remarks>
    /// mean and invStd are the float outputs of <see cref="BatchNormForwardTraining"/>; with |μ| ≫ σ the recomputed x̂ carries
    /// the rounding of μ to float (about |μ|·6e-8·invStd). <paramref name="dGamma"/> and <paramref name="dBeta"/> are
    /// overwritten. <paramref name="dx"/> may be <paramref name="dy"/> or <paramref name="x"/> itself; partial overlaps throw.
    /// </remarks>
    /// <param name="dy">∂L/∂y, <paramref name="rows"/> × <paramref name="cols"/> row-major.</param>
    /// <param name="x">The forward pass's input, m × n.</param>
    /// <param name="rows">m, the batch size, at least 1.</param>
    /// <param name="cols">n, the number of features.</param>
    /// <param name="gamma">γ per feature, length n.</param>
    /// <param name="mean">μ per feature from the forward pass, length n.</param>
    /// <param name="invStd">1/√(σ² + ε) per feature from the forward pass, length n.</param>
    /// <param name="dx">Output ∂L/∂x, at least m·n.</param>
    /// <param name="dGamma">Output ∂L/∂γ, at least n (overwritten).</param>
    /// <param name="dBeta">Output ∂L/∂β, at least n (overwritten).</param>
    public static void BatchNormBackward(
        ReadOnlySpan<float> dy, ReadOnlySpan<float> x, int rows, int cols, ReadOnlySpan<float> gamma, ReadOnlySpan<float> mean,
        ReadOnlySpan<float> invStd, Span<float> dx, Span<float> dGamma, Span<float> dBeta)
    {
        Guard.Length(mean.Length, cols, nameof(mean));
        BatchNormBackwardCore(dy, x, nameof(x), fromX: true, mean, rows, cols, gamma, invStd, dx, dGamma, dBeta);
    }

    /// <summary>x̂ = (b − shift)·invStd when <paramref name="fromX"/> (b is x, shift is μ), else x̂ = b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BatchNormBackwardCore(
        ReadOnlySpan<float> dy, ReadOnlySpan<float> b, string bName, bool fromX, ReadOnlySpan<float> shift, int rows, int cols,
        ReadOnlySpan<float> gamma, ReadOnlySpan<float> invStd, Span<float> dx, Span<float> dGamma, Span<float> dBeta)
    {
        BatchNormMatrix(dy.Length, rows, cols, nameof(dy));
        BatchNormMatrix(b.Length, rows, cols, bName);
        Guard.NonEmptyBatch(rows, nameof(rows));
        Guard.Length(gamma.Length, cols, nameof(gamma));
        Guard.Length(invStd.Length, cols, nameof(invStd));
        Guard.DestinationLength(dx.Length, dy.Length, nameof(dx));
        Guard.DestinationLength(dGamma.Length, cols, nameof(dGamma));
        Guard.DestinationLength(dBeta.Length, cols, nameof(dBeta));
        Guard.AllFinite(gamma, nameof(gamma));
        Guard.AllFinite(invStd, nameof(invStd));
        if (fromX) Guard.AllFinite(shift, "mean");
        dx = dx[..dy.Length];
        dGamma = dGamma[..cols];
        dBeta = dBeta[..cols];
        Guard.NoPartialOverlap(dy, nameof(dy), dx, nameof(dx));
        Guard.NoPartialOverlap(b, bName, dx, nameof(dx));
        Guard.NoOverlap(dGamma, nameof(dGamma), dBeta, nameof(dBeta));
        Guard.NoOverlap(dx, nameof(dx), dGamma, nameof(dGamma));
        Guard.NoOverlap(dx, nameof(dx), dBeta, nameof(dBeta));

        float[] f = ArrayPool<float>.Shared.Rent(4 * cols);
        double[] d = ArrayPool<double>.Shared.Rent(2 * cols);
        try
        {
            var bShift = f.AsSpan(0, cols);           // mean, or zeros when b is x̂ already
            var p = f.AsSpan(cols, cols);             // block sums first, then the dx coefficients
            var r = f.AsSpan(2 * cols, cols);
            var q = f.AsSpan(3 * cols, cols);
            var sumDy = d.AsSpan(0, cols);
            var sumDyB = d.AsSpan(cols, cols);
            if (fromX) shift.CopyTo(bShift); else bShift.Clear();
            q.Clear();                                // zero shift for dy
            BatchNormColumnSums(dy, q, b, bShift, rows, cols, p, r, sumDy, sumDyB);
            if (!BatchNormSumsFinite(sumDy, sumDyB))
            {
                if (!Finite.All(dy)) Guard.ThrowNonFinite(dy, nameof(dy), cols);
                Guard.ThrowNonFinite(b, bName, cols);
            }
            BatchNormBackwardCoefficients(rows, fromX, gamma, invStd, sumDy, sumDyB, p, q, r);

            int i = 0;
            for (; i + 4 <= rows; i += 4)
                BatchNormBackward4Rows(dy.Slice(i * cols, 4 * cols), b.Slice(i * cols, 4 * cols), bShift, p, r, q, dx.Slice(i * cols, 4 * cols), cols);
            for (; i < rows; i++)
                BatchNormBackwardRow(dy.Slice(i * cols, cols), b.Slice(i * cols, cols), bShift, p, r, q, dx.Slice(i * cols, cols));

            BatchNormNarrow(sumDyB, dGamma);
            BatchNormNarrow(sumDy, dBeta);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(f);
            ArrayPool<double>.Shared.Return(d);
        }
    }
}
