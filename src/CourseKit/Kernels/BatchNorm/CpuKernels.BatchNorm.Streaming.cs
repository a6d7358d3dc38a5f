using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    /// <summary>
    /// From this size of y (bytes) the training forward pass writes y with non-temporal (streaming) stores, as memcpy
    /// does above its threshold; below it, ordinary stores leave y in the caches for the next layer to read.
    /// </summary>
    /// <remarks>
    /// Measured on Zen 5 (L2 1 MiB per core, L3 32 MiB shared) with a scratch copy of these loops, × 1024 columns, thread
    /// CPU time of the forward pass followed by one read of y as the next layer would do, medians of 3: ordinary stores win
    /// up to 8 MiB (1, 4, 8 MiB: 0.069 / 0.25 / 0.52 ms against 0.076 / 0.32 / 0.59 streaming: y comes back from L3, not
    /// from memory); 9–11 MiB is within noise; from 12 MiB streaming wins (12 / 16 MiB: 1.07 / 1.62 ms against 1.36 /
    /// 2.04), and the forward pass alone takes 1.05 ms against 1.50 at 16 MiB: ordinary stores first read every line of y
    /// (read-for-ownership) and push x out of L3 before its second read, while the streamed y was never going to stay in
    /// the cache anyway.
    /// </remarks>
    private const long BatchNormStreamingBytes = 10L << 20;

    /// <summary>Streaming stores of whole aligned vectors: AVX-512 (64-byte lines) or AVX (32 bytes).</summary>
    private static bool BatchNormCanStream =>
        (Vector512.IsHardwareAccelerated && Avx512F.IsSupported) || (Vector256.IsHardwareAccelerated && Avx.IsSupported);

    /// <summary>
    /// <see cref="BatchNormAffineRow"/> for every row, <c>y = (x − shift)·scale + offset</c>, with the same arithmetic
    /// (same bits) but y's aligned vectors written with non-temporal stores that bypass the caches.
    /// </summary>
    /// <remarks>
    /// Each row's unaligned head and tail use ordinary stores, so a cache line is never written both ways. When a row
    /// is a whole number of vectors all rows share the head and four rows share each coefficient load, as in
    /// <see cref="BatchNormAffine4Rows"/>. Each element of x is read before y's element at the same index is written,
    /// so y may be x itself. The store fence at the end orders the weakly ordered streaming stores before whatever
    /// follows (another thread may read y next). Returns false, having written nothing, when y is not float-aligned
    /// (a span cast from bytes can be): its vectors could never be aligned.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe bool BatchNormAffineStreaming(
        ReadOnlySpan<float> x, int rows, int cols, ReadOnlySpan<float> shift, ReadOnlySpan<float> scale, ReadOnlySpan<float> offset, Span<float> y)
    {
        // 32-byte vectors when they, and not 64-byte ones, divide a row (1000 columns): then the rows still share
        // their alignment and so four rows their coefficient loads (4096 × 1000, whole forward pass: 1.4 ms streaming one
        // row at a time, 0.9 ms four rows at a time with 32-byte vectors).
        bool wide = Vector512.IsHardwareAccelerated && Avx512F.IsSupported && (cols % Vector512<float>.Count == 0 || cols % Vector256<float>.Count != 0);
        int width = wide ? Vector512<float>.Count : Vector256<float>.Count;
        int group = cols % width == 0 ? 4 : 1;
        fixed (float* px = x, py = y, ps = shift, pa = scale, pc = offset)
        {
            if (((nuint)py & (sizeof(float) - 1)) != 0) return false;
            for (int r = 0; r < rows; r += group)
            {
                int k = Math.Min(group, rows - r);
                long o = (long)r * cols;
                // Floats up to the next vector boundary of this row in y: the unaligned ends get ordinary stores.
                int head = Math.Min(cols, (int)(((nuint)(-(nint)(py + o)) & (nuint)(width * sizeof(float) - 1)) / sizeof(float)));
                int body = (cols - head) / width * width;
                for (int q = 0; q < k; q++)
                {
                    long oq = o + (long)q * cols;
                    int t = head + body;
                    BatchNormAffineRow(x.Slice((int)oq, head), shift, scale, offset, y.Slice((int)oq, head));
                    BatchNormAffineRow(x.Slice((int)oq + t, cols - t), shift[t..], scale[t..], offset[t..], y.Slice((int)oq + t, cols - t));
                    if (k == 4) continue;
                    float* next = r + q + 1 < rows ? px + oq + cols + head : null;
                    BatchNormStreamRows(px + oq + head, py + oq + head, ps + head, pa + head, pc + head, 0, 1, body, wide, next);
                }
                if (k == 4)
                {
                    float* next = r + 8 <= rows ? px + o + 4L * cols + head : null;
                    BatchNormStreamRows(px + o + head, py + o + head, ps + head, pa + head, pc + head, (nuint)cols, 4, body, wide, next);
                }
            }
        }
        Sse.StoreFence();
        return true;
    }

    /// <summary>
    /// <paramref name="count"/> columns (whole vectors; y aligned to a vector) of one or four rows
    /// <paramref name="stride"/> apart: <c>y = (x − s)·a + c</c> with streaming stores, of 64 bytes when
    /// <paramref name="wide"/>, else 32. The same columns of as many rows of x from <paramref name="next"/> on (null:
    /// none) are prefetched meanwhile, as in <see cref="BatchNormAccumulate4RowsSquared"/>: a row of 1024 floats is
    /// one page, where the hardware prefetchers start over. A scratch copy of this loop, 4096 × 1024: 0.41–0.58 ms
    /// against 0.64–0.71 without (a plain streaming copy: 0.47–0.54); the whole forward pass gains less, 0.90 ms against
    /// 0.93 (`coursekit bench kernels`, medians of 10 alternating runs, faster in 9 of them).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void BatchNormStreamRows(
        float* x, float* y, float* s, float* a, float* c, nuint stride, int rowCount, int count, bool wide, float* next)
    {
        nuint n1 = stride, n2 = 2 * stride, n3 = 3 * stride, end = (nuint)count;
        bool prefetch = next != null && Sse.IsSupported;
        if (wide && Avx512F.IsSupported)
        {
            for (nuint j = 0; j < end; j += (nuint)Vector512<float>.Count)
            {
                if (prefetch) BatchNormPrefetchRows(next + j, n1, rowCount);
                Vector512<float> vs = Vector512.Load(s + j), va = Vector512.Load(a + j), vc = Vector512.Load(c + j);
                Avx512F.StoreAlignedNonTemporal(y + j, Vector512.FusedMultiplyAdd(Vector512.Load(x + j) - vs, va, vc));
                if (rowCount == 1) continue;   // a branch the predictor always gets right; the loop is memory-bound
                Avx512F.StoreAlignedNonTemporal(y + j + n1, Vector512.FusedMultiplyAdd(Vector512.Load(x + j + n1) - vs, va, vc));
                Avx512F.StoreAlignedNonTemporal(y + j + n2, Vector512.FusedMultiplyAdd(Vector512.Load(x + j + n2) - vs, va, vc));
                Avx512F.StoreAlignedNonTemporal(y + j + n3, Vector512.FusedMultiplyAdd(Vector512.Load(x + j + n3) - vs, va, vc));
            }
            return;
        }
        for (nuint j = 0; j < end; j += (nuint)Vector256<float>.Count)
        {
            if (prefetch) BatchNormPrefetchRows(next + j, n1, rowCount);
            Vector256<float> vs = Vector256.Load(s + j), va = Vector256.Load(a + j), vc = Vector256.Load(c + j);
            Avx.StoreAlignedNonTemporal(y + j, Vector256.FusedMultiplyAdd(Vector256.Load(x + j) - vs, va, vc));
            if (rowCount == 1) continue;
            Avx.StoreAlignedNonTemporal(y + j + n1, Vector256.FusedMultiplyAdd(Vector256.Load(x + j + n1) - vs, va, vc));
            Avx.StoreAlignedNonTemporal(y + j + n2, Vector256.FusedMultiplyAdd(Vector256.Load(x + j + n2) - vs, va, vc));
            Avx.StoreAlignedNonTemporal(y + j + n3, Vector256.FusedMultiplyAdd(Vector256.Load(x + j + n3) - vs, va, vc));
        }
    }
}
