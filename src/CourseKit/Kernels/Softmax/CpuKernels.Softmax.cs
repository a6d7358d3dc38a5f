using System.Runtime.CompilerServices;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    /// <summary>
    /// Effectively computes, for every row i of the <paramref name="rows"/> × <paramref name="cols"/> logits
    /// <paramref name="z"/>, <c>destination[i, j] = exp(z[i, j] − max_k z[i, k]) / Σ_k exp(z[i, k] − max_k z[i, k])</c>.
    /// </summary>
    /// <remarks>
    /// Subtracting the row max leaves the result unchanged (softmax(z) = softmax(z − c)) but keeps every exponent ≤ 0,
    /// so logits like 1000 do not overflow. <paramref name="destination"/> may be <paramref name="z"/> itself (in place)
    /// but must not partially overlap it. Zero rows do nothing; <paramref name="cols"/> must be ≥ 1.
    /// NaN or ±∞ in <paramref name="z"/> throws an <see cref="ArgumentException"/> naming the position, e.g. <c>z[3, 7]</c>;
    /// rows before it have then already been written. Chapter: softmax regression.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Softmax(ReadOnlySpan<float> z, int rows, int cols, Span<float> destination)
    {
        CheckRowsOfClasses(z.Length, rows, cols, nameof(z));
        CheckOutput(z, nameof(z), destination, nameof(destination));
        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<float> row = z.Slice(i * cols, cols);
            Span<float> output = destination.Slice(i * cols, cols);
            float max = RowMax(row, out bool finite);
            if (!finite) ThrowNonFiniteLogits(z, cols, nameof(z));
            float sum = ExpShiftedSum(row, max, output, store: true);  // sum ≥ 1: the max term is exp(0)
            MapRow(output, output, new ScaleMap(1f / sum));
        }
    }
}
