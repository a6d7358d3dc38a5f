using System.Runtime.Intrinsics.X86;
using CourseKit.Kernels;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Kernels;

/// <summary>
/// On AVX-512, a product whose C has at most 16 columns and whose B is stored k × n takes NarrowColumns (one zmm per
/// row of C, A read in place). It must give the loop nest's bits for every row count (below 8, not a multiple of 8,
/// the 128 × 10 × 256 output layer), both storage orders of A, beta 0 and 1, k deeper than one KC slice, and on one
/// thread or two (rows split between them).
/// </summary>
public class NarrowColumnsTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 10, 5 }, { 7, 10, 256 }, { 16, 10, 784 }, { 128, 10, 256 }, { 256, 10, 128 }, { 33, 16, 1100 }, { 9, 1, 3 }, { 64, 13, 513 },
        { 1001, 10, 300 },  // enough rows for two threads' shares (and one row past the 8-row blocks)
    };

    [Theory, MemberData(nameof(Shapes))]
    public void A_product_with_at_most_16_columns_is_bit_identical_to_the_loop_nest(int m, int n, int k)
    {
        Assert.Equal(Avx512F.IsSupported, NarrowColumns.Takes(n, transposeB: false));
        float[] a = TestData.Normal(m * k, seed: 81), b = TestData.Normal(k * n, seed: 82), c0 = TestData.Normal(m * n, seed: 83);
        foreach (bool transA in new[] { false, true })
            foreach (float beta in new[] { 0f, 1f })
                foreach (float alpha in new[] { 1f, 0.75f })
                foreach (int threads in new[] { 1, 2 })
                {
                    float[] viaGemm = (float[])c0.Clone(), loopNest = (float[])c0.Clone();
                    CpuKernels.Gemm(a, b, viaGemm, m, n, k, transA, transposeB: false, alpha: alpha, beta: beta, threads: threads);
                    Assert.True(GemmDriver.Run(a, b, loopNest, m, n, k, transA, false, alpha, overwrite: beta == 0f, checkFinite: false, threads: 1));
                    Tolerance.SameBits(loopNest, viaGemm, n, $"{m}×{n}×{k} transA={transA} beta={beta} alpha={alpha} threads={threads}, narrow against the loop nest");
                }
    }

    [Fact]
    public void A_non_finite_operand_is_named_and_C_is_left_untouched()
    {
        const int m = 20, n = 10, k = 64;
        float[] a = TestData.Normal(m * k, seed: 84), b = TestData.Normal(k * n, seed: 85), c = TestData.Normal(m * n, seed: 86);
        a[5 * k + 3] = float.PositiveInfinity;
        float[] before = (float[])c.Clone();
        var e = Assert.Throws<ArgumentException>(() => CpuKernels.Gemm(a, b, c, m, n, k, beta: 1f));
        Assert.Equal("a", e.ParamName);
        Assert.Equal(before, c);
    }
}
