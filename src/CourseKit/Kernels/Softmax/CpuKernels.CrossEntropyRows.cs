using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    /// <summary>
    /// Effectively computes <c>Σ_j y[j] · (z[j] − max)</c>, skipping terms with <c>y[j] = 0</c> so that
    /// 0 · (−∞) never turns into NaN; <paramref name="ySum"/> = <c>Σ_j y[j]</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float TargetShiftedDot(ReadOnlySpan<float> y, ReadOnlySpan<float> z, float max, out float ySum)
    {
        ref float py = ref MemoryMarshal.GetReference(y);
        ref float pz = ref MemoryMarshal.GetReference(z);
        int n = z.Length, i = 0;
        float sum = 0f;
        ySum = 0f;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<float>.Count)
        {
            Vector512<float> vmax = Vector512.Create(max), vsum = Vector512<float>.Zero, vySum = Vector512<float>.Zero;
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var vy = Vector512.LoadUnsafe(ref py, (nuint)i);
                vySum += vy;
                var term = vy * (Vector512.LoadUnsafe(ref pz, (nuint)i) - vmax);
                vsum += Vector512.ConditionalSelect(Vector512.Equals(vy, Vector512<float>.Zero), Vector512<float>.Zero, term);
            }
            sum = Vector512.Sum(vsum);
            ySum = Vector512.Sum(vySum);
        }
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<float>.Count)
        {
            Vector256<float> vmax = Vector256.Create(max), vsum = Vector256<float>.Zero, vySum = Vector256<float>.Zero;
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var vy = Vector256.LoadUnsafe(ref py, (nuint)i);
                vySum += vy;
                var term = vy * (Vector256.LoadUnsafe(ref pz, (nuint)i) - vmax);
                vsum += Vector256.ConditionalSelect(Vector256.Equals(vy, Vector256<float>.Zero), Vector256<float>.Zero, term);
            }
            sum = Vector256.Sum(vsum);
            ySum = Vector256.Sum(vySum);
        }
        for (; i < n; i++)
        {
            float yi = Unsafe.Add(ref py, i);
            ySum += yi;
            if (yi != 0f) sum += yi * (Unsafe.Add(ref pz, i) - max);
        }
        return sum;
    }

    /// <summary>Effectively computes <c>Σ_j x[j]</c>; <paramref name="nonNegative"/> is false when some x[j] &lt; 0 or NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float NonNegativeSum(ReadOnlySpan<float> x, out bool nonNegative)
    {
        ref float p = ref MemoryMarshal.GetReference(x);
        int n = x.Length, i = 0;
        float sum = 0f;
        bool ok = true;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<float>.Count)
        {
            Vector512<float> vsum = Vector512<float>.Zero, vok = Vector512<float>.AllBitsSet;
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var v = Vector512.LoadUnsafe(ref p, (nuint)i);
                vsum += v;
                vok &= Vector512.GreaterThanOrEqual(v, Vector512<float>.Zero);  // false for negatives and NaN
            }
            sum = Vector512.Sum(vsum);
            ok = vok.AsInt32() == Vector512<int>.AllBitsSet;  // compare bits: AllBitsSet is NaN as a float
        }
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<float>.Count)
        {
            Vector256<float> vsum = Vector256<float>.Zero, vok = Vector256<float>.AllBitsSet;
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var v = Vector256.LoadUnsafe(ref p, (nuint)i);
                vsum += v;
                vok &= Vector256.GreaterThanOrEqual(v, Vector256<float>.Zero);
            }
            sum = Vector256.Sum(vsum);
            ok = vok.AsInt32() == Vector256<int>.AllBitsSet;
        }
        for (; i < n; i++)
        {
            float v = Unsafe.Add(ref p, i);
            sum += v;
            ok &= v >= 0f;
        }
        nonNegative = ok;
        return sum;
    }
}
