using CourseKit.Kernels;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Kernels;

/// <summary>
/// Products with fewer columns than a micro-panel (a 256 → 10 layer) are computed as Cᵀ = op(B)ᵀ·op(A)ᵀ through a
/// scratch (CpuKernels.GemmNarrow). The result must be bit-identical to the direct loop nest on C, for both storage
/// orders of each operand, beta 0 and 1, and k deeper than one KC slice (where slices accumulate onto C). On AVX-512
/// the shapes with at most 16 columns and B not transposed take NarrowColumns instead (NarrowColumnsTests), so there
/// the transposed-B cases and the 31-column shape are the ones that reach GemmNarrow; both routes owe the same bits.
/// </summary>
public unsafe class GemmNarrowTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 32, 10, 256 }, { 64, 10, 64 }, { 128, 10, 256 }, { 100, 1, 37 }, { 257, 31, 700 }, { 1000, 3, 1 },
    };

    [Theory, MemberData(nameof(Shapes))]
    public void A_narrow_product_is_bit_identical_to_the_direct_loop_nest(int m, int n, int k)
    {
        // The shapes are AVX-512's (32-column panels); a narrower kernel (16 columns on AVX2, 8 on 128-bit vectors)
        // gets the same cases with the columns cut to one short of its panel, so every backend tests the narrow path.
        n = Math.Min(n, MicroKernels.Best.NR - 1);
        Assert.True(n < MicroKernels.Best.NR && m >= MicroKernels.Best.NR, "the shape must take the narrow path");
        float[] a = TestData.Normal(m * k, seed: 71), b = TestData.Normal(k * n, seed: 72), c0 = TestData.Normal(m * n, seed: 73);
        foreach (bool transA in new[] { false, true })
            foreach (bool transB in new[] { false, true })
                foreach (float beta in new[] { 0f, 1f })
                {
                    float[] viaGemm = (float[])c0.Clone(), direct = (float[])c0.Clone();
                    CpuKernels.Gemm(a, b, viaGemm, m, n, k, transA, transB, alpha: 0.75f, beta: beta);
                    Assert.True(GemmDriver.Run(a, b, direct, m, n, k, transA, transB, 0.75f, overwrite: beta == 0f, checkFinite: false, threads: 1));
                    Tolerance.SameBits(direct, viaGemm, n, $"{m}×{n}×{k} transA={transA} transB={transB} beta={beta}, narrow against direct");
                }
    }

    [Fact]
    public void A_non_finite_operand_of_a_narrow_product_is_named_and_C_is_left_untouched()
    {
        const int m = 64, n = 10, k = 256;
        float[] a = TestData.Normal(m * k, seed: 74), b = TestData.Normal(k * n, seed: 75), c = TestData.Normal(m * n, seed: 76);
        b[3 * n + 7] = float.NaN;
        float[] before = (float[])c.Clone();
        var e = Assert.Throws<ArgumentException>(() => CpuKernels.Gemm(a, b, c, m, n, k, beta: 1f));
        Assert.Equal("b", e.ParamName);
        Assert.Equal(before, c);
    }
}
