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
            else if (rows == mr)
            {
                // A stored k × m: for each k step the mr values are contiguous; whole vectors, not mr scalar copies.
                for (int p = 0; p < kc; p++) CopyRow(a + (long)(pc + p) * m + ic + ir, panel + p * mr, mr);
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

    // One k step of a transposed A panel: 12 values as 8 + 4, 8 as 8, other widths (4 × 8's 4) in 4s.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyRow(float* src, float* dst, int count)
    {
        int i = 0;
        for (; i + 8 <= count; i += 8) Vector256.Store(Vector256.Load(src + i), dst + i);
        for (; i + 4 <= count; i += 4) Vector128.Store(Vector128.Load(src + i), dst + i);
        for (; i < count; i++) dst[i] = src[i];
    }

    // Transposing copy of `rows` rows (a multiple of 4; stride `stride`, kc values each) into a panel of `rows` values
    // per k step: dst[p·rows + r] = src[r·stride + p]. 4 × 4 blocks go through SSE registers (4 loads, 8 shuffles,
    // 4 stores for 16 values; AVX2 gathers cost ≈ 0.3 ms per 1024² operand on Zen 5, measured). All row groups are
    // done for 4 k steps before moving on, so each 4 k steps' part of the panel is written whole: a 32-column B panel
    // (64 KiB at kc 512) does not fit L1 (48 KiB), and writing it one 4-column group at a time passed over it 8 times.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TransposeRows(float* src, int stride, int kc, float* dst, int rows)
    {
        int p = 0;
        for (; p + 4 <= kc; p += 4)
        {
            float* d = dst + (long)p * rows;
            for (int g = 0; g < rows; g += 4)
            {
                float* r0 = src + (long)g * stride + p;
                Vector128<float> x0 = Sse.LoadVector128(r0), x1 = Sse.LoadVector128(r0 + stride);
                Vector128<float> x2 = Sse.LoadVector128(r0 + 2L * stride), x3 = Sse.LoadVector128(r0 + 3L * stride);
                Vector128<float> lo01 = Sse.UnpackLow(x0, x1), lo23 = Sse.UnpackLow(x2, x3);
                Vector128<float> hi01 = Sse.UnpackHigh(x0, x1), hi23 = Sse.UnpackHigh(x2, x3);
                Sse.Store(d + g, Sse.MoveLowToHigh(lo01, lo23));
                Sse.Store(d + rows + g, Sse.MoveHighToLow(lo23, lo01));
                Sse.Store(d + 2 * rows + g, Sse.MoveLowToHigh(hi01, hi23));
                Sse.Store(d + 3 * rows + g, Sse.MoveHighToLow(hi23, hi01));
            }
        }
        for (; p < kc; p++)
            for (int r = 0; r < rows; r++) dst[(long)p * rows + r] = src[(long)r * stride + p];
    }
}
