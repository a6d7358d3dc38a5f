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
    public bool Fused => true;

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

    /// <summary>
    /// <see cref="Run"/> on a row-major A read where it lies: row r of the tile is <paramref name="a"/> + r·<paramref name="lda"/>,
    /// its k steps consecutive; B's k steps are <paramref name="bStep"/> floats apart (32 packed, B's row length in
    /// place). The same FMAs in the same order as on packed panels, so the same bits.
    /// </summary>
    /// <remarks>
    /// Eight row pointers and one shared index: each FMA broadcasts its A value straight from memory, as from the packed
    /// panel, and the eight rows' next values share their lines for 16 k steps. Only this kernel has it: twelve row
    /// pointers would not fit the general registers beside the loop's own.
    /// </remarks>
    public void RunRows(int kc, float* a, nint lda, float* pb, nint bStep, float* c, int ldc, float alpha, bool overwrite) =>
        Rows<ReadPanel>(kc, a, lda, pb, bStep, null, c, ldc, alpha, overwrite);

    /// <summary><see cref="RunRows"/> that also copies B's panel, read where it lies, into <paramref name="bCopy"/> as a
    /// packed panel (32 floats a k step) for the calls after it (packing on first use, see GemmDriver).</summary>
    public void RunRowsCopyingB(int kc, float* a, nint lda, float* b, nint bStep, float* bCopy, float* c, int ldc, float alpha, bool overwrite) =>
        Rows<CopyPanel>(kc, a, lda, b, bStep, bCopy, c, ldc, alpha, overwrite);

    // Never inlined, as MicroKernel12x32's k loop.
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static void Rows<TCopyB>(int kc, float* a, nint lda, float* pb, nint bStep, float* bCopy, float* c, int ldc, float alpha, bool overwrite)
        where TCopyB : struct, ICopySwitch
    {
        nint bAhead = MicroKernel12x32.CopyAheadSteps * bStep;
        MicroKernel12x32.PrefetchTile(c, ldc, 8, toL1: false);
        int fetchAt = Math.Max(0, kc - MicroKernel12x32.LateFetchSteps);
        float* a0 = a, a1 = a + lda, a2 = a + 2 * lda, a3 = a + 3 * lda, a4 = a + 4 * lda, a5 = a + 5 * lda, a6 = a + 6 * lda, a7 = a + 7 * lda;
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
            Vector512<float> b0 = Vector512.Load(pb), b1 = Vector512.Load(pb + 16), v;
            if (TCopyB.Copies) bCopy = MicroKernel12x32.CopyBStep(pb, bAhead, b0, b1, bCopy);
            v = Vector512.Create(a0[p]); c00 = Avx512F.FusedMultiplyAdd(v, b0, c00); c01 = Avx512F.FusedMultiplyAdd(v, b1, c01);
            v = Vector512.Create(a1[p]); c10 = Avx512F.FusedMultiplyAdd(v, b0, c10); c11 = Avx512F.FusedMultiplyAdd(v, b1, c11);
            v = Vector512.Create(a2[p]); c20 = Avx512F.FusedMultiplyAdd(v, b0, c20); c21 = Avx512F.FusedMultiplyAdd(v, b1, c21);
            v = Vector512.Create(a3[p]); c30 = Avx512F.FusedMultiplyAdd(v, b0, c30); c31 = Avx512F.FusedMultiplyAdd(v, b1, c31);
            v = Vector512.Create(a4[p]); c40 = Avx512F.FusedMultiplyAdd(v, b0, c40); c41 = Avx512F.FusedMultiplyAdd(v, b1, c41);
            v = Vector512.Create(a5[p]); c50 = Avx512F.FusedMultiplyAdd(v, b0, c50); c51 = Avx512F.FusedMultiplyAdd(v, b1, c51);
            v = Vector512.Create(a6[p]); c60 = Avx512F.FusedMultiplyAdd(v, b0, c60); c61 = Avx512F.FusedMultiplyAdd(v, b1, c61);
            v = Vector512.Create(a7[p]); c70 = Avx512F.FusedMultiplyAdd(v, b0, c70); c71 = Avx512F.FusedMultiplyAdd(v, b1, c71);
            pb += bStep;
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
