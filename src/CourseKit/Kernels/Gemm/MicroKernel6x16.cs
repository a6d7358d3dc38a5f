using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CourseKit.Kernels;

/// <summary>
/// AVX2+FMA micro-kernel: a 6 × 16 tile of C in 12 ymm accumulators (of 16 registers), the classic Haswell shape.
/// </summary>
internal sealed unsafe class MicroKernel6x16 : IMicroKernel
{
    public int MR => 6;
    public int NR => 16;
    public bool Fused => true;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(int kc, float* pa, float* pb, float* c, int ldc, float alpha, bool overwrite = false, int aStep = 0)
    {
        nint step = aStep == 0 ? 6 : aStep;
        Vector256<float> c00 = default, c01 = default;
        Vector256<float> c10 = default, c11 = default;
        Vector256<float> c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default;
        Vector256<float> c40 = default, c41 = default;
        Vector256<float> c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector256<float> b0 = Vector256.Load(pb), b1 = Vector256.Load(pb + 8), a;
            a = Vector256.Create(pa[0]); c00 = Fma.MultiplyAdd(a, b0, c00); c01 = Fma.MultiplyAdd(a, b1, c01);
            a = Vector256.Create(pa[1]); c10 = Fma.MultiplyAdd(a, b0, c10); c11 = Fma.MultiplyAdd(a, b1, c11);
            a = Vector256.Create(pa[2]); c20 = Fma.MultiplyAdd(a, b0, c20); c21 = Fma.MultiplyAdd(a, b1, c21);
            a = Vector256.Create(pa[3]); c30 = Fma.MultiplyAdd(a, b0, c30); c31 = Fma.MultiplyAdd(a, b1, c31);
            a = Vector256.Create(pa[4]); c40 = Fma.MultiplyAdd(a, b0, c40); c41 = Fma.MultiplyAdd(a, b1, c41);
            a = Vector256.Create(pa[5]); c50 = Fma.MultiplyAdd(a, b0, c50); c51 = Fma.MultiplyAdd(a, b1, c51);
            pa += step;
            pb += 16;
        }
        var va = Vector256.Create(alpha);
        Store(c + 0 * (nint)ldc, c00, c01, va, overwrite);
        Store(c + 1 * (nint)ldc, c10, c11, va, overwrite);
        Store(c + 2 * (nint)ldc, c20, c21, va, overwrite);
        Store(c + 3 * (nint)ldc, c30, c31, va, overwrite);
        Store(c + 4 * (nint)ldc, c40, c41, va, overwrite);
        Store(c + 5 * (nint)ldc, c50, c51, va, overwrite);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector256<float> lo, Vector256<float> hi, Vector256<float> alpha, bool overwrite)
    {
        Vector256<float> c0 = overwrite ? Vector256<float>.Zero : Vector256.Load(c);
        Vector256<float> c1 = overwrite ? Vector256<float>.Zero : Vector256.Load(c + 8);
        Vector256.Store(Fma.MultiplyAdd(lo, alpha, c0), c);
        Vector256.Store(Fma.MultiplyAdd(hi, alpha, c1), c + 8);
    }
}
