using System.Buffers;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    /// <summary>
    /// Whether C = op(A)·op(B) is better computed as Cᵀ = op(B)ᵀ·op(A)ᵀ: C has fewer columns than one micro-panel of
    /// the kernel (a layer's 10 classes against 32 columns on AVX-512), so most of every tile would be padding, and at
    /// least a micro-panel's worth of rows, which become Cᵀ's full column panels (with fewer, Cᵀ would be narrow too:
    /// 16 rows took 6.0 µs that way against 3.7 µs directly).
    /// </summary>
    private static bool IsNarrowProduct(int m, int n) => n < MicroKernels.Best.NR && m >= MicroKernels.Best.NR;

    /// <summary>
    /// <see cref="GemmDriver.Run"/> on the transposed problem, through a scratch Cᵀ. Every element is the same sum of
    /// the same products in the same order (the k slices depend on k alone; a·b and b·a round alike), so C is
    /// bit-identical to the direct product. Accumulating (not <paramref name="overwrite"/>), the old C is transposed in
    /// first and the slices add onto it as they would have onto C. Returns false, with C untouched, when the scan
    /// finds NaN/∞ in A or B.
    /// </summary>
    /// <remarks>
    /// The 256 → 10 output layer's forward pass (Zen 5, quiet): 8.8 → 5.6 µs at batch 64, 15.4 → 10.1 µs at batch 128
    /// (docs/benchmarks.md, "Narrow products"). On AVX-512 such a layer's products (n ≤ 16, B stored k × n) now take
    /// NarrowColumns instead; this path remains for 17–31 columns, a transposed B, and AVX2.
    /// </remarks>
    private static bool GemmNarrow(
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k,
        bool transposeA, bool transposeB, float alpha, bool overwrite, bool checkFinite, int threads)
    {
        float[] scratch = ArrayPool<float>.Shared.Rent(m * n);
        try
        {
            var ct = scratch.AsSpan(0, m * n);
            if (!overwrite) TransposeRowMajor(c, m, n, ct);
            if (!GemmDriver.Run(b, a, ct, n, m, k, !transposeB, !transposeA, alpha, overwrite, checkFinite, threads)) return false;
            TransposeRowMajor(ct, n, m, c);
            return true;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
        }
    }
}
