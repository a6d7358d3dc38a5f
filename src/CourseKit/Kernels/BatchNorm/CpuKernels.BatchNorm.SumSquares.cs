using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    /// <summary>
    /// <see cref="BatchNormAccumulate4Rows"/> when both operands are the same matrix and shift (the forward pass's
    /// Σ(x−K) and Σ(x−K)²): each value is loaded and shifted once instead of twice. Same arithmetic, same bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BatchNormAccumulate4RowsSquared(ReadOnlySpan<float> a, ReadOnlySpan<float> sa, Span<float> accA, Span<float> accAA, int n)
    {
        int j = 0;
        Debug.Assert(a.Length >= 4 * n && sa.Length >= n && accA.Length >= n && accAA.Length >= n);
        ref float pa = ref MemoryMarshal.GetReference(a), psa = ref MemoryMarshal.GetReference(sa);
        ref float pA = ref MemoryMarshal.GetReference(accA), pAA = ref MemoryMarshal.GetReference(accAA);
        nuint n1 = (nuint)n, n2 = 2 * n1, n3 = 3 * n1;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j <= n - Vector512<float>.Count; j += Vector512<float>.Count)
            {
                nuint k = (nuint)j;
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
        for (int row = 0; j < n && row < 4; row++)
            BatchNormAccumulateRow(a.Slice(row * n + j, n - j), sa[j..], a.Slice(row * n + j, n - j), sa[j..], accA[j..], accAA[j..]);
    }
}
