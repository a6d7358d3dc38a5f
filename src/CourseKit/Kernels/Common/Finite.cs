using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CourseKit.Kernels;

/// <summary>Vectorized "are all values finite?" — x·0 is 0 for finite x and NaN for ±∞ or NaN, so one running sum tells.</summary>
internal static class Finite
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool All(ReadOnlySpan<float> x)
    {
        ref float p = ref MemoryMarshal.GetReference(x);
        int n = x.Length, i = 0;
        float acc = 0f;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<float>.Count)
        {
            var v = Vector512<float>.Zero;
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
                v += Vector512.LoadUnsafe(ref p, (nuint)i) * Vector512<float>.Zero;
            acc = Vector512.Sum(v);
        }
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<float>.Count)
        {
            var v = Vector256<float>.Zero;
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
                v += Vector256.LoadUnsafe(ref p, (nuint)i) * Vector256<float>.Zero;
            acc = Vector256.Sum(v);
        }
        for (; i < n; i++) acc += Unsafe.Add(ref p, i) * 0f;
        return acc == 0f;
    }
}
