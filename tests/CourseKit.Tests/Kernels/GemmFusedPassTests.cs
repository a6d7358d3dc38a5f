using CourseKit.Kernels;
using CourseKit.Kernels.Reference;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Kernels;

/// <summary>
/// The passes the GEMM driver's threads fold into the product for beta 0 and 1: the NaN/∞ scan of A and B (split
/// across the threads, before C is touched) and clearing C (the first k slice stores instead of adding); and, for
/// beta 0, the check of C that replaces the scan when C is no larger than A and B. The shapes cross several k slices
/// (k &gt; 512), edge tiles both ways, and thread counts above and below the column panels.
/// </summary>
public class GemmFusedPassTests
{
    public static TheoryData<int, int, int> Shapes => new() { { 130, 1540, 1100 }, { 37, 70, 600 }, { 5, 33, 3 } };

    [Theory, MemberData(nameof(Shapes))]
    public void Beta_zero_ignores_NaN_in_C_matches_the_reference_and_every_thread_count(int m, int n, int k)
    {
        foreach (var (ta, tb) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            float[] a = TestData.Normal(m * k, seed: 41), b = TestData.Normal(k * n, seed: 42);
            float[] one = Filled(m * n, float.NaN);
            CpuKernels.Gemm(a, b, one, m, n, k, ta, tb, alpha: 0.75f, beta: 0f, threads: 1);
            double[] expected = ReferenceKernels.Gemm(GemmTests.ToDouble(a), GemmTests.ToDouble(b), new double[m * n], m, n, k, ta, tb, alpha: 0.75, beta: 0);
            Tolerance.Close(expected, one, rel: 1e-4, abs: 1e-3, what: $"C ({m}×{n}×{k}, transA={ta}, transB={tb}, beta 0)");
            foreach (int threads in new[] { 2, 3, 8 })
            {
                float[] many = Filled(m * n, float.NaN);
                CpuKernels.Gemm(a, b, many, m, n, k, ta, tb, alpha: 0.75f, beta: 0f, threads: threads);
                Assert.True(one.AsSpan().SequenceEqual(many), $"{m}×{n}×{k} transA={ta} transB={tb}: threads={threads} differs from 1 thread");
            }
        }
    }

    [Theory, MemberData(nameof(Shapes))]
    public void Beta_one_accumulates_like_the_reference_for_every_thread_count(int m, int n, int k)
    {
        float[] a = TestData.Normal(m * k, seed: 51), b = TestData.Normal(k * n, seed: 52), c0 = TestData.Normal(m * n, seed: 53);
        double[] expected = ReferenceKernels.Gemm(GemmTests.ToDouble(a), GemmTests.ToDouble(b), GemmTests.ToDouble(c0), m, n, k, alpha: -1.5, beta: 1);
        float[] one = (float[])c0.Clone();
        CpuKernels.Gemm(a, b, one, m, n, k, alpha: -1.5f, beta: 1f, threads: 1);
        Tolerance.Close(expected, one, rel: 1e-4, abs: 1e-3, what: $"C ({m}×{n}×{k}, beta 1)");
        foreach (int threads in new[] { 2, 3 })
        {
            float[] many = (float[])c0.Clone();
            CpuKernels.Gemm(a, b, many, m, n, k, alpha: -1.5f, beta: 1f, threads: threads);
            Assert.True(one.AsSpan().SequenceEqual(many), $"{m}×{n}×{k}: threads={threads} differs from 1 thread");
        }
    }

    [Theory]
    [InlineData(1, 0f)]
    [InlineData(2, 0f)]
    [InlineData(2, 1f)]
    [InlineData(3, 1f)]
    public void A_non_finite_input_anywhere_is_named_and_an_accumulated_C_is_left_untouched(int threads, float beta)
    {
        const int m = 40, n = 300, k = 700;
        // First and last element of each operand: the last lies in the last thread's share of the scan. With beta 0 this
        // product (C smaller than A and B) is checked in C afterwards, so C may be written; with beta 1 it must not be.
        foreach (var (which, index, value) in new[] { ('a', 0, float.NaN), ('a', m * k - 1, float.PositiveInfinity), ('b', 0, float.NegativeInfinity), ('b', k * n - 1, float.NaN) })
        {
            float[] a = TestData.Normal(m * k, seed: 61), b = TestData.Normal(k * n, seed: 62), c0 = TestData.Normal(m * n, seed: 63);
            (which == 'a' ? a : b)[index] = value;
            float[] c = (float[])c0.Clone();
            var ex = Assert.Throws<ArgumentException>(() => CpuKernels.Gemm(a, b, c, m, n, k, beta: beta, threads: threads));
            Assert.Equal(which.ToString(), ex.ParamName);
            Assert.Contains(value.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
            if (beta != 0f)
                Assert.True(c0.AsSpan().SequenceEqual(c), $"C changed although {which}[{index}] = {value} was rejected ({threads} threads, beta {beta})");
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void With_beta_zero_any_single_non_finite_operand_value_is_found_through_C(bool transA, bool transB)
    {
        // Sixty random positions of each operand, one non-finite value at a time, at a shape that crosses k slices
        // (k = 1100: three of 367) and edge tiles: each must reach C and be named.
        const int m = 13, n = 37, k = 1100;
        float[] a = TestData.Normal(m * k, seed: 64), b = TestData.Normal(k * n, seed: 65);
        var c = new float[m * n];
        var rng = new Random(66);
        foreach (char which in "ab")
        {
            float[] operand = which == 'a' ? a : b;
            for (int trial = 0; trial < 60; trial++)
            {
                int index = rng.Next(operand.Length);
                float value = (trial % 3) switch { 0 => float.NaN, 1 => float.PositiveInfinity, _ => float.NegativeInfinity };
                float kept = operand[index];
                operand[index] = value;
                var ex = Assert.Throws<ArgumentException>(() => CpuKernels.Gemm(a, b, c, m, n, k, transA, transB, alpha: 0.5f, beta: 0f));
                Assert.Equal(which.ToString(), ex.ParamName);
                operand[index] = kept;
            }
        }
        // ∞ times an exact zero is NaN, and ∞ − ∞ is NaN: still not finite, still found.
        float[] zeros = new float[k * n], infs = Enumerable.Repeat(float.PositiveInfinity, m * k).ToArray();
        infs[1] = float.NegativeInfinity;
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => CpuKernels.Gemm(infs, zeros, c, m, n, k, transA, transB)).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => CpuKernels.Gemm(infs, b, c, m, n, k, transA, transB)).ParamName);
    }

    [Fact]
    public void With_beta_zero_finite_operands_that_overflow_are_no_error_and_an_outer_product_leaves_C_untouched()
    {
        // Finite operands whose products overflow: C holds ∞, as before, and nothing is thrown.
        float[] big = Enumerable.Repeat(1e30f, 16 * 16).ToArray(), c = new float[16 * 16];
        CpuKernels.Gemm(big, big, c, 16, 16, 16);
        Assert.All(c, v => Assert.Equal(float.PositiveInfinity, v));
        // C larger than A and B together (k = 2): the operands are checked first, so C stays as it was.
        const int m = 300, n = 200, k = 2;
        float[] a = TestData.Normal(m * k, seed: 67), b = TestData.Normal(k * n, seed: 68), c0 = TestData.Normal(m * n, seed: 69);
        b[k * n - 1] = float.NaN;
        float[] outer = (float[])c0.Clone();
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => CpuKernels.Gemm(a, b, outer, m, n, k)).ParamName);
        Assert.True(c0.AsSpan().SequenceEqual(outer), "an outer product's C changed although b was rejected");
        // alpha = 0 computes nothing from A and B, and still rejects a NaN in them.
        b[k * n - 1] = 1f;
        a[0] = float.NaN;
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => CpuKernels.Gemm(a, b, outer, m, n, k, alpha: 0f)).ParamName);
    }

    [Fact]
    public void Every_micro_kernel_in_overwrite_mode_ignores_C_and_matches_the_reference()
    {
        foreach (var kernel in MicroKernels.Supported())
        {
            int mr = kernel.MR, nr = kernel.NR, kc = 37;
            float[] pa = TestData.Normal(mr * kc, 7), pb = TestData.Normal(kc * nr, 8);
            float[] c = Filled(mr * nr, float.NaN);
            unsafe
            {
                fixed (float* a = pa, b = pb, cp = c) kernel.Run(kc, a, b, cp, nr, 2f, overwrite: true);
            }
            var expected = new double[mr * nr];
            for (int i = 0; i < mr; i++)
                for (int j = 0; j < nr; j++)
                    for (int p = 0; p < kc; p++) expected[i * nr + j] += 2.0 * pa[p * mr + i] * pb[p * nr + j];
            Tolerance.Close(expected, c, rel: 1e-5, abs: 1e-5, what: $"{kernel.GetType().Name}, overwrite");
        }
    }

    private static float[] Filled(int length, float value)
    {
        var x = new float[length];
        Array.Fill(x, value);
        return x;
    }
}
