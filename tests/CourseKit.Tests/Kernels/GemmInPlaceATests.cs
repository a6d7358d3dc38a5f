using CourseKit.Kernels;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Kernels;

/// <summary>
/// Where the GEMM reads A where it lies instead of packing it (GemmDriver.ReadsAInPlace): a transposed A (stored
/// k × m) in a shallow k slice in whole micro-panels, and a row-major A under the 8-row kernel, with B too when B's rows
/// are at most 1 KiB apart and split into whole column panels. Every route must
/// give the bits of the micro-kernels' arithmetic written out in scalar code: per k slice (GemmBlocking.KC, evenly
/// split) one multiply-add chain from +0 in k order, then C = sum · alpha + (C or +0), each step fused as the kernel's
/// are (the portable 4 × 8 kernel multiplies and adds separately). A row-major A's partial last 8-row panel is copied
/// (GemmDriver.CopyTailRows); shapes that still pack (a deep transposed slice, the 12-row kernel) are held to the same
/// bits, also where the micro-kernel packs a panel on its first use (GemmDriver.APanelsPackedOnFirstUse,
/// BPanelsPackedOnFirstUse) and the later calls read that copy.
/// </summary>
public class GemmInPlaceATests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 784, 256, 128 },  // Fashion-MNIST's first weight gradient (transposed A, in place)
        { 128, 256, 784 },  // its first layer's forward product (row-major A, in place; two k slices)
        { 64, 256, 256 },   // digits at batch 64 (row-major A and B, in place)
        { 64, 96, 100 },    // B in place in three column panels
        { 64, 80, 100 },    // a partial column panel: B packed
        { 64, 288, 50 },    // B rows over 1 KiB apart: packed
        { 40, 70, 192 },    // deepest transposed slice in place; a partial column panel
        { 37, 33, 100 },    // a partial last 8-row panel: copied (row-major A, rest in place), packed (transposed)
        { 100, 96, 300 },   // the same with B in place
        { 1001, 64, 520 },  // 125 panels in place and one row copied, two slices of 260, B in place
        { 1601, 40, 50 },   // two row blocks (808 + 793 rows), the second with a partial panel; B packed (partial panel)
        { 96, 64, 700 },    // two slices of 350: row-major A in place under the 8-row kernel, transposed A packed for the 12-row one
        { 36, 96, 600 },    // 36 rows (not whole 8-row panels): the 12-row kernel, A packed either way
        // Packing on first use (deep slices, B rows over 1 KiB apart): one thread's transposed A panels are packed by
        // their first calls in the first of two column blocks (224 + 196 columns); each block's whole B column panels by
        // panel 0's calls, its partial one first. Two row blocks of 775 (12-row panels, 8-row tail panels, a padded last
        // one packed first) and two slices of 265.
        { 1550, 420, 530 },
        { 12, 64, 600 },    // one whole 12-row panel: packed by its first call, with B's two panels
        { 10, 500, 600 },   // under one panel: A and B packed first (panel 0 is padded)
    };

    [Theory, MemberData(nameof(Shapes))]
    public void Every_route_for_A_gives_the_bits_of_the_scalar_loop_nest(int m, int n, int k)
    {
        float[] a = TestData.Normal(m * k, seed: 91), b = TestData.Normal(k * n, seed: 92), c0 = TestData.Normal(m * n, seed: 93);
        var aT = new float[k * m];  // the same op(A), stored transposed
        for (int i = 0; i < m; i++)
            for (int p = 0; p < k; p++) aT[p * m + i] = a[i * k + p];
        foreach (float beta in new[] { 0f, 1f })
        {
            float[] expected = ScalarLoopNest(a, b, (float[])c0.Clone(), m, n, k, 0.5f, beta);
            foreach (bool transA in new[] { false, true })
                foreach (int threads in new[] { 1, 2 })
                {
                    float[] c = (float[])c0.Clone();
                    CpuKernels.Gemm(transA ? aT : a, b, c, m, n, k, transposeA: transA, alpha: 0.5f, beta: beta, threads: threads);
                    Tolerance.SameBits(expected, c, n, $"{m}×{n}×{k} transA={transA} threads={threads} beta={beta}, GEMM against the scalar loop nest");
                }
        }
    }

    private static float[] ScalarLoopNest(float[] a, float[] b, float[] c, int m, int n, int k, float alpha, float beta)
    {
        int kc = GemmBlocking.Even(k, GemmBlocking.KC, 1);
        bool fused = MicroKernels.Best.Fused; // the 8-row kernel exists only beside the 12-row one, and both fuse
        float MultiplyAdd(float x, float y, float z) => fused ? MathF.FusedMultiplyAdd(x, y, z) : z + x * y;
        for (int p0 = 0; p0 < k; p0 += kc)
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    float sum = 0f;
                    for (int p = p0; p < Math.Min(k, p0 + kc); p++) sum = MultiplyAdd(a[i * k + p], b[p * n + j], sum);
                    c[i * n + j] = MultiplyAdd(sum, alpha, p0 == 0 && beta == 0f ? 0f : c[i * n + j]);
                }
        return c;
    }
}
