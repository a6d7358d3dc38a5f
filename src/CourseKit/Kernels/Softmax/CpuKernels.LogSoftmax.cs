using System.Runtime.CompilerServices;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    /// <summary>
    /// Effectively computes, for every row i of the <paramref name="rows"/> × <paramref name="cols"/> logits
    /// <paramref name="z"/>, <c>destination[i, j] = (z[i, j] − m_i) − log Σ_k exp(z[i, k] − m_i)</c> with
    /// <c>m_i = max_k z[i, k]</c>: the logarithm of softmax, without ever taking log of a rounded-to-zero probability.
    /// </summary>
    /// <remarks>
    /// <c>(z − m)</c> is formed first, then the log-sum is subtracted, so a result near 0 keeps its digits even when the
    /// logits are large. In place, overlap, empty input and NaN/±∞ behave as in <see cref="Softmax"/>.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LogSoftmax(ReadOnlySpan<float> z, int rows, int cols, Span<float> destination)
    {
        CheckRowsOfClasses(z.Length, rows, cols, nameof(z));
        CheckOutput(z, nameof(z), destination, nameof(destination));
        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<float> row = z.Slice(i * cols, cols);
            Span<float> output = destination.Slice(i * cols, cols);
            float max = RowMax(row, out bool finite);
            if (!finite) ThrowNonFiniteLogits(z, cols, nameof(z));
            float logSum = MathF.Log(ExpShiftedSum(row, max, output, store: false));
            MapRow(row, output, new LogSoftmaxMap(max, logSum));
        }
    }
}
