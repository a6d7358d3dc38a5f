using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    /// <summary>
    /// <see cref="BatchNormAccumulate4Rows"/> when both operands are the same matrix and shift (the forward pass's
    /// Σ(x−K) and Σ(x−K)²): each value is loaded and shifted once instead of twice. Same arithmetic, same bits.
    /// </summary>
    /// <remarks>
    /// <paramref name="ahead"/>, the next four rows or empty, is prefetched line by line as these four are summed. Why:
    /// a row of 1024 floats is one 4 KiB page, so each of the four streams ends after 64 lines and the hardware
    /// prefetchers, which stop at page boundaries, start over on every row. Measured on Zen 5, 4096 × 1024 (x in L3),
    /// with a scratch copy of this loop: 0.29–0.38 ms with the prefetches against 0.46–0.58 without, medians of 3
    /// (one sequential read of x: 0.16–0.18). Prefetching two groups ahead or only the first lines of each row helped less.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void BatchNormAccumulate4RowsSquared(
        ReadOnlySpan<float> a, ReadOnlySpan<float> sa, Span<float> accA, Span<float> accAA, int n, ReadOnlySpan<float> ahead)
    {
        int j = 0;
        Debug.Assert(a.Length >= 4 * n && sa.Length >= n && accA.Length >= n && accAA.Length >= n);
        Debug.Assert(ahead.IsEmpty || ahead.Length >= 4 * n);
        ref float pa = ref MemoryMarshal.GetReference(a), psa = ref MemoryMarshal.GetReference(sa);
        ref float pA = ref MemoryMarshal.GetReference(accA), pAA = ref MemoryMarshal.GetReference(accAA);
        nuint n1 = (nuint)n, n2 = 2 * n1, n3 = 3 * n1;
        fixed (float* next = ahead)
        {
            bool prefetch = Sse.IsSupported && next != null;
            if (Vector512.IsHardwareAccelerated)
            {
                for (; j <= n - Vector512<float>.Count; j += Vector512<float>.Count)
                {
                    nuint k = (nuint)j;
                    if (prefetch) BatchNormPrefetchRows(next + k, n1, 4);
                    Vector512<float> s = Vector512.LoadUnsafe(ref psa, k);
                    var u0 = Vector512.LoadUnsafe(ref pa, k) - s;
                    var u1 = Vector512.LoadUnsafe(ref pa, k + n1) - s;
                    var u2 = Vector512.LoadUnsafe(ref pa, k + n2) - s;
                    var u3 = Vector512.LoadUnsafe(ref pa, k + n3) - s;
                    (Vector512.LoadUnsafe(ref pA, k) + ((u0 + u1) + (u2 + u3))).StoreUnsafe(ref pA, k);
                    var aa = Vector512.FusedMultiplyAdd(u0, u0, Vector512.LoadUnsafe(ref pAA, k));
                    aa = Vector512.FusedMultiplyAdd(u1, u1, aa);
                    aa = Vector512.FusedMultiplyAdd(u2, u2, aa);
                    Vector512.FusedMultiplyAdd(u3, u3, aa).StoreUnsafe(ref pAA, k);
                }
            }
            if (Vector256.IsHardwareAccelerated)
            {
                for (; j <= n - Vector256<float>.Count; j += Vector256<float>.Count)
                {
                    nuint k = (nuint)j;
                    if (prefetch) BatchNormPrefetchRows(next + k, n1, 4);
                    Vector256<float> s = Vector256.LoadUnsafe(ref psa, k);
                    var u0 = Vector256.LoadUnsafe(ref pa, k) - s;
                    var u1 = Vector256.LoadUnsafe(ref pa, k + n1) - s;
                    var u2 = Vector256.LoadUnsafe(ref pa, k + n2) - s;
                    var u3 = Vector256.LoadUnsafe(ref pa, k + n3) - s;
                    (Vector256.LoadUnsafe(ref pA, k) + ((u0 + u1) + (u2 + u3))).StoreUnsafe(ref pA, k);
                    var aa = Vector256.FusedMultiplyAdd(u0, u0, Vector256.LoadUnsafe(ref pAA, k));
                    aa = Vector256.FusedMultiplyAdd(u1, u1, aa);
                    aa = Vector256.FusedMultiplyAdd(u2, u2, aa);
                    Vector256.FusedMultiplyAdd(u3, u3, aa).StoreUnsafe(ref pAA, k);
                }
            }
        }
        // The columns after the last whole vector, as in BatchNormAccumulate4Rows: the same bits as in a lane.
        for (; j < n; j++)
        {
            float s = Unsafe.Add(ref psa, j);
            float u0 = Unsafe.Add(ref pa, j) - s, u1 = Unsafe.Add(ref pa, j + n) - s;
            float u2 = Unsafe.Add(ref pa, j + 2 * n) - s, u3 = Unsafe.Add(ref pa, j + 3 * n) - s;
            Unsafe.Add(ref pA, j) += (u0 + u1) + (u2 + u3);
            float aa = MathF.FusedMultiplyAdd(u0, u0, Unsafe.Add(ref pAA, j));
            aa = MathF.FusedMultiplyAdd(u1, u1, aa);
            aa = MathF.FusedMultiplyAdd(u2, u2, aa);
            Unsafe.Add(ref pAA, j) = MathF.FusedMultiplyAdd(u3, u3, aa);
        }
    }

    /// <summary>
    /// Asks for the cache line at <paramref name="p"/> in each of <paramref name="rows"/> (1 or 4) rows
    /// <paramref name="n"/> floats apart: a hint, which never faults.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void BatchNormPrefetchRows(float* p, nuint n, int rows)
    {
        Sse.Prefetch0(p);
        if (rows == 1) return;
        Sse.Prefetch0(p + n);
        Sse.Prefetch0(p + 2 * n);
        Sse.Prefetch0(p + 3 * n);
    }
}
