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

    public void Run(int kc, float* pa, float* pb, float* c, int ldc, float alpha, bool overwrite = false, int aStep = 0) =>
        Kernel<ReadPanel, ReadPanel>(kc, pa, aStep == 0 ? 12 : aStep, null, pb, 32, null, c, ldc, alpha, overwrite);

    /// <summary>
    /// <see cref="Run"/> that packs while it multiplies: A's panel is read from <paramref name="a"/> with
    /// <paramref name="aStep"/> floats between k steps and, unless <paramref name="aCopy"/> is null, copied there as a
    /// packed panel (12 floats a step); likewise B's from <paramref name="b"/> (<paramref name="bStep"/> apart) into
    /// <paramref name="bCopy"/> (32 a step). Same FMAs in the same order, so the same bits as packing first.
    /// </summary>
    public void RunCopying(int kc, float* a, nint aStep, float* aCopy, float* b, nint bStep, float* bCopy, float* c, int ldc, float alpha, bool overwrite)
    {
        if (aCopy != null && bCopy != null) Kernel<CopyPanel, CopyPanel>(kc, a, aStep, aCopy, b, bStep, bCopy, c, ldc, alpha, overwrite);
        else if (aCopy != null) Kernel<CopyPanel, ReadPanel>(kc, a, aStep, aCopy, b, bStep, null, c, ldc, alpha, overwrite);
        else if (bCopy != null) Kernel<ReadPanel, CopyPanel>(kc, a, aStep, null, b, bStep, bCopy, c, ldc, alpha, overwrite);
        else Kernel<ReadPanel, ReadPanel>(kc, a, aStep, null, b, bStep, null, c, ldc, alpha, overwrite);
    }

    // The k loop. A copied operand is read from memory nobody has touched yet (A or B as the caller stores it, rows
    // apart), so its lines are prefetched CopyAheadSteps k steps ahead, where the packed copy's were prefetched by the
    // driver or found in L2.
    // Never inlined: compiled once, fully optimized. Inlined into its thin public wrapper when that reached tier 1, the
    // 8-row kernel's loop ran at 40–49 % of the FMA peak instead of 93 % (Fashion-MNIST's 128 × 784 × 256 forward).
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static void Kernel<TCopyA, TCopyB>(int kc, float* pa, nint step, float* aCopy, float* pb, nint bStep, float* bCopy, float* c, int ldc, float alpha, bool overwrite)
        where TCopyA : struct, ICopySwitch where TCopyB : struct, ICopySwitch
    {
        nint aAhead = CopyAheadSteps * step, bAhead = CopyAheadSteps * bStep;
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
            if (TCopyA.Copies)
            {
                Sse.Prefetch0(pa + aAhead);
                Sse.Prefetch0(pa + aAhead + 11);
                Vector256.Store(Vector256.Load(pa), aCopy);
                Vector128.Store(Vector128.Load(pa + 8), aCopy + 8);
                aCopy += 12;
            }
            if (TCopyB.Copies) bCopy = CopyBStep(pb, bAhead, b0, b1, bCopy);
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
            pb += bStep;
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
    /// How far ahead a kernel that packs as it goes (RunCopying, MicroKernel8x32.RunRowsCopyingB) prefetches the operand
    /// it copies: 16 k steps, ≈ 200 cycles. Further ahead did no better (`cputime`, share of the FMA peak at 1024³: for A
    /// in AᵀB 8, 16, 48 steps all 87–88 %; for B in AB 16, 48, 96 steps 92.1–92.6 %, and the copying calls' share of the
    /// samples 2.7 % at 16 steps, 3.4–3.5 % at 64 and 128).
    /// </summary>
    internal const int CopyAheadSteps = 16;

    /// <summary>One k step of a B panel copied as it is used: its 32 values (already loaded) stored packed, and the
    /// lines of the step <see cref="CopyAheadSteps"/> ahead (up to three when the row is not 64-byte aligned) fetched;
    /// returns where the next step goes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float* CopyBStep(float* pb, nint ahead, Vector512<float> b0, Vector512<float> b1, float* bCopy)
    {
        Sse.Prefetch0(pb + ahead);
        Sse.Prefetch0(pb + ahead + 16);
        Sse.Prefetch0(pb + ahead + 31);
        Vector512.Store(b0, bCopy);
        Vector512.Store(b1, bCopy + 16);
        return bCopy + 32;
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
