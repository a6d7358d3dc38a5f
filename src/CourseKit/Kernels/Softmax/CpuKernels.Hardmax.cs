using System.Runtime.CompilerServices;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    /// <summary>
    /// Effectively computes, for every row i of the <paramref name="rows"/> × <paramref name="cols"/> matrix
    /// <paramref name="z"/>, the one-hot vector <c>destination[i, j] = 1 if j = argmax_k z[i, k] else 0</c>
    /// (ties → lowest index) — the "hard" max that softmax smooths.
    /// </summary>
    /// <remarks>In place, overlap, empty input and NaN/±∞ behave as in <see cref="Softmax"/>.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Hardmax(ReadOnlySpan<float> z, int rows, int cols, Span<float> destination)
    {
        CheckRowsOfClasses(z.Length, rows, cols, nameof(z));
        CheckOutput(z, nameof(z), destination, nameof(destination));
        for (int i = 0; i < rows; i++)
        {
            int index = RowArgMax(z, i, cols);
            Span<float> output = destination.Slice(i * cols, cols);
            output.Clear();
            output[index] = 1f;
        }
    }

    /// <summary>
    /// Effectively computes <c>destination[i] = argmax_j z[i, j]</c> for every row i of the
    /// <paramref name="rows"/> × <paramref name="cols"/> matrix <paramref name="z"/> (ties → lowest index):
    /// the predicted class of each example.
    /// </summary>
    /// <remarks>
    /// <paramref name="destination"/> needs at least <paramref name="rows"/> elements. NaN or ±∞ in <paramref name="z"/>
    /// throws an <see cref="ArgumentException"/> naming the position.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ArgMax(ReadOnlySpan<float> z, int rows, int cols, Span<int> destination)
    {
        CheckRowsOfClasses(z.Length, rows, cols, nameof(z));
        Guard.DestinationLength(destination.Length, rows, nameof(destination));
        for (int i = 0; i < rows; i++)
            destination[i] = RowArgMax(z, i, cols);
    }

    private static int RowArgMax(ReadOnlySpan<float> z, int i, int cols)
    {
        ReadOnlySpan<float> row = z.Slice(i * cols, cols);
        float max = RowMax(row, out bool finite);
        if (!finite) ThrowNonFiniteLogits(z, cols, nameof(z));
        return FirstIndexOf(row, max);
    }
}
