using CourseKit.Kernels;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Kernels;

/// <summary>
/// A transposed A (stored k × m) in a shallow k slice whose rows split into whole micro-panels is read where it lies
/// instead of packed (GemmDriver.ReadsAInPlace): a weight gradient Xᵀ·dZ over a batch. The product must have the bits
/// of the same product with Aᵀ written out and packed, on one thread and on two, with beta 0 and 1; shapes with a
/// padded last panel, or a deeper slice, still pack and must agree all the same.
/// </summary>
public class GemmInPlaceATests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 784, 256, 128 },  // Fashion-MNIST's first weight gradient: 64 · 12 + 2 · 8 rows
        { 256, 256, 64 },   // digits at batch 64
        { 40, 70, 192 },    // deepest slice read in place, a partial column panel
        { 37, 33, 100 },    // a padded last row panel: packed
        { 96, 64, 700 },    // two slices of 350: packed
    };

    [Theory, MemberData(nameof(Shapes))]
    public void A_transposed_A_read_in_place_gives_the_bits_of_the_packed_product(int m, int n, int k)
    {
        float[] stored = TestData.Normal(k * m, seed: 91), b = TestData.Normal(k * n, seed: 92), c0 = TestData.Normal(m * n, seed: 93);
        var written = new float[m * k];  // Aᵀ stored m × k: the same operand, packed by the other route
        for (int p = 0; p < k; p++)
            for (int i = 0; i < m; i++) written[i * k + p] = stored[p * m + i];
        foreach (int threads in new[] { 1, 2 })
            foreach (float beta in new[] { 0f, 1f })
            {
                float[] inPlace = (float[])c0.Clone(), packed = (float[])c0.Clone();
                CpuKernels.Gemm(stored, b, inPlace, m, n, k, transposeA: true, alpha: 0.5f, beta: beta, threads: threads);
                CpuKernels.Gemm(written, b, packed, m, n, k, transposeA: false, alpha: 0.5f, beta: beta, threads: threads);
                for (int i = 0; i < m * n; i++)
                    Assert.True(packed[i].Equals(inPlace[i]),
                        $"{m}×{n}×{k} threads={threads} beta={beta}: element {i} (row {i / n}, column {i % n}): packed {packed[i]:R}, in place {inPlace[i]:R}");
            }
    }
}
