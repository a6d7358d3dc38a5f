using System.Runtime.CompilerServices;

namespace CourseKit.Kernels;

// Argument checks shared by the softmax, hardmax and cross-entropy kernels. Each message names the argument,
// the expected and the actual value (see Guard for the common ones).
public static partial class CpuKernels
{
    /// <summary>How far a row of <c>targets</c> or <c>probabilities</c> may sum from 1 (float rounding over many classes).</summary>
    private const float DistributionTolerance = 1e-3f;

    /// <summary>Checks <paramref name="length"/> is <paramref name="rows"/> × <paramref name="cols"/> and there is at least one class.</summary>
    internal static void CheckRowsOfClasses(int length, int rows, int cols, string argument)
    {
        Guard.Dimension(rows, nameof(rows));
        Guard.Dimension(cols, nameof(cols));
        if (cols == 0)
            throw new ArgumentOutOfRangeException(nameof(cols), cols, "cols: expected at least one class (cols ≥ 1), actual 0.");
        long expected = (long)rows * cols;
        if (length != expected)
            throw new ArgumentException($"{argument}: expected rows × cols = {rows} × {cols} = {expected} elements, actual length {length}.", argument);
    }

    /// <summary>Checks an output span: too short is an error, empty means "not requested" where <paramref name="optional"/>.</summary>
    private static void CheckOutput(ReadOnlySpan<float> input, string inputName, ReadOnlySpan<float> output, string outputName, bool optional = false)
    {
        if (optional && output.IsEmpty) return;
        Guard.DestinationLength(output.Length, input.Length, outputName);
        Guard.NoPartialOverlap(input, inputName, output, outputName);
    }

    /// <summary>Checks the optional outputs of the fused softmax–cross-entropy: each may alias the logits, not each other.</summary>
    private static void CheckFusedOutputs(ReadOnlySpan<float> logits, Span<float> dLogits, Span<float> probabilities)
    {
        CheckOutput(logits, nameof(logits), dLogits, nameof(dLogits), optional: true);
        CheckOutput(logits, nameof(logits), probabilities, nameof(probabilities), optional: true);
        Guard.NoOverlap(probabilities, nameof(probabilities), dLogits, nameof(dLogits));
    }

    /// <summary>Checks there is one label per row and each is a valid class index.</summary>
    internal static void CheckLabels(ReadOnlySpan<int> labels, int rows, int cols)
    {
        if (labels.Length != rows)
            throw new ArgumentException($"labels: mismatched label counts: expected one label per row ({rows}), actual {labels.Length}.", nameof(labels));
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)cols)
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i],
                    $"labels[{i}]: label out of range: expected 0 ≤ label < {cols}, actual {labels[i]}.");
        }
    }

    /// <summary>Checks every row of <paramref name="distributions"/> is a probability distribution: finite, ≥ 0, sums to 1.</summary>
    internal static void CheckDistributions(ReadOnlySpan<float> distributions, int rows, int cols, string argument, string hint = "")
    {
        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<float> row = distributions.Slice(i * cols, cols);
            float sum = NonNegativeSum(row, out bool nonNegative);  // +∞ shows as an infinite sum
            if (!nonNegative || !(MathF.Abs(sum - 1f) <= DistributionTolerance))
                ThrowNotDistribution(row, i, sum, argument, hint);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNotDistribution(ReadOnlySpan<float> row, int i, float sum, string argument, string hint)
    {
        for (int j = 0; j < row.Length; j++)
        {
            if (!(row[j] >= 0f) || float.IsPositiveInfinity(row[j]))
                throw new ArgumentException($"{argument}[{i}, {j}]: expected a probability (finite, ≥ 0), actual {row[j]}.", argument);
        }
        throw new ArgumentException(
            $"{argument}: expected each row to sum to 1 (a probability distribution, tolerance {DistributionTolerance}), actual sum {sum} in row {i}.{hint}", argument);
    }

    /// <summary>Error path of the row kernels: the cheap per-row probe found a NaN or ±∞; locate and report it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNonFiniteLogits(ReadOnlySpan<float> z, int cols, string argument) =>
        Guard.ThrowNonFinite(z, argument, rowLength: cols);
}
