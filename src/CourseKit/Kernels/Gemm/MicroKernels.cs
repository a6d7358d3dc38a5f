using System.Runtime.Intrinsics.X86;

namespace CourseKit.Kernels;

/// <summary>
/// A register-tiled kernel: C[MR × NR] += alpha · (packed A panel) · (packed B panel) over kc steps, or with
/// <c>overwrite</c>, C = alpha · (…) + 0 without reading C (beta = 0's first k slice: no separate pass to clear C,
/// and NaN already in C is ignored). Adding +0 keeps the bits of "clear, then accumulate": −0 becomes +0 either way.
/// </summary>
internal unsafe interface IMicroKernel
{
    int MR { get; }
    int NR { get; }

    /// <summary>Whether the kernel's multiply-adds are fused (one rounding) or a multiply and an add (two): C's
    /// edge tiles, finished outside the kernel, must round as its full tiles do.</summary>
    bool Fused { get; }

    /// <summary>The tile's kc steps; <paramref name="aStep"/> is the floats from one k step of the A panel to the
    /// next: 0 for a packed panel (MR), the row length of a transposed A read in place (see GemmDriver).</summary>
    void Run(int kc, float* packedA, float* packedB, float* c, int ldc, float alpha, bool overwrite = false, int aStep = 0);
}

/// <summary>Picks the widest micro-kernel this CPU runs natively.</summary>
internal static class MicroKernels
{
    public static readonly IMicroKernel Best =
        Avx512F.IsSupported ? new MicroKernel12x32()
        : Fma.IsSupported && Avx2.IsSupported ? new MicroKernel6x16()
        : new MicroKernel4x8();

    private static readonly IMicroKernel? Narrow = Avx512F.IsSupported ? new MicroKernel8x32() : null;

    /// <summary>
    /// The kernel for a product with <paramref name="m"/> rows of op(A). The 8-row kernel when A is stored row-major and
    /// its last 8-row panel pads at most 3 % of the rows: it then reads A where it lies (GemmDriver.ReadsAInPlace; only a
    /// partial last panel is copied), and no A is packed. Otherwise the widest, unless its padding of the last row tile
    /// wastes over 3 % more work than the 8-row kernel's (m = 64 pads to 72 with 12-row tiles, and 8-row tiles run
    /// within ≈ 3 % of 12-row ones in L1: 187 vs 193 GFLOP/s measured).
    /// </summary>
    /// <remarks>
    /// Packing A cost more than the narrower tile: the packed copy of a large A is written and read back through caches
    /// full of C's dirty lines (a 1020 × 512 slice packed in 52 µs alone, 150–190 µs inside a 1024³ product). Share of
    /// the FMA peak, 8-row in place against 12-row packed (`cputime`, three to five alternations): 1024³ AB 92.5 / 88.3 %,
    /// ABᵀ 92.4 / 90.3 %; 2048 × 1024 × 1024 91.1 / 89.9 %; 1024 × 1024 × 4096 91.5 / 88.2 %; 1024 × 1024 × 512
    /// 94.6 / 92.3 %; 512³ 94.7 / 91.0 %; 256³ 92.2 / 91.5 %; 96 × 1024 × 1000 83.4 / 83.7 %. A transposed A keeps the
    /// packed 12-row panels: its k steps lie a row of A apart, too far to be read in place over a deep slice.
    /// </remarks>
    public static IMicroKernel For(int m, bool transA)
    {
        if (Narrow is null || m == 0) return Best;
        int padBest = (Best.MR - m % Best.MR) % Best.MR, padNarrow = (Narrow.MR - m % Narrow.MR) % Narrow.MR;
        if (!transA && padNarrow <= 0.03 * m) return Narrow;
        return padBest - padNarrow > 0.03 * m ? Narrow : Best;
    }

    /// <summary>
    /// The kernel for the last few rows of a product that <paramref name="kernel"/> covers: the 8-row kernel under the
    /// 12-row one (same columns, see <see cref="RowPanels"/>), none otherwise.
    /// </summary>
    public static IMicroKernel? TailFor(IMicroKernel kernel) =>
        Narrow is not null && kernel == Best && Narrow.NR == kernel.NR ? Narrow : null;

    /// <summary>Every kernel this CPU can run (tests check each one against the reference).</summary>
    public static IEnumerable<IMicroKernel> Supported()
    {
        if (Avx512F.IsSupported) yield return new MicroKernel12x32();
        if (Avx512F.IsSupported) yield return new MicroKernel8x32();
        if (Fma.IsSupported && Avx2.IsSupported) yield return new MicroKernel6x16();
        yield return new MicroKernel4x8();
    }
}
