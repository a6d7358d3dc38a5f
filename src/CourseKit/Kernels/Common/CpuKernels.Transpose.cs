namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    /// <summary>destination (cols × rows) = sourceᵀ, for source rows × cols, both row-major.</summary>
    internal static void TransposeRowMajor(ReadOnlySpan<float> source, int rows, int cols, Span<float> destination)
    {
        for (int i = 0; i < rows; i++)
        {
            var row = source.Slice(i * cols, cols);
            for (int j = 0; j < row.Length; j++) destination[j * rows + i] = row[j];
        }
    }
}
