using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CourseKit.Kernels;

/// <summary>
/// Copies blocks of op(A) and op(B) into the layouts the micro-kernel streams through: A in MR-row panels
/// (MR values per k step), B in NR-column panels (NR values per k step). Edges are padded with zeros so the
/// micro-kernel never branches. Transposes are absorbed here, so one micro-kernel serves A·B, Aᵀ·B and A·Bᵀ.
/// </summary>
internal static unsafe partial class Packing
{
    /// <summary>Packs op(A)[ic..ic+mc, pc..pc+kc] into panels of <paramref name="mr"/> rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackA(float* a, bool transA, int m, int k, int ic, int pc, int mc, int kc, int mr, float* dst)
    {
        int whole = transA ? mc / mr : 0; // A stored k × m: each k step's mr values are contiguous
        if (whole > 0) RowsToPanels(a + (long)pc * m + ic, m, kc, dst, whole, mr);
        for (int ir = whole * mr; ir < mc; ir += mr)
        {
            float* panel = dst + (long)ir * kc;
            int rows = Math.Min(mr, mc - ir);
            if (!transA && rows == mr && mr % 4 == 0 && Sse.IsSupported)
            {
                TransposeRows(a + (long)(ic + ir) * k + pc, k, kc, panel, mr);
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
        int whole = transB ? 0 : nc / nr; // B stored k × n: each k step's nr values are contiguous
        if (whole > 0) RowsToPanels(b + (long)pc * n + jc, n, kc, dst, whole, nr);
        for (int jr = whole * nr; jr < nc; jr += nr)
        {
            float* panel = dst + (long)jr * kc;
            int cols = Math.Min(nr, nc - jr);
            if (!transB)
            {
                for (int p = 0; p < kc; p++)
                {
                    float* d = panel + p * nr;
                    CopyRow(b + (long)(pc + p) * n + jc + jr, d, cols);
                    for (int col = cols; col < nr; col++) d[col] = 0f;
                }
            }
            else if (cols == nr && nr % 4 == 0 && Sse.IsSupported)
            {
                TransposeRows(b + (long)(jc + jr) * k + pc, k, kc, panel, nr);
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
}
