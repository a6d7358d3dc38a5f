using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    // The inner loops of BatchNormColumnSums: vectorized across columns, one or four rows per call.

    /// <summary>Four consecutive rows at once (a and b hold 4·n values): the accumulators are loaded and stored once per four rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BatchNormAccumulate4Rows(
        ReadOnlySpan<float> a, ReadOnlySpan<float> sa, ReadOnlySpan<float> b, ReadOnlySpan<float> sb, Span<float> accA, Span<float> accAB, int n)
    {
        int j = 0;
        Debug.Assert(a.Length >= 4 * n && b.Length >= 4 * n && sa.Length >= n && sb.Length >= n && accA.Length >= n && accAB.Length >= n);
        ref float pa = ref MemoryMarshal.GetReference(a), psa = ref MemoryMarshal.GetReference(sa);
        ref float pb = ref MemoryMarshal.GetReference(b), psb = ref MemoryMarshal.GetReference(sb);
        ref float pA = ref MemoryMarshal.GetReference(accA), pAB = ref MemoryMarshal.GetReference(accAB);
        nuint n1 = (nuint)n, n2 = 2 * n1, n3 = 3 * n1;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j <= n - Vector512<float>.Count; j += Vector512<float>.Count)
            {
                nuint k = (nuint)j;
                Vector512<float> s = Vector512.LoadUnsafe(ref psa, k), t = Vector512.LoadUnsafe(ref psb, k);
                var u0 = Vector512.LoadUnsafe(ref pa, k) - s;
                var u1 = Vector512.LoadUnsafe(ref pa, k + n1) - s;
                var u2 = Vector512.LoadUnsafe(ref pa, k + n2) - s;
                var u3 = Vector512.LoadUnsafe(ref pa, k + n3) - s;
                (Vector512.LoadUnsafe(ref pA, k) + ((u0 + u1) + (u2 + u3))).StoreUnsafe(ref pA, k);
                var ab = Vector512.FusedMultiplyAdd(u0, Vector512.LoadUnsafe(ref pb, k) - t, Vector512.LoadUnsafe(ref pAB, k));
                ab = Vector512.FusedMultiplyAdd(u1, Vector512.LoadUnsafe(ref pb, k + n1) - t, ab);
                ab = Vector512.FusedMultiplyAdd(u2, Vector512.LoadUnsafe(ref pb, k + n2) - t, ab);
                Vector512.FusedMultiplyAdd(u3, Vector512.LoadUnsafe(ref pb, k + n3) - t, ab).StoreUnsafe(ref pAB, k);
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j <= n - Vector256<float>.Count; j += Vector256<float>.Count)
            {
                nuint k = (nuint)j;
                Vector256<float> s = Vector256.LoadUnsafe(ref psa, k), t = Vector256.LoadUnsafe(ref psb, k);
                var u0 = Vector256.LoadUnsafe(ref pa, k) - s;
                var u1 = Vector256.LoadUnsafe(ref pa, k + n1) - s;
                var u2 = Vector256.LoadUnsafe(ref pa, k + n2) - s;
                var u3 = Vector256.LoadUnsafe(ref pa, k + n3) - s;
                (Vector256.LoadUnsafe(ref pA, k) + ((u0 + u1) + (u2 + u3))).StoreUnsafe(ref pA, k);
                var ab = Vector256.FusedMultiplyAdd(u0, Vector256.LoadUnsafe(ref pb, k) - t, Vector256.LoadUnsafe(ref pAB, k));
                ab = Vector256.FusedMultiplyAdd(u1, Vector256.LoadUnsafe(ref pb, k + n1) - t, ab);
                ab = Vector256.FusedMultiplyAdd(u2, Vector256.LoadUnsafe(ref pb, k + n2) - t, ab);
                Vector256.FusedMultiplyAdd(u3, Vector256.LoadUnsafe(ref pb, k + n3) - t, ab).StoreUnsafe(ref pAB, k);
            }
        }
        // The columns after the last whole vector, with the vector loop's operations in its order: a column sums to
        // the same bits in a lane as in this tail.
        for (; j < n; j++)
        {
            float s = Unsafe.Add(ref psa, j), t = Unsafe.Add(ref psb, j);
            float u0 = Unsafe.Add(ref pa, j) - s, u1 = Unsafe.Add(ref pa, j + n) - s;
            float u2 = Unsafe.Add(ref pa, j + 2 * n) - s, u3 = Unsafe.Add(ref pa, j + 3 * n) - s;
            Unsafe.Add(ref pA, j) += (u0 + u1) + (u2 + u3);
            float ab = MathF.FusedMultiplyAdd(u0, Unsafe.Add(ref pb, j) - t, Unsafe.Add(ref pAB, j));
            ab = MathF.FusedMultiplyAdd(u1, Unsafe.Add(ref pb, j + n) - t, ab);
            ab = MathF.FusedMultiplyAdd(u2, Unsafe.Add(ref pb, j + 2 * n) - t, ab);
            Unsafe.Add(ref pAB, j) = MathF.FusedMultiplyAdd(u3, Unsafe.Add(ref pb, j + 3 * n) - t, ab);
        }
    }

    /// <summary>accA[j] += a[j] − sa[j]; accAB[j] += (a[j] − sa[j])·(b[j] − sb[j]) for one row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BatchNormAccumulateRow(
        ReadOnlySpan<float> a, ReadOnlySpan<float> sa, ReadOnlySpan<float> b, ReadOnlySpan<float> sb, Span<float> accA, Span<float> accAB)
    {
        int n = a.Length, j = 0;
        // Every span is at least n long (the caller slices rows and sizes the scratch), so unchecked loads are safe.
        ref float pa = ref MemoryMarshal.GetReference(a), psa = ref MemoryMarshal.GetReference(sa);
        ref float pb = ref MemoryMarshal.GetReference(b), psb = ref MemoryMarshal.GetReference(sb);
        ref float pA = ref MemoryMarshal.GetReference(accA), pAB = ref MemoryMarshal.GetReference(accAB);
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j <= n - Vector512<float>.Count; j += Vector512<float>.Count)
            {
                nuint k = (nuint)j;
                var ua = Vector512.LoadUnsafe(ref pa, k) - Vector512.LoadUnsafe(ref psa, k);
                var ub = Vector512.LoadUnsafe(ref pb, k) - Vector512.LoadUnsafe(ref psb, k);
                (Vector512.LoadUnsafe(ref pA, k) + ua).StoreUnsafe(ref pA, k);
                Vector512.FusedMultiplyAdd(ua, ub, Vector512.LoadUnsafe(ref pAB, k)).StoreUnsafe(ref pAB, k);
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j <= n - Vector256<float>.Count; j += Vector256<float>.Count)
            {
                nuint k = (nuint)j;
                var ua = Vector256.LoadUnsafe(ref pa, k) - Vector256.LoadUnsafe(ref psa, k);
                var ub = Vector256.LoadUnsafe(ref pb, k) - Vector256.LoadUnsafe(ref psb, k);
                (Vector256.LoadUnsafe(ref pA, k) + ua).StoreUnsafe(ref pA, k);
                Vector256.FusedMultiplyAdd(ua, ub, Vector256.LoadUnsafe(ref pAB, k)).StoreUnsafe(ref pAB, k);
            }
        }
        for (; j < n; j++)
        {
            float ua = Unsafe.Add(ref pa, j) - Unsafe.Add(ref psa, j);
            float ub = Unsafe.Add(ref pb, j) - Unsafe.Add(ref psb, j);
            Unsafe.Add(ref pA, j) += ua;
            Unsafe.Add(ref pAB, j) = MathF.FusedMultiplyAdd(ua, ub, Unsafe.Add(ref pAB, j));
        }
    }
}
