using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace CourseKit.Kernels;

/// <summary>
/// Portable micro-kernel on 128-bit vectors (SSE, NEON, or software elsewhere): a 4 × 8 tile in 8 accumulators.
/// Multiply and add stay separate so results match on hardware without FMA.
/// </summary>
internal sealed unsafe class MicroKernel4x8 : IMicroKernel
{
    public int MR => 4;
    public int NR => 8;
    public bool Fused => false;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(int kc, float* pa, float* pb, float* c, int ldc, float alpha, bool overwrite = false, int aStep = 0)
    {
        nint step = aStep == 0 ? 4 : aStep;
        Vector128<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector128<float> c20 = default, c21 = default, c30 = default, c31 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector128<float> b0 = Vector128.Load(pb), b1 = Vector128.Load(pb + 4), a;
            a = Vector128.Create(pa[0]); c00 += a * b0; c01 += a * b1;
            a = Vector128.Create(pa[1]); c10 += a * b0; c11 += a * b1;
            a = Vector128.Create(pa[2]); c20 += a * b0; c21 += a * b1;
            a = Vector128.Create(pa[3]); c30 += a * b0; c31 += a * b1;
            pa += step;
            pb += 8;
        }
        var va = Vector128.Create(alpha);
        Store(c, c00, c01, va, overwrite);
        Store(c + ldc, c10, c11, va, overwrite);
        Store(c + 2 * (nint)ldc, c20, c21, va, overwrite);
        Store(c + 3 * (nint)ldc, c30, c31, va, overwrite);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector128<float> lo, Vector128<float> hi, Vector128<float> alpha, bool overwrite)
    {
        Vector128<float> c0 = overwrite ? Vector128<float>.Zero : Vector128.Load(c);
        Vector128<float> c1 = overwrite ? Vector128<float>.Zero : Vector128.Load(c + 4);
        Vector128.Store(c0 + lo * alpha, c);
        Vector128.Store(c1 + hi * alpha, c + 4);
    }
}
