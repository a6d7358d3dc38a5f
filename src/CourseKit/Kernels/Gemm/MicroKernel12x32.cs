using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CourseKit.Kernels;

/// <summary>
/// AVX-512 micro-kernel: a 12 × 32 tile of C held in 24 zmm accumulators (of 32 registers); per k step two loads of B,
/// twelve broadcasts of A and 24 FMAs, so the two FMA ports stay busy and loads never limit.
/// </summary>
internal sealed unsafe class MicroKernel12x32 : IMicroKernel
{
    public int MR => 12;
    public int NR => 32;
    public bool Fused => true;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(int kc, float* pa, float* pb, float* c, int ldc, float alpha, bool overwrite = false, int aStep = 0)
    {
        nint step = aStep == 0 ? 12 : aStep;
        PrefetchTile(c, ldc, 12, toL1: false);
        int fetchAt = Math.Max(0, kc - LateFetchSteps);
        Vector512<float> c00 = default, c01 = default;
        Vector512<float> c10 = default, c11 = default;
        Vector512<float> c20 = default, c21 = default;
        Vector512<float> c30 = default, c31 = default;
        Vector512<float> c40 = default, c41 = default;
        Vector512<float> c50 = default, c51 = default;
        Vector512<float> c60 = default, c61 = default;
        Vector512<float> c70 = default, c71 = default;
        Vector512<float> c80 = default, c81 = default;
        Vector512<float> c90 = default, c91 = default;
        Vector512<float> c100 = default, c101 = default;
        Vector512<float> c110 = default, c111 = default;
        for (int p = 0; p < kc; p++)
        {
            if (p == fetchAt) PrefetchTile(c, ldc, 12, toL1: true);
            Vector512<float> b0 = Vector512.Load(pb), b1 = Vector512.Load(pb + 16), a;
            a = Vector512.Create(pa[0]); c00 = Avx512F.FusedMultiplyAdd(a, b0, c00); c01 = Avx512F.FusedMultiplyAdd(a, b1, c01);
            a = Vector512.Create(pa[1]); c10 = Avx512F.FusedMultiplyAdd(a, b0, c10); c11 = Avx512F.FusedMultiplyAdd(a, b1, c11);
            a = Vector512.Create(pa[2]); c20 = Avx512F.FusedMultiplyAdd(a, b0, c20); c21 = Avx512F.FusedMultiplyAdd(a, b1, c21);
            a = Vector512.Create(pa[3]); c30 = Avx512F.FusedMultiplyAdd(a, b0, c30); c31 = Avx512F.FusedMultiplyAdd(a, b1, c31);
            a = Vector512.Create(pa[4]); c40 = Avx512F.FusedMultiplyAdd(a, b0, c40); c41 = Avx512F.FusedMultiplyAdd(a, b1, c41);
            a = Vector512.Create(pa[5]); c50 = Avx512F.FusedMultiplyAdd(a, b0, c50); c51 = Avx512F.FusedMultiplyAdd(a, b1, c51);
            a = Vector512.Create(pa[6]); c60 = Avx512F.FusedMultiplyAdd(a, b0, c60); c61 = Avx512F.FusedMultiplyAdd(a, b1, c61);
            a = Vector512.Create(pa[7]); c70 = Avx512F.FusedMultiplyAdd(a, b0, c70); c71 = Avx512F.FusedMultiplyAdd(a, b1, c71);
            a = Vector512.Create(pa[8]); c80 = Avx512F.FusedMultiplyAdd(a, b0, c80); c81 = Avx512F.FusedMultiplyAdd(a, b1, c81);
            a = Vector512.Create(pa[9]); c90 = Avx512F.FusedMultiplyAdd(a, b0, c90); c91 = Avx512F.FusedMultiplyAdd(a, b1, c91);
            a = Vector512.Create(pa[10]); c100 = Avx512F.FusedMultiplyAdd(a, b0, c100); c101 = Avx512F.FusedMultiplyAdd(a, b1, c101);
            a = Vector512.Create(pa[11]); c110 = Avx512F.FusedMultiplyAdd(a, b0, c110); c111 = Avx512F.FusedMultiplyAdd(a, b1, c111);
            pa += step;
            pb += 32;
        }
        var va = Vector512.Create(alpha);
        Store(c + 0 * (nint)ldc, c00, c01, va, overwrite);
        Store(c + 1 * (nint)ldc, c10, c11, va, overwrite);
        Store(c + 2 * (nint)ldc, c20, c21, va, overwrite);
        Store(c + 3 * (nint)ldc, c30, c31, va, overwrite);
        Store(c + 4 * (nint)ldc, c40, c41, va, overwrite);
        Store(c + 5 * (nint)ldc, c50, c51, va, overwrite);
        Store(c + 6 * (nint)ldc, c60, c61, va, overwrite);
        Store(c + 7 * (nint)ldc, c70, c71, va, overwrite);
        Store(c + 8 * (nint)ldc, c80, c81, va, overwrite);
        Store(c + 9 * (nint)ldc, c90, c91, va, overwrite);
        Store(c + 10 * (nint)ldc, c100, c101, va, overwrite);
        Store(c + 11 * (nint)ldc, c110, c111, va, overwrite);
    }

    /// <summary>
    /// C's tile is touched once per call, after kc steps: its lines (up to three per 128-byte row when C is not
    /// 64-byte aligned) are fetched into L2 at the start, and into L1 this many steps (≈ 200 cycles) before the end.
    /// Fetched into L1 at the start, they were mostly evicted again by the B panel streaming through (64 KiB at kc 512,
    /// and C's rows 4 KiB apart share one L1 set): 1024³ at 85.1/84.8/85.2 % of the FMA peak (AB/AᵀB/ABᵀ), 86.4/86.8/88.2 %
    /// so. Also when overwriting: a store to a line not in cache must fetch it first all the same.
    /// </summary>
    internal const int LateFetchSteps = 16;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void PrefetchTile(float* c, int ldc, int rows, bool toL1)
    {
        for (int i = 0; i < rows; i++)
        {
            float* row = c + (nint)i * ldc;
            if (toL1)
            {
                Sse.Prefetch0(row);
                Sse.Prefetch0(row + 16);
                Sse.Prefetch0(row + 31);
            }
            else
            {
                Sse.Prefetch1(row);
                Sse.Prefetch1(row + 16);
                Sse.Prefetch1(row + 31);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Store(float* c, Vector512<float> lo, Vector512<float> hi, Vector512<float> alpha, bool overwrite)
    {
        Vector512<float> c0 = overwrite ? Vector512<float>.Zero : Vector512.Load(c);
        Vector512<float> c1 = overwrite ? Vector512<float>.Zero : Vector512.Load(c + 16);
        Vector512.Store(Avx512F.FusedMultiplyAdd(lo, alpha, c0), c);
        Vector512.Store(Avx512F.FusedMultiplyAdd(hi, alpha, c1), c + 16);
    }
}
