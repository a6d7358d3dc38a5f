namespace CourseKit.Kernels;

/// <summary>
/// Cache block sizes of the GEMM loop nest and how a product splits into blocks of nearly equal size.
/// </summary>
/// <remarks>
/// Sized for AMD Zen 5 (EPYC: 48 KiB L1d, 1 MiB L2 per core, L3 shared) with the 12 × 32 AVX-512 micro-kernel, in
/// the arrangement AMD's BLIS uses on Zen 4 (its sgemm: KC 480, a 512-column block in L2, 12 × 32 tiles). Equal
/// blocks matter: k = 784 (Fashion-MNIST's input) cut into slices of at most 512 gives two of 392, not 512 and 272,
/// and never a sliver whose micro-kernel calls spend as long loading and storing C as multiplying.
/// </remarks>
internal static class GemmBlocking
{
    /// <summary>Deepest k slice: one packed A micro-panel (MR · KC · 4 B = 24 KiB at MR = 12) stays in L1 (48 KiB) while B micro-panels stream past it.</summary>
    public const int KC = 512;

    /// <summary>Widest block of B a thread packs: KC · NB · 4 B = 768 KiB stays in L2 (1 MiB) beside the A micro-panel and C.</summary>
    public const int NB = 384;

    /// <summary>Most rows of A packed at once (shared by the threads, in L3): MB · KC · 4 B = 3 MiB.</summary>
    public const int MB = 1536;

    /// <summary>The size of each of the fewest blocks of at most <paramref name="max"/> that cover <paramref name="total"/>, rounded up to a multiple of <paramref name="multiple"/>.</summary>
    public static int Even(int total, int max, int multiple)
    {
        if (total <= 0) return multiple;
        int blocks = (total + max - 1) / max;
        int size = (total + blocks - 1) / blocks;
        return (size + multiple - 1) / multiple * multiple;
    }

    /// <summary>Part [start, end) of <paramref name="total"/> for worker <paramref name="worker"/> of <paramref name="workers"/>: equal shares, each starting at a multiple of <paramref name="multiple"/>.</summary>
    public static (int Start, int End) ShareOf(int worker, int workers, int total, int multiple)
    {
        int units = (total + multiple - 1) / multiple;
        int start = (int)((long)units * worker / workers) * multiple, end = (int)((long)units * (worker + 1) / workers) * multiple;
        return (Math.Min(start, total), Math.Min(end, total));
    }
}
