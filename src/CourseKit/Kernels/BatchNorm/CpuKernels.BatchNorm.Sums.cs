using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    // float partial sums cover at most this many rows before they are folded into double,
    // so rounding grows with the block size, not with the batch size.
    private const int BatchNormBlockRows = 32;

    /// <summary>
    /// Per column j of two m × n matrices: <c>sumA[j] = Σ_r (a[r,j] − shiftA[j])</c> and
    /// <c>sumAB[j] = Σ_r (a[r,j] − shiftA[j])·(b[r,j] − shiftB[j])</c>.
    /// </summary>
    /// <remarks>
    /// Hand-written because it fuses two reductions over rows of a row-major matrix in one sequential pass;
    /// TensorPrimitives reduces one 1-D span at a time. Rows are streamed in order; the per-column float
    /// accumulators (<paramref name="blockA"/>, <paramref name="blockAB"/>, length n) stay in L1.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BatchNormColumnSums(
        ReadOnlySpan<float> a, ReadOnlySpan<float> shiftA, ReadOnlySpan<float> b, ReadOnlySpan<float> shiftB,
        int rows, int cols, Span<float> blockA, Span<float> blockAB, Span<double> sumA, Span<double> sumAB)
    {
        sumA = sumA[..cols];
        sumAB = sumAB[..cols];
        blockA = blockA[..cols];
        blockAB = blockAB[..cols];
        // The forward pass sums x against itself: then each value needs one load and one shift, not two.
        bool squares = a == b && shiftA == shiftB;
        sumA.Clear();
        sumAB.Clear();
        blockA.Clear();
        blockAB.Clear();
        for (int r0 = 0; r0 < rows; r0 += BatchNormBlockRows)
        {
            int r1 = Math.Min(rows, r0 + BatchNormBlockRows);
            int r = r0;
            for (; r + 4 <= r1; r += 4)
            {
                if (squares)
                {
                    var ahead = r + 8 <= rows ? a.Slice((r + 4) * cols, 4 * cols) : default;
                    BatchNormAccumulate4RowsSquared(a.Slice(r * cols, 4 * cols), shiftA, blockA, blockAB, cols, ahead);
                }
                else BatchNormAccumulate4Rows(a.Slice(r * cols, 4 * cols), shiftA, b.Slice(r * cols, 4 * cols), shiftB, blockA, blockAB, cols);
            }
            for (; r < r1; r++)
                BatchNormAccumulateRow(a.Slice(r * cols, cols), shiftA, b.Slice(r * cols, cols), shiftB, blockA, blockAB);
            BatchNormFold(blockA, sumA);
            BatchNormFold(blockAB, sumAB);
        }
    }

    /// <summary><c>sum[j] += block[j]; block[j] = 0</c>, widening float to double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BatchNormFold(Span<float> block, Span<double> sum)
    {
        int n = block.Length, j = 0;
        Debug.Assert(sum.Length >= n);
        ref float pf = ref MemoryMarshal.GetReference(block);
        ref double pd = ref MemoryMarshal.GetReference(sum);
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j <= n - Vector512<float>.Count; j += Vector512<float>.Count)
            {
                nuint k = (nuint)j, h = k + (nuint)Vector512<double>.Count;
                var (lo, hi) = Vector512.Widen(Vector512.LoadUnsafe(ref pf, k));
                (Vector512.LoadUnsafe(ref pd, k) + lo).StoreUnsafe(ref pd, k);
                (Vector512.LoadUnsafe(ref pd, h) + hi).StoreUnsafe(ref pd, h);
            }
        }
        for (; j < n; j++) Unsafe.Add(ref pd, j) += Unsafe.Add(ref pf, j);
        block.Clear();
    }
}
