using CourseKit.Kernels;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Kernels;

/// <summary>
/// The GEMM packing routines against their definition, element by element: every k remainder of the 16-, 8- and
/// 4-step copies (kc 0..40 and 511..513), whole and partial panels, both storage orders of each operand, and a
/// block that starts inside the matrix. Padding must be exact zeros (the micro-kernel multiplies it).
/// </summary>
public unsafe class GemmPackingTests
{
    public static TheoryData<int> PanelWidths => new() { 4, 8, 12, 16, 32 };

    private static IEnumerable<int> Depths => Enumerable.Range(0, 41).Concat([511, 512, 513]);

    [Theory, MemberData(nameof(PanelWidths))]
    public void PackA_lays_out_mr_rows_per_k_step_for_both_storage_orders(int mr)
    {
        const int m = 80, k = 530, ic = 3, pc = 7;
        float[] a = TestData.Normal(m * k, seed: 61);
        foreach (bool trans in new[] { false, true })
            foreach (int kc in Depths)
                foreach (int mc in new[] { mr, 2 * mr + 1, m - ic })
                {
                    int panels = (mc + mr - 1) / mr;
                    var dst = Filled(panels * mr * kc + 1, float.NaN);
                    fixed (float* pa = a, pd = dst) Packing.PackA(pa, trans, m, k, ic, pc, mc, kc, mr, pd);
                    for (int ir = 0; ir < panels * mr; ir++)
                        for (int p = 0; p < kc; p++)
                        {
                            float expected = ir < mc ? (trans ? a[(pc + p) * m + ic + ir] : a[(ic + ir) * k + pc + p]) : 0f;
                            float actual = dst[(ir / mr) * mr * kc + p * mr + ir % mr];
                            Assert.True(expected.Equals(actual), $"trans={trans} mr={mr} mc={mc} kc={kc}: row {ir}, k step {p}: expected {expected}, actual {actual}");
                        }
                    Assert.True(float.IsNaN(dst[^1]), $"trans={trans} mr={mr} mc={mc} kc={kc}: wrote past the panels");
                }
    }

    [Theory, MemberData(nameof(PanelWidths))]
    public void PackB_lays_out_nr_columns_per_k_step_for_both_storage_orders(int nr)
    {
        const int n = 75, k = 530, jc = 5, pc = 9;
        float[] b = TestData.Normal(k * n, seed: 62);
        foreach (bool trans in new[] { false, true })
            foreach (int kc in Depths)
                foreach (int nc in new[] { nr, 2 * nr + 3, n - jc })
                {
                    int panels = (nc + nr - 1) / nr;
                    var dst = Filled(panels * nr * kc + 1, float.NaN);
                    fixed (float* pb = b, pd = dst) Packing.PackB(pb, trans, k, n, pc, jc, kc, nc, nr, pd);
                    for (int jr = 0; jr < panels * nr; jr++)
                        for (int p = 0; p < kc; p++)
                        {
                            float expected = jr < nc ? (trans ? b[(jc + jr) * k + pc + p] : b[(pc + p) * n + jc + jr]) : 0f;
                            float actual = dst[(jr / nr) * nr * kc + p * nr + jr % nr];
                            Assert.True(expected.Equals(actual), $"trans={trans} nr={nr} nc={nc} kc={kc}: column {jr}, k step {p}: expected {expected}, actual {actual}");
                        }
                    Assert.True(float.IsNaN(dst[^1]), $"trans={trans} nr={nr} nc={nc} kc={kc}: wrote past the panels");
                }
    }

    private static float[] Filled(int length, float value)
    {
        var x = new float[length];
        Array.Fill(x, value);
        return x;
    }
}
