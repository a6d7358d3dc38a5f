using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CourseKit.Kernels;

public static partial class Kernels
{
    /// <summary>
    /// Effectively computes <c>Σ_j y[j] · (z[j] − max)</c>, skipping terms with <c>y[j] = 0</c> so that
    /// 0 · (−∞) never turns into NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float TargetShiftedDot(ReadOnlySpan<float> y, ReadOnlySpan<float> z, float max)
    {
        ref float py = ref MemoryMarshal.GetReference(y);
        ref float pz = ref MemoryMarshal.GetReference(z);
        int n = z.Length, i = 0;
        float sum = 0f;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<float>.Count)
        {
            Vector512<float> vmax = Vector512.Create(max), vsum = Vector512<float>.Zero;
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var vy = Vector512.LoadUnsafe(ref py, (nuint)i);
                var term = vy * (Vector512.LoadUnsafe(ref pz, (nuint)i) - vmax);
                vsum += Vector512.ConditionalSelect(Vector512.Equals(vy, Vector512<float>.Zero), Vector512<float>.Zero, term);
            }
            sum = Vector512.Sum(vsum);
        }
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<float>.Count)
        {
            Vector256<float> vmax = Vector256.Create(max), vsum = Vector256<float>.Zero;
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var vy = Vector256.LoadUnsafe(ref py, (nuint)i);
                var term = vy * (Vector256.LoadUnsafe(ref pz, (nuint)i) - vmax);
                vsum += Vector256.ConditionalSelect(Vector256.Equals(vy, Vector256<float>.Zero), Vector256<float>.Zero, term);
            }
            sum = Vector256.Sum(vsum);
        }
        for (; i < n; i++)
        {
            float yi = Unsafe.Add(ref py, i);
            if (yi != 0f) sum += yi * (Unsafe.Add(ref pz, i) - max);
        }
        return sum;
    }
}
