namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    private const string LogitsHint = " Pass probabilities (a softmax output), or call SoftmaxCrossEntropy with the logits.";

    /// <summary>
    /// Effectively computes the cost <c>J = (1/m) Σ_i L(ŷ_i, y_i)</c> with <c>L(ŷ, y) = −Σ_j y_j log ŷ_j = −log ŷ[y]</c>
    /// for integer class labels, from already-computed <paramref name="probabilities"/> ŷ (m = <paramref name="rows"/>
    /// examples × <paramref name="cols"/> classes).
    /// </summary>
    /// <remarks>
    /// Returns +∞ (honestly, no clamping) when the true class has probability 0. Each row of
    /// <paramref name="probabilities"/> must be ≥ 0 and sum to 1 within 1e-3, and <paramref name="rows"/> ≥ 1 (the mean of
    /// an empty batch is undefined). For training, prefer <see cref="SoftmaxCrossEntropy(ReadOnlySpan{float}, int, int, ReadOnlySpan{int}, Span{float}, Span{float})"/>,
    /// which works from the logits and never takes log of a probability rounded to 0.
    /// </remarks>
    public static float CrossEntropy(ReadOnlySpan<float> probabilities, int rows, int cols, ReadOnlySpan<int> labels)
    {
        CheckRowsOfClasses(probabilities.Length, rows, cols, nameof(probabilities));
        Guard.NonEmptyBatch(rows, nameof(rows));
        CheckLabels(labels, rows, cols);
        CheckDistributions(probabilities, rows, cols, nameof(probabilities), LogitsHint);
        double total = 0;
        for (int i = 0; i < rows; i++)
            total -= Math.Log(probabilities[i * cols + labels[i]]);  // log 0 = −∞ → J = +∞
        return (float)(total / rows);
    }

    /// <summary>
    /// Effectively computes the cost <c>J = −(1/m) Σ_i Σ_j y[i, j] log ŷ[i, j]</c> for one-hot or probability
    /// <paramref name="targets"/> y, from already-computed <paramref name="probabilities"/> ŷ (both
    /// <paramref name="rows"/> × <paramref name="cols"/>), with <c>0 · log 0 = 0</c>.
    /// </summary>
    /// <remarks>
    /// Returns +∞ when some y[i, j] &gt; 0 has ŷ[i, j] = 0. Each row of <paramref name="probabilities"/> and of
    /// <paramref name="targets"/> must be ≥ 0 and sum to 1 within 1e-3; <paramref name="rows"/> ≥ 1.
    /// </remarks>
    public static float CrossEntropy(ReadOnlySpan<float> probabilities, int rows, int cols, ReadOnlySpan<float> targets)
    {
        CheckRowsOfClasses(probabilities.Length, rows, cols, nameof(probabilities));
        Guard.NonEmptyBatch(rows, nameof(rows));
        Guard.Length(targets.Length, probabilities.Length, nameof(targets));
        CheckDistributions(probabilities, rows, cols, nameof(probabilities), LogitsHint);
        CheckDistributions(targets, rows, cols, nameof(targets));
        double total = 0;
        for (int k = 0; k < probabilities.Length; k++)
        {
            if (targets[k] != 0f)  // 0 · log 0 = 0: the limit of y log y as y → 0
                total -= targets[k] * Math.Log(probabilities[k]);
        }
        return (float)(total / rows);
    }
}
