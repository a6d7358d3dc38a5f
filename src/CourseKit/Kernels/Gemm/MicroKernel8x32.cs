using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CourseKit.Kernels;

/// <summary>
/// AVX-512 micro-kernel for row counts that 12 divides badly (a mini-batch of 64 is 5⅓ tiles of 12 but 8 of 8):
/// an 8 × 32 tile in 16 zmm accumulators, still enough independent FMAs to cover their latency.
/// </summary>
internal sealed unsafe class MicroKernel8x32 : IMicroKernel
{
    public int MR => 8;
    public int NR => 32;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(int kc, float* pa, float* pb, float* c, int ldc, float alpha, bool overwrite = false, int aStep = 0)
    {
        nint step = aStep == 0 ? 8 : aStep;
        MicroKernel12x32.PrefetchTile(c, ldc, 8, toL1: false);
        int fetchAt = Math.Max(0, kc - MicroKernel12x32.LateFetchSteps);
        Vector512<float> c00 = default, c01 = default;
        Vector512<float> c10 = default, c11 = default;
        Vector512<float> c20 = default, c21 = default;
        Vector512<float> c30 = default, c31 = default;
        Vector512<float> c40 = default, c41 = default;
        Vector512<float> c50 = default, c51 = default;
        Vector512<float> c60 = default, c61 = default;
        Vector512<float> c70 = default, c71 = default;
        for (int p = 0; p < kc; p++)
        {
            if (p == fetchAt) MicroKernel12x32.PrefetchTile(c, ldc, 8, toL1: true);
            Vector512<float> b0 = Vector512.Load(pb), b1 = Vector512.Load(pb + 16), a;
            a = Vector512.Create(pa[0]); c00 = Avx512F.FusedMultiplyAdd(a, b0, c00); c01 = Avx512F.FusedMultiplyAdd(a, b1, c01);
            a = Vector512.Create(pa[1]); c10 = Avx512F.FusedMultiplyAdd(a, b0, c10); c11 = Avx512F.FusedMultiplyAdd(a, b1, c11);
            a = Vector512.Create(pa[2]); c20 = Avx512F.FusedMultiplyAdd(a, b0, c20); c21 = Avx512F.FusedMultiplyAdd(a, b1, c21);
            a = Vector512.Create(pa[3]); c30 = Avx512F.FusedMultiplyAdd(a, b0, c30); c31 = Avx512F.FusedMultiplyAdd(a, b1, c31);
            a = Vector512.Create(pa[4]); c40 = Avx512F.FusedMultiplyAdd(a, b0, c40); c41 = Avx512F.FusedMultiplyAdd(a, b1, c41);
            a = Vector512.Create(pa[5]); c50 = Avx512F.FusedMultiplyAdd(a, b0, c50); c51 = Avx512F.FusedMultiplyAdd(a, b1, c51);
            a = Vector512.Create(pa[6]); c60 = Avx512F.FusedMultiplyAdd(a, b0, c60); c61 = Avx512F.FusedMultiplyAdd(a, b1, c61);
            a = Vector512.Create(pa[7]); c70 = Avx512F.FusedMultiplyAdd(a, b0, c70); c71 = Avx512F.FusedMultiplyAdd(a, b1, c71);
            pa += step;
            pb += 32;
        }
        var va = Vector512.Create(alpha);
        MicroKernel12x32.Store(c + 0 * (nint)ldc, c00, c01, va, overwrite);
        MicroKernel12x32.Store(c + 1 * (nint)ldc, c10, c11, va, overwrite);
        MicroKernel12x32.Store(c + 2 * (nint)ldc, c20, c21, va, overwrite);
        MicroKernel12x32.Store(c + 3 * (nint)ldc, c30, c31, va, overwrite);
        MicroKernel12x32.Store(c + 4 * (nint)ldc, c40, c41, va, overwrite);
        MicroKernel12x32.Store(c + 5 * (nint)ldc, c50, c51, va, overwrite);
        MicroKernel12x32.Store(c + 6 * (nint)ldc, c60, c61, va, overwrite);
        MicroKernel12x32.Store(c + 7 * (nint)ldc, c70, c71, va, overwrite);
    }
}
