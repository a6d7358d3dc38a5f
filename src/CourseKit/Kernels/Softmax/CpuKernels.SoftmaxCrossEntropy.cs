using System.Runtime.CompilerServices;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    /// <summary>
    /// Effectively computes softmax and the cross-entropy cost in one pass, for integer class labels:
    /// <c>J = −(1/m) Σ_i log ŷ[i, labels[i]]</c> with <c>log ŷ = log-softmax(logits)</c> (m = <paramref name="rows"/>),
    /// and, when requested, <c>dLogits = ∂J/∂logits = (ŷ − y)/m</c> (y one-hot) and <c>probabilities = ŷ</c>.
    /// </summary>
    /// <remarks>
    /// Works from the logits via log-softmax, so it never takes log of a probability rounded to 0.
    /// Pass an empty <paramref name="dLogits"/> or <paramref name="probabilities"/> to skip that output; each may be
    /// <paramref name="logits"/> itself (in place) but not partially overlap it, nor each other.
    /// <paramref name="rows"/> ≥ 1 (the mean of an empty batch is undefined), one label per row with
    /// 0 ≤ label &lt; <paramref name="cols"/>. NaN or ±∞ in the logits throws before any output is written.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float SoftmaxCrossEntropy(ReadOnlySpan<float> logits, int rows, int cols, ReadOnlySpan<int> labels,
        Span<float> dLogits = default, Span<float> probabilities = default)
    {
        CheckRowsOfClasses(logits.Length, rows, cols, nameof(logits));
        Guard.NonEmptyBatch(rows, nameof(rows));
        CheckLabels(labels, rows, cols);
        CheckFusedOutputs(logits, dLogits, probabilities);
        Guard.AllFinite(logits, nameof(logits), cols);
        bool wantP = !probabilities.IsEmpty, wantD = !dLogits.IsEmpty;
        float invM = 1f / rows;
        double total = 0;
        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<float> row = logits.Slice(i * cols, cols);
            Span<float> p = wantP ? probabilities.Slice(i * cols, cols) : wantD ? dLogits.Slice(i * cols, cols) : default;
            int y = labels[i];
            float max = RowMax(row, out _);
            float zy = row[y] - max;  // read before an in-place output overwrites the row
            float sum = ExpShiftedSum(row, max, p, store: wantP || wantD);  // p = exp(z − max), not yet normalized
            total += MathF.Log(sum) - zy;                                    // −log ŷ_y = log Σ exp(z − max) − (z_y − max)
            if (!wantP && !wantD) continue;
            float invSum = 1f / sum, yHatY = p[y] * invSum;
            if (wantP) MapRow(p, p, new ScaleMap(invSum));                  // ŷ = e / Σ e
            if (!wantD) continue;
            Span<float> d = dLogits.Slice(i * cols, cols);
            MapRow(p, d, new ScaleMap(wantP ? invM : invSum * invM));       // ŷ/m (from e when p still holds e)
            d[y] = (yHatY - 1f) * invM;                                      // (ŷ_y − 1)/m for the true class
        }
        return (float)(total / rows);
    }

    /// <summary>
    /// Effectively computes softmax and the cross-entropy cost in one pass, for one-hot or probability
    /// <paramref name="targets"/> y (<paramref name="rows"/> × <paramref name="cols"/>):
    /// <c>J = −(1/m) Σ_i Σ_j y[i, j] log ŷ[i, j]</c> with <c>log ŷ = log-softmax(logits)</c>, and, when requested,
    /// <c>dLogits = (ŷ − y)/m</c> and <c>probabilities = ŷ</c>.
    /// </summary>
    /// <remarks>
    /// Each row of <paramref name="targets"/> must be ≥ 0 and sum to 1 within 1e-3 (then <c>(ŷ − y)/m</c> is the exact
    /// gradient). <paramref name="targets"/> must not overlap an output. Otherwise as the integer-label overload.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float SoftmaxCrossEntropy(ReadOnlySpan<float> logits, int rows, int cols, ReadOnlySpan<float> targets,
        Span<float> dLogits = default, Span<float> probabilities = default)
    {
        CheckRowsOfClasses(logits.Length, rows, cols, nameof(logits));
        Guard.NonEmptyBatch(rows, nameof(rows));
        Guard.Length(targets.Length, logits.Length, nameof(targets));
        CheckFusedOutputs(logits, dLogits, probabilities);
        Guard.NoOverlap(targets, nameof(targets), dLogits, nameof(dLogits));
        Guard.NoOverlap(targets, nameof(targets), probabilities, nameof(probabilities));
        Guard.AllFinite(logits, nameof(logits), cols);
        CheckDistributions(targets, rows, cols, nameof(targets));
        bool wantP = !probabilities.IsEmpty, wantD = !dLogits.IsEmpty;
        float invM = 1f / rows;
        double total = 0;
        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<float> row = logits.Slice(i * cols, cols), t = targets.Slice(i * cols, cols);
            Span<float> p = wantP ? probabilities.Slice(i * cols, cols) : wantD ? dLogits.Slice(i * cols, cols) : default;
            float max = RowMax(row, out _);
            float shiftedDot = TargetShiftedDot(t, row, max, out float ySum);  // Σ y (z − max), read before in-place outputs
            float sum = ExpShiftedSum(row, max, p, store: wantP || wantD);
            // −Σ y log ŷ = −Σ y (z − max − log Σ exp(z − max)) = Σy · log Σ exp(z − max) − Σ y (z − max)
            total += ySum * MathF.Log(sum) - shiftedDot;
            if (!wantP && !wantD) continue;
            MapRow(p, p, new ScaleMap(1f / sum));
            if (wantD) SubtractScaled(p, t, invM, dLogits.Slice(i * cols, cols));
        }
        return (float)(total / rows);
    }
}
