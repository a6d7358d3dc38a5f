using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    /// <summary>
    /// Four consecutive rows of <see cref="BatchNormAffineRow"/> at once (src and dst hold 4·n values): each
    /// per-column coefficient is loaded once for four rows.
    /// </summary>
    /// <remarks>
    /// Why: the coefficient loads, not the arithmetic, held the one-row pass back. Measured on Zen 5 for 4096 × 1024
    /// (thread CPU time): one row at a time 1.5 ms, with the coefficients as constants 0.8 ms, the speed of a plain
    /// copy: three extra vector loads per vector of output, each split across two cache lines when the arrays are not
    /// 64-byte aligned (.NET arrays are not), cost as much as the memory traffic itself.
    /// Each element is read before the element at the same index is written, so dst may be src itself.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BatchNormAffine4Rows(
        ReadOnlySpan<float> src, ReadOnlySpan<float> shift, ReadOnlySpan<float> scale, ReadOnlySpan<float> offset, Span<float> dst, int n)
    {
        Debug.Assert(src.Length >= 4 * n && dst.Length >= 4 * n && shift.Length >= n && scale.Length >= n && offset.Length >= n);
        ref float px = ref MemoryMarshal.GetReference(src), ps = ref MemoryMarshal.GetReference(shift);
        ref float pa = ref MemoryMarshal.GetReference(scale), pc = ref MemoryMarshal.GetReference(offset);
        ref float py = ref MemoryMarshal.GetReference(dst);
        nuint n1 = (nuint)n, n2 = 2 * n1, n3 = 3 * n1;
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j <= n - Vector512<float>.Count; j += Vector512<float>.Count)
            {
                nuint k = (nuint)j;
                Vector512<float> s = Vector512.LoadUnsafe(ref ps, k), a = Vector512.LoadUnsafe(ref pa, k), c = Vector512.LoadUnsafe(ref pc, k);
                Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref px, k) - s, a, c).StoreUnsafe(ref py, k);
                Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref px, k + n1) - s, a, c).StoreUnsafe(ref py, k + n1);
                Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref px, k + n2) - s, a, c).StoreUnsafe(ref py, k + n2);
                Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref px, k + n3) - s, a, c).StoreUnsafe(ref py, k + n3);
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j <= n - Vector256<float>.Count; j += Vector256<float>.Count)
            {
                nuint k = (nuint)j;
                Vector256<float> s = Vector256.LoadUnsafe(ref ps, k), a = Vector256.LoadUnsafe(ref pa, k), c = Vector256.LoadUnsafe(ref pc, k);
                Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref px, k) - s, a, c).StoreUnsafe(ref py, k);
                Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref px, k + n1) - s, a, c).StoreUnsafe(ref py, k + n1);
                Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref px, k + n2) - s, a, c).StoreUnsafe(ref py, k + n2);
                Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref px, k + n3) - s, a, c).StoreUnsafe(ref py, k + n3);
            }
        }
        if (j < n)
        {
            for (int row = 0; row < 4; row++)
                BatchNormAffineRow(src.Slice(row * n + j, n - j), shift[j..], scale[j..], offset[j..], dst.Slice(row * n + j, n - j));
        }
    }

    /// <summary>
    /// Four consecutive rows of <see cref="BatchNormBackwardRow"/> at once (dy, b and dx hold 4·n values): the four
    /// per-column coefficients are loaded once for four rows, as in <see cref="BatchNormAffine4Rows"/>.
    /// </summary>
    /// <remarks>Same operations per element as the one-row pass, so the same bits; dx may be dy itself.
    /// Measured on Zen 5 at 128 × 256 (the Fashion-MNIST network's batch): the whole backward 8.5 → 6.6 µs.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BatchNormBackward4Rows(
        ReadOnlySpan<float> dy, ReadOnlySpan<float> b, ReadOnlySpan<float> shift,
        ReadOnlySpan<float> p, ReadOnlySpan<float> r, ReadOnlySpan<float> q, Span<float> dx, int n)
    {
        Debug.Assert(dy.Length >= 4 * n && b.Length >= 4 * n && dx.Length >= 4 * n);
        Debug.Assert(shift.Length >= n && p.Length >= n && r.Length >= n && q.Length >= n);
        ref float pdy = ref MemoryMarshal.GetReference(dy), pb = ref MemoryMarshal.GetReference(b);
        ref float ps = ref MemoryMarshal.GetReference(shift), pp = ref MemoryMarshal.GetReference(p);
        ref float pr = ref MemoryMarshal.GetReference(r), pq = ref MemoryMarshal.GetReference(q);
        ref float pdx = ref MemoryMarshal.GetReference(dx);
        nuint n1 = (nuint)n, n2 = 2 * n1, n3 = 3 * n1;
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j <= n - Vector512<float>.Count; j += Vector512<float>.Count)
            {
                nuint k = (nuint)j;
                Vector512<float> s = Vector512.LoadUnsafe(ref ps, k), a = Vector512.LoadUnsafe(ref pp, k);
                Vector512<float> c = Vector512.LoadUnsafe(ref pr, k), e = Vector512.LoadUnsafe(ref pq, k);
                Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pdy, k), a, Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pb, k) - s, c, e)).StoreUnsafe(ref pdx, k);
                Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pdy, k + n1), a, Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pb, k + n1) - s, c, e)).StoreUnsafe(ref pdx, k + n1);
                Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pdy, k + n2), a, Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pb, k + n2) - s, c, e)).StoreUnsafe(ref pdx, k + n2);
                Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pdy, k + n3), a, Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pb, k + n3) - s, c, e)).StoreUnsafe(ref pdx, k + n3);
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j <= n - Vector256<float>.Count; j += Vector256<float>.Count)
            {
                nuint k = (nuint)j;
                Vector256<float> s = Vector256.LoadUnsafe(ref ps, k), a = Vector256.LoadUnsafe(ref pp, k);
                Vector256<float> c = Vector256.LoadUnsafe(ref pr, k), e = Vector256.LoadUnsafe(ref pq, k);
                Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pdy, k), a, Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pb, k) - s, c, e)).StoreUnsafe(ref pdx, k);
                Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pdy, k + n1), a, Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pb, k + n1) - s, c, e)).StoreUnsafe(ref pdx, k + n1);
                Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pdy, k + n2), a, Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pb, k + n2) - s, c, e)).StoreUnsafe(ref pdx, k + n2);
                Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pdy, k + n3), a, Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pb, k + n3) - s, c, e)).StoreUnsafe(ref pdx, k + n3);
            }
        }
        if (j < n)
        {
            for (int row = 0; row < 4; row++)
                BatchNormBackwardRow(dy.Slice(row * n + j, n - j), b.Slice(row * n + j, n - j), shift[j..], p[j..], r[j..], q[j..], dx.Slice(row * n + j, n - j));
        }
    }
}
