using System.Buffers;
using System.Runtime.CompilerServices;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    /// <summary>
    /// Batch Normalization forward pass in inference mode: for every example i and feature j it effectively computes
    /// y[i,j] = γⱼ·(x[i,j] − runningMeanⱼ) / √(runningVarⱼ + ε) + βⱼ, with ε inside the square root.
    /// No batch statistics are computed, so any batch size ≥ 1 works and each example's output depends on it alone.
    /// </summary>
    /// <remarks>
    /// <para>The running statistics are the ones <see cref="BatchNormForwardTraining"/> maintains (the variance there is the
    /// unbiased one, as in PyTorch). x − runningMean is formed before scaling, so large offsets cancel exactly.</para>
    /// <para><paramref name="y"/> may be <paramref name="x"/> itself (in place); a partial overlap throws. Argument errors
    /// are thrown before anything is written; a non-finite x is found row by row as the pass reaches it, so the rows
    /// before it have already been written to y.</para>
    /// </remarks>
    /// <param name="x">Input, <paramref name="rows"/> × <paramref name="cols"/> row-major: one example per row.</param>
    /// <param name="rows">m, number of examples, at least 1.</param>
    /// <param name="cols">n, the number of features.</param>
    /// <param name="gamma">γ, scale per feature, length n.</param>
    /// <param name="beta">β, shift per feature, length n.</param>
    /// <param name="runningMean">Running mean per feature, length n.</param>
    /// <param name="runningVar">Running variance per feature, length n, finite and ≥ 0.</param>
    /// <param name="epsilon">ε &gt; 0, added to the variance inside the square root.</param>
    /// <param name="y">Output, at least m·n.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void BatchNormForwardInference(
        ReadOnlySpan<float> x, int rows, int cols, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta,
        ReadOnlySpan<float> runningMean, ReadOnlySpan<float> runningVar, float epsilon, Span<float> y)
    {
        BatchNormMatrix(x.Length, rows, cols, nameof(x));
        Guard.NonEmptyBatch(rows, nameof(rows));
        Guard.Length(gamma.Length, cols, nameof(gamma));
        Guard.Length(beta.Length, cols, nameof(beta));
        Guard.Length(runningMean.Length, cols, nameof(runningMean));
        Guard.Length(runningVar.Length, cols, nameof(runningVar));
        Guard.Epsilon(epsilon);
        Guard.DestinationLength(y.Length, x.Length, nameof(y));
        Guard.AllFinite(gamma, nameof(gamma));
        Guard.AllFinite(beta, nameof(beta));
        Guard.AllFinite(runningMean, nameof(runningMean));
        BatchNormVariance(runningVar, nameof(runningVar));
        y = y[..x.Length];
        Guard.NoPartialOverlap(x, nameof(x), y, nameof(y));

        float[] f = ArrayPool<float>.Shared.Rent(3 * cols);
        try
        {
            // Copies, so that y may even alias the per-feature inputs without corrupting them mid-pass.
            var shift = f.AsSpan(0, cols);
            var scale = f.AsSpan(cols, cols);
            var offset = f.AsSpan(2 * cols, cols);
            runningMean.CopyTo(shift);
            beta.CopyTo(offset);
            for (int j = 0; j < cols; j++) scale[j] = (float)(gamma[j] / Math.Sqrt(runningVar[j] + (double)epsilon));

            int r = 0;
            for (; r + 4 <= rows; r += 4)
            {
                var x4 = x.Slice(r * cols, 4 * cols);
                // The rows are in L1 right after this check, so finding a NaN/∞ costs next to nothing.
                if (!Finite.All(x4)) Guard.ThrowNonFinite(x, nameof(x), cols);
                BatchNormAffine4Rows(x4, shift, scale, offset, y.Slice(r * cols, 4 * cols), cols);
            }
            for (; r < rows; r++)
            {
                var xr = x.Slice(r * cols, cols);
                if (!Finite.All(xr)) Guard.ThrowNonFinite(x, nameof(x), cols);
                BatchNormAffineRow(xr, shift, scale, offset, y.Slice(r * cols, cols));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(f);
        }
    }
}
