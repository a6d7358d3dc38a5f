namespace CourseKit.Kernels;

/// <summary>
/// Cache block sizes of the BLIS loop nest and how a product splits into blocks of nearly equal size.
/// </summary>
/// <remarks>
/// Tuned on AMD Zen 5 (EPYC, 48 KiB L1d and 1 MiB L2 per core) with the 12 × 32 AVX-512 micro-kernel; the figures in
/// the comments are for that shape. Equal blocks matter: k = 784 (Fashion-MNIST's input) in slices of at most 256
/// would end with a slice of 16, whose micro-kernel calls spend as long loading and storing C as multiplying.
/// </remarks>
internal static class GemmBlocking
{
    /// <summary>Deepest k slice: a packed B micro-panel (KC · NR · 4 B = 32 KiB at NR = 32) stays in L1 while A micro-panels stream from L2.</summary>
    public static readonly int KC = Tunable("KC", 512);

    /// <summary>Most rows of a packed A block: MC · KC · 4 B ≈ 144 KiB stays in L2 (1 MiB) beside the B panels streaming through.</summary>
    public static readonly int MC = Tunable("MC", 144);

    /// <summary>Widest packed B panel: KC · NC · 4 B = 1.5 MiB, streamed from L3 one 32 KiB micro-panel at a time.</summary>
    public static readonly int NC = Tunable("NC", 1536);

    public static readonly int MB = Tunable("MB", 1536);
    public static readonly int NB = Tunable("NB", 384);
    public static readonly bool RowSplit = Environment.GetEnvironmentVariable("COURSEKIT_GEMM_ROWSPLIT") is not null;
    public static readonly bool PrefetchC = Environment.GetEnvironmentVariable("COURSEKIT_GEMM_NOPREFETCH") is null;

    private static int Tunable(string name, int value) =>
        int.TryParse(Environment.GetEnvironmentVariable("COURSEKIT_GEMM_" + name), out int v) && v > 0 ? v : value;

    /// <summary>The size of each of the fewest blocks of at most <paramref name="max"/> that cover <paramref name="total"/>, rounded up to a multiple of <paramref name="multiple"/>.</summary>
    public static int Even(int total, int max, int multiple)
    {
        if (total <= 0) return multiple;
        int blocks = (total + max - 1) / max;
        int size = (total + blocks - 1) / blocks;
        return (size + multiple - 1) / multiple * multiple;
    }

    /// <summary>Rows [start, end) of worker <paramref name="worker"/> of <paramref name="workers"/>: equal shares, each starting at a multiple of <paramref name="mr"/>.</summary>
    public static (int Start, int End) RowsOf(int worker, int workers, int m, int mr)
    {
        int tiles = (m + mr - 1) / mr;
        int start = (int)((long)tiles * worker / workers) * mr, end = (int)((long)tiles * (worker + 1) / workers) * mr;
        return (Math.Min(start, m), Math.Min(end, m));
    }
}
