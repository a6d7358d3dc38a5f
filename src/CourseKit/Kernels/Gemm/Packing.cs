using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CourseKit.Kernels;

/// <summary>
/// Copies blocks of op(A) and op(B) into the layouts the micro-kernel streams through: A in MR-row panels
/// (MR values per k step), B in NR-column panels (NR values per k step). Edges are padded with zeros so the
/// micro-kernel never branches. Transposes are absorbed here, so one micro-kernel serves A·B, Aᵀ·B and A·Bᵀ.
/// </summary>
internal static unsafe class Packing
{
    /// <summary>Packs op(A)[ic..ic+mc, pc..pc+kc] into panels of <paramref name="mr"/> rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackA(float* a, bool transA, int m, int k, int ic, int pc, int mc, int kc, int mr, float* dst)
    {
        for (int ir = 0; ir < mc; ir += mr)
        {
            float* panel = dst + (long)ir * kc;
            int rows = Math.Min(mr, mc - ir);
            if (!transA && rows == mr && mr is 8 or 12 && Avx2.IsSupported && 12L * k < int.MaxValue)
            {
                GatherRows(a + (long)(ic + ir) * k + pc, k, kc, mr, panel);
            }
            else if (!transA)
            {
                // A stored m × k: each op(A) row is contiguous in k.
                for (int r = 0; r < rows; r++)
                {
                    float* src = a + (long)(ic + ir + r) * k + pc;
                    for (int p = 0; p < kc; p++) panel[p * mr + r] = src[p];
                }
            }
            else
            {
                // A stored k × m: for each k step the mr values are contiguous.
                for (int p = 0; p < kc; p++)
                {
                    float* src = a + (long)(pc + p) * m + ic + ir;
                    float* d = panel + p * mr;
                    for (int r = 0; r < rows; r++) d[r] = src[r];
                }
            }
            if (rows < mr)
                for (int p = 0; p < kc; p++)
                    for (int r = rows; r < mr; r++) panel[p * mr + r] = 0f;
        }
    }

    /// <summary>Packs op(B)[pc..pc+kc, jc..jc+nc] into panels of <paramref name="nr"/> columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackB(float* b, bool transB, int k, int n, int pc, int jc, int kc, int nc, int nr, float* dst)
    {
        for (int jr = 0; jr < nc; jr += nr)
        {
            float* panel = dst + (long)jr * kc;
            int cols = Math.Min(nr, nc - jr);
            if (!transB)
            {
                // B stored k × n: each k step's nr values are contiguous.
                for (int p = 0; p < kc; p++)
                {
                    var src = new ReadOnlySpan<float>(b + (long)(pc + p) * n + jc + jr, cols);
                    var d = new Span<float>(panel + p * nr, nr);
                    src.CopyTo(d);
                    d[cols..].Clear();
                }
            }
            else if (cols == nr && nr % 8 == 0 && Avx2.IsSupported && (long)nr * k < int.MaxValue)
            {
                GatherColumns(b + (long)(jc + jr) * k + pc, k, kc, nr, panel);
            }
            else
            {
                // B stored n × k: each op(B) column is contiguous in k.
                for (int col = 0; col < cols; col++)
                {
                    float* src = b + (long)(jc + jr + col) * k + pc;
                    for (int p = 0; p < kc; p++) panel[p * nr + col] = src[p];
                }
                if (cols < nr)
                    for (int p = 0; p < kc; p++)
                        for (int col = cols; col < nr; col++) panel[p * nr + col] = 0f;
            }
        }
    }

    // Transposing copies with AVX2 gathers: each k step reads one value from each of the rows (stride `stride`)
    // and writes them contiguously — several times faster than the scalar strided loop for 64-row batches (measured).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void GatherRows(float* src, int stride, int kc, int mr, float* panel)
    {
        var lo = Vector256.Create(0, stride, 2 * stride, 3 * stride, 4 * stride, 5 * stride, 6 * stride, 7 * stride);
        var hi = Vector128.Create(8 * stride, 9 * stride, 10 * stride, 11 * stride);
        if (mr == 8)
        {
            for (int p = 0; p < kc; p++) Avx2.GatherVector256(src + p, lo, 4).Store(panel + p * 8);
            return;
        }
        for (int p = 0; p < kc; p++)
        {
            Avx2.GatherVector256(src + p, lo, 4).Store(panel + p * 12);
            Avx2.GatherVector128(src + p, hi, 4).Store(panel + p * 12 + 8);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void GatherColumns(float* src, int stride, int kc, int nr, float* panel)
    {
        var offsets = Vector256.Create(0, stride, 2 * stride, 3 * stride, 4 * stride, 5 * stride, 6 * stride, 7 * stride);
        for (int c = 0; c < nr; c += 8)
        {
            float* column = src + (long)c * stride;
            for (int p = 0; p < kc; p++) Avx2.GatherVector256(column + p, offsets, 4).Store(panel + p * nr + c);
        }
    }
}
