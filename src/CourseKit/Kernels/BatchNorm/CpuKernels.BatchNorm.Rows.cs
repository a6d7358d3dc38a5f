using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    // The per-row passes that write the big outputs. Each reads its source element before writing the
    // destination element at the same index, so a destination may be the very same span as a source (in place).
    // Hand-written to fuse the subtract and the multiply-add in one pass with per-column coefficients.

    /// <summary>One row: <c>dst[j] = (src[j] − shift[j])·scale[j] + offset[j]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BatchNormAffineRow(
        ReadOnlySpan<float> src, ReadOnlySpan<float> shift, ReadOnlySpan<float> scale, ReadOnlySpan<float> offset, Span<float> dst)
    {
        int n = src.Length, j = 0;
        Debug.Assert(shift.Length >= n && scale.Length >= n && offset.Length >= n && dst.Length >= n);
        ref float px = ref MemoryMarshal.GetReference(src), ps = ref MemoryMarshal.GetReference(shift);
        ref float pa = ref MemoryMarshal.GetReference(scale), pc = ref MemoryMarshal.GetReference(offset);
        ref float py = ref MemoryMarshal.GetReference(dst);
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j <= n - Vector512<float>.Count; j += Vector512<float>.Count)
            {
                nuint k = (nuint)j;
                var u = Vector512.LoadUnsafe(ref px, k) - Vector512.LoadUnsafe(ref ps, k);
                Vector512.FusedMultiplyAdd(u, Vector512.LoadUnsafe(ref pa, k), Vector512.LoadUnsafe(ref pc, k)).StoreUnsafe(ref py, k);
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j <= n - Vector256<float>.Count; j += Vector256<float>.Count)
            {
                nuint k = (nuint)j;
                var u = Vector256.LoadUnsafe(ref px, k) - Vector256.LoadUnsafe(ref ps, k);
                Vector256.FusedMultiplyAdd(u, Vector256.LoadUnsafe(ref pa, k), Vector256.LoadUnsafe(ref pc, k)).StoreUnsafe(ref py, k);
            }
        }
        for (; j < n; j++)
            Unsafe.Add(ref py, j) = MathF.FusedMultiplyAdd(Unsafe.Add(ref px, j) - Unsafe.Add(ref ps, j), Unsafe.Add(ref pa, j), Unsafe.Add(ref pc, j));
    }

    /// <summary>One row, two outputs from the same shifted source: <c>dst = u·scale + offset</c>, <c>dst2 = u·scale2 + offset2</c>, <c>u = src − shift</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BatchNormAffineRow2(
        ReadOnlySpan<float> src, ReadOnlySpan<float> shift, ReadOnlySpan<float> scale, ReadOnlySpan<float> offset, Span<float> dst,
        ReadOnlySpan<float> scale2, ReadOnlySpan<float> offset2, Span<float> dst2)
    {
        int n = src.Length, j = 0;
        Debug.Assert(shift.Length >= n && scale.Length >= n && offset.Length >= n && dst.Length >= n);
        Debug.Assert(scale2.Length >= n && offset2.Length >= n && dst2.Length >= n);
        ref float px = ref MemoryMarshal.GetReference(src), ps = ref MemoryMarshal.GetReference(shift);
        ref float pa = ref MemoryMarshal.GetReference(scale), pc = ref MemoryMarshal.GetReference(offset);
        ref float pa2 = ref MemoryMarshal.GetReference(scale2), pc2 = ref MemoryMarshal.GetReference(offset2);
        ref float py = ref MemoryMarshal.GetReference(dst), py2 = ref MemoryMarshal.GetReference(dst2);
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j <= n - Vector512<float>.Count; j += Vector512<float>.Count)
            {
                nuint k = (nuint)j;
                var u = Vector512.LoadUnsafe(ref px, k) - Vector512.LoadUnsafe(ref ps, k);
                var y = Vector512.FusedMultiplyAdd(u, Vector512.LoadUnsafe(ref pa, k), Vector512.LoadUnsafe(ref pc, k));
                var y2 = Vector512.FusedMultiplyAdd(u, Vector512.LoadUnsafe(ref pa2, k), Vector512.LoadUnsafe(ref pc2, k));
                y.StoreUnsafe(ref py, k);
                y2.StoreUnsafe(ref py2, k);
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j <= n - Vector256<float>.Count; j += Vector256<float>.Count)
            {
                nuint k = (nuint)j;
                var u = Vector256.LoadUnsafe(ref px, k) - Vector256.LoadUnsafe(ref ps, k);
                var y = Vector256.FusedMultiplyAdd(u, Vector256.LoadUnsafe(ref pa, k), Vector256.LoadUnsafe(ref pc, k));
                var y2 = Vector256.FusedMultiplyAdd(u, Vector256.LoadUnsafe(ref pa2, k), Vector256.LoadUnsafe(ref pc2, k));
                y.StoreUnsafe(ref py, k);
                y2.StoreUnsafe(ref py2, k);
            }
        }
        for (; j < n; j++)
        {
            float u = Unsafe.Add(ref px, j) - Unsafe.Add(ref ps, j);
            float y = MathF.FusedMultiplyAdd(u, Unsafe.Add(ref pa, j), Unsafe.Add(ref pc, j));
            Unsafe.Add(ref py2, j) = MathF.FusedMultiplyAdd(u, Unsafe.Add(ref pa2, j), Unsafe.Add(ref pc2, j));
            Unsafe.Add(ref py, j) = y;
        }
    }

    /// <summary>One row of the backward pass: <c>dx[j] = dy[j]·p[j] + (b[j] − shift[j])·r[j] + q[j]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BatchNormBackwardRow(
        ReadOnlySpan<float> dy, ReadOnlySpan<float> b, ReadOnlySpan<float> shift,
        ReadOnlySpan<float> p, ReadOnlySpan<float> r, ReadOnlySpan<float> q, Span<float> dx)
    {
        int n = dy.Length, j = 0;
        Debug.Assert(b.Length >= n && shift.Length >= n && p.Length >= n && r.Length >= n && q.Length >= n && dx.Length >= n);
        ref float pdy = ref MemoryMarshal.GetReference(dy), pb = ref MemoryMarshal.GetReference(b);
        ref float ps = ref MemoryMarshal.GetReference(shift), pp = ref MemoryMarshal.GetReference(p);
        ref float pr = ref MemoryMarshal.GetReference(r), pq = ref MemoryMarshal.GetReference(q);
        ref float pdx = ref MemoryMarshal.GetReference(dx);
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j <= n - Vector512<float>.Count; j += Vector512<float>.Count)
            {
                nuint k = (nuint)j;
                var t = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pb, k) - Vector512.LoadUnsafe(ref ps, k), Vector512.LoadUnsafe(ref pr, k), Vector512.LoadUnsafe(ref pq, k));
                Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pdy, k), Vector512.LoadUnsafe(ref pp, k), t).StoreUnsafe(ref pdx, k);
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j <= n - Vector256<float>.Count; j += Vector256<float>.Count)
            {
                nuint k = (nuint)j;
                var t = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pb, k) - Vector256.LoadUnsafe(ref ps, k), Vector256.LoadUnsafe(ref pr, k), Vector256.LoadUnsafe(ref pq, k));
                Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pdy, k), Vector256.LoadUnsafe(ref pp, k), t).StoreUnsafe(ref pdx, k);
            }
        }
        for (; j < n; j++)
        {
            float t = MathF.FusedMultiplyAdd(Unsafe.Add(ref pb, j) - Unsafe.Add(ref ps, j), Unsafe.Add(ref pr, j), Unsafe.Add(ref pq, j));
            Unsafe.Add(ref pdx, j) = MathF.FusedMultiplyAdd(Unsafe.Add(ref pdy, j), Unsafe.Add(ref pp, j), t);
        }
    }
}
