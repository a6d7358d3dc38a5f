using ILGPU;
using ILGPU.Algorithms;

namespace CourseKit.Kernels.Ilgpu;

/// <summary>
/// Column reductions of a row-major m × n matrix without barriers: thread (j, c) sums column j over the rows of chunk
/// c (32 rows, in float, as the CPU kernels' blocks), neighbouring threads reading neighbouring columns; a second
/// kernel folds the chunks of each column in double.
/// </summary>
internal static class IlgpuColumns
{
    /// <summary>Rows per float partial sum, as <c>CpuKernels.BatchNormBlockRows</c>: rounding grows with it, not with m.</summary>
    public const int ChunkRows = 32;

    public static int Chunks(int rows) => (rows + ChunkRows - 1) / ChunkRows;

    /// <summary>partial[c·n + j] = Σ x[r, j] over the rows r of chunk c.</summary>
    public static void ChunkSums(Index2D index, ArrayView<float> x, ArrayView<float> partial, int rows, int cols)
    {
        int j = index.X, c = index.Y;
        int r1 = XMath.Min(rows, (c + 1) * ChunkRows);
        float sum = 0f;
        for (int r = c * ChunkRows; r < r1; r++) sum += x[(long)r * cols + j];
        partial[(long)c * cols + j] = sum;
    }

    /// <summary>d[j] = scale · Σ_c partial[c·n + j], the chunks folded in double.</summary>
    public static void FoldSums(Index1D j, ArrayView<float> partial, ArrayView<float> d, int chunks, int cols, float scale)
    {
        double sum = 0;
        for (int c = 0; c < chunks; c++) sum += partial[(long)c * cols + j];
        d[j] = (float)sum * scale;
    }

    /// <summary>d[i, j] = x[i, j] + v[j].</summary>
    public static void AddRowVector(Index2D index, ArrayView<float> x, ArrayView<float> v, ArrayView<float> d, int cols)
    {
        long k = (long)index.Y * cols + index.X;
        d[k] = x[k] + v[index.X];
    }
}
