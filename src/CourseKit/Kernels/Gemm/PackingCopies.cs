using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CourseKit.Kernels;

/// <summary>The copies behind <see cref="Packing"/>: contiguous rows of values, and transposing copies of row groups.</summary>
internal static unsafe partial class Packing
{
    // Panels of `width` values per k step cut from rows of contiguous values: panel j gets src[p·stride + j·width + c].
    // Eight k steps of every panel before the next eight: the rows are then read sequentially, each line once (panel
    // by panel, a 12-wide panel re-read its rows' lines, which a 4 KiB stride had evicted from L1 and L2: packing a
    // transposed 1024 × 512 A slice took 83 µs, a B block row by row with a memmove per k step 23 µs).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RowsToPanels(float* src, int stride, int kc, float* dst, int panels, int width)
    {
        for (int p0 = 0; p0 < kc; p0 += 8)
        {
            int steps = Math.Min(8, kc - p0);
            for (int j = 0; j < panels; j++)
            {
                float* s = src + (long)p0 * stride + j * width, d = dst + ((long)j * kc + p0) * width;
                for (int p = 0; p < steps; p++) CopyRow(s + (long)p * stride, d + p * width, width);
            }
        }
    }

    // Contiguous values (one k step of a transposed A panel, or of a B panel) with inline vector copies: 32 as 16 + 16,
    // 12 as 8 + 4, 8 as 8, the rest in 4s and singles.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyRow(float* src, float* dst, int count)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; i + 16 <= count; i += 16) Vector512.Store(Vector512.Load(src + i), dst + i);
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
        int p = Avx512F.IsSupported ? TransposeRows16(src, stride, kc, dst, rows) : 0;
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

    // TransposeRows 16 k steps at a time on AVX-512: each zmm load takes a row's whole 64-byte line (the SSE blocks took
    // a quarter line per load); the same unpacks work within each 128-bit lane, so lane L of the result holds the 4×4
    // block of k steps 4L..4L+3, stored as 16 bytes. Returns the k steps done (a multiple of 16).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int TransposeRows16(float* src, int stride, int kc, float* dst, int rows)
    {
        int p = 0;
        for (; p + 16 <= kc; p += 16)
        {
            float* d = dst + (long)p * rows;
            for (int g = 0; g < rows; g += 4)
            {
                float* r0 = src + (long)g * stride + p;
                Vector512<float> x0 = Vector512.Load(r0), x1 = Vector512.Load(r0 + stride);
                Vector512<float> x2 = Vector512.Load(r0 + 2L * stride), x3 = Vector512.Load(r0 + 3L * stride);
                Vector512<double> lo01 = Avx512F.UnpackLow(x0, x1).AsDouble(), lo23 = Avx512F.UnpackLow(x2, x3).AsDouble();
                Vector512<double> hi01 = Avx512F.UnpackHigh(x0, x1).AsDouble(), hi23 = Avx512F.UnpackHigh(x2, x3).AsDouble();
                StoreLanes(Avx512F.UnpackLow(lo01, lo23).AsSingle(), d + g, rows);               // k steps 4L
                StoreLanes(Avx512F.UnpackHigh(lo01, lo23).AsSingle(), d + rows + g, rows);       // 4L + 1
                StoreLanes(Avx512F.UnpackLow(hi01, hi23).AsSingle(), d + 2 * rows + g, rows);    // 4L + 2
                StoreLanes(Avx512F.UnpackHigh(hi01, hi23).AsSingle(), d + 3 * rows + g, rows);   // 4L + 3
            }
        }
        return p;
    }

    // Lane L of v to dst + 4L k steps (4 · rows values apart).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreLanes(Vector512<float> v, float* dst, int rows)
    {
        Vector128.Store(v.GetLower().GetLower(), dst);
        Vector128.Store(Avx512F.ExtractVector128(v, 1), dst + 4 * rows);
        Vector128.Store(Avx512F.ExtractVector128(v, 2), dst + 8 * rows);
        Vector128.Store(Avx512F.ExtractVector128(v, 3), dst + 12 * rows);
    }
}
