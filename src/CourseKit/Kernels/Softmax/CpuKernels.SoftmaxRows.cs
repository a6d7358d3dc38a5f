using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CourseKit.Kernels;

// Row passes shared by softmax, log-softmax, hardmax and the fused cross-entropy.
// Hand-written rather than TensorPrimitives: the max pass also probes for NaN/±∞ at no extra memory traffic,
// and the exp pass fuses exp, store and sum in one sweep (TensorPrimitives.Exp alone was ~4× slower here).
public static partial class CpuKernels
{
    /// <summary>
    /// Effectively computes <c>max_j row[j]</c>; <paramref name="finite"/> is false when any element is NaN or ±∞
    /// (x·0 is 0 for finite x and NaN otherwise, so one running sum of x·0 tells).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float RowMax(ReadOnlySpan<float> row, out bool finite)
    {
        ref float p = ref MemoryMarshal.GetReference(row);
        int n = row.Length, i = 0;
        float max = float.NegativeInfinity, probe = 0f;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<float>.Count)
        {
            Vector512<float> vmax = Vector512.Create(float.NegativeInfinity), vprobe = Vector512<float>.Zero;
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var v = Vector512.LoadUnsafe(ref p, (nuint)i);
                vmax = Vector512.MaxNative(vmax, v);
                vprobe += v * Vector512<float>.Zero;
            }
            max = MaxAcross(Vector256.MaxNative(vmax.GetLower(), vmax.GetUpper()));
            probe = Vector512.Sum(vprobe);
        }
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<float>.Count)
        {
            Vector256<float> vmax = Vector256.Create(float.NegativeInfinity), vprobe = Vector256<float>.Zero;
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var v = Vector256.LoadUnsafe(ref p, (nuint)i);
                vmax = Vector256.MaxNative(vmax, v);
                vprobe += v * Vector256<float>.Zero;
            }
            max = MaxAcross(vmax);
            probe = Vector256.Sum(vprobe);
        }
        for (; i < n; i++)
        {
            float x = Unsafe.Add(ref p, i);
            max = x > max ? x : max;
            probe += x * 0f;
        }
        finite = probe == 0f;
        return max;
    }

    private static float MaxAcross(Vector256<float> v)
    {
        Vector128<float> m = Vector128.MaxNative(v.GetLower(), v.GetUpper());
        return MathF.Max(MathF.Max(m[0], m[1]), MathF.Max(m[2], m[3]));
    }

    /// <summary>
    /// Effectively computes <c>e[j] = exp(row[j] − max)</c> and returns <c>Σ_j e[j]</c>; stores <c>e</c> into
    /// <paramref name="destination"/> when <paramref name="store"/> (it may be <paramref name="row"/> itself).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float ExpShiftedSum(ReadOnlySpan<float> row, float max, Span<float> destination, bool store)
    {
        ref float p = ref MemoryMarshal.GetReference(row);
        ref float d = ref MemoryMarshal.GetReference(destination);
        int n = row.Length, i = 0;
        float sum = 0f;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<float>.Count)
        {
            Vector512<float> vmax = Vector512.Create(max), vsum = Vector512<float>.Zero;
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var e = ExpNonPositive(Vector512.LoadUnsafe(ref p, (nuint)i) - vmax);
                if (store) e.StoreUnsafe(ref d, (nuint)i);
                vsum += e;
            }
            sum = Vector512.Sum(vsum);
        }
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<float>.Count)
        {
            Vector256<float> vmax = Vector256.Create(max), vsum = Vector256<float>.Zero;
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var e = ExpNonPositive(Vector256.LoadUnsafe(ref p, (nuint)i) - vmax);
                if (store) e.StoreUnsafe(ref d, (nuint)i);
                vsum += e;
            }
            sum = Vector256.Sum(vsum);
        }
        for (; i < n; i++)
        {
            float e = MathF.Exp(Unsafe.Add(ref p, i) - max);
            if (store) Unsafe.Add(ref d, i) = e;
            sum += e;
        }
        return sum;
    }

    /// <summary>Index of the first element equal to <paramref name="max"/> (ties → lowest index; −0 equals +0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int FirstIndexOf(ReadOnlySpan<float> row, float max)
    {
        ref float p = ref MemoryMarshal.GetReference(row);
        int n = row.Length, i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var vmax = Vector512.Create(max);
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                ulong hits = Vector512.Equals(Vector512.LoadUnsafe(ref p, (nuint)i), vmax).ExtractMostSignificantBits();
                if (hits != 0) return i + BitOperations.TrailingZeroCount(hits);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var vmax = Vector256.Create(max);
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                uint hits = Vector256.Equals(Vector256.LoadUnsafe(ref p, (nuint)i), vmax).ExtractMostSignificantBits();
                if (hits != 0) return i + BitOperations.TrailingZeroCount(hits);
            }
        }
        for (; i < n; i++)
        {
            if (Unsafe.Add(ref p, i) == max) return i;
        }
        return -1;
    }
}
