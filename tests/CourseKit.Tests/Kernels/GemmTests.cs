using CourseKit.Kernels.Reference;
using CourseKit.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using CourseKit.Kernels;
using CourseKit.Tests.Support.Backends;

namespace CourseKit.Tests.Kernels;

public class GemmTests
{
    public static IEnumerable<object[]> ShapesOnEveryBackend => KernelBackend.Cross(typeof(GemmTests), nameof(GemmTests.Shapes));
    public static IEnumerable<object[]> Gemm_applies_alpha_and_beta_like_BLASCases => KernelBackend.Cross(new object[][] { [0.5f, 0f], [1f, 1f], [-2f, 0.25f] });

    // float32 products summed over k terms: error grows like √k·ε; scale by the sum of |a||b| (not |c|, which may cancel).
    private const double GemmRelTol = 2e-6;

    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 7, 13, 5 }, { 13, 7, 5 }, { 12, 32, 256 }, { 11, 31, 257 }, { 25, 65, 3 },
        { 257, 129, 65 }, { 145, 33, 300 }, { 64, 10, 256 }, { 3, 1600, 17 },
    };

    [Theory, MemberData(nameof(ShapesOnEveryBackend))]
    public void Gemm_matches_MathNet_managed_multiply_for_every_transpose(KernelBackend backend, int m, int n, int k)
    {
        foreach (var (ta, tb) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            float[] a = TestData.Normal(m * k, seed: 42), b = TestData.Normal(k * n, seed: 43);
            var c = new float[m * n];
            backend.Gemm(a, b, c, m, n, k, ta, tb);

            // MathNet stores column-major; build op(A), op(B) element by element from our row-major storage.
            var ma = Matrix<double>.Build.Dense(m, k, (i, p) => ta ? a[p * m + i] : a[i * k + p]);
            var mb = Matrix<double>.Build.Dense(k, n, (p, j) => tb ? b[j * k + p] : b[p * n + j]);
            var expected = ma * mb;
            var scale = ma.PointwiseAbs() * mb.PointwiseAbs();
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    double err = Math.Abs(c[i * n + j] - expected[i, j]);
                    Assert.True(err <= GemmRelTol * Math.Sqrt(k) * scale[i, j] + 1e-30,
                        $"transA={ta} transB={tb} C[{i},{j}]: expected {expected[i, j]:R}, actual {c[i * n + j]:R}");
                }
        }
    }

    [Theory, MemberData(nameof(Gemm_applies_alpha_and_beta_like_BLASCases))]
    public void Gemm_applies_alpha_and_beta_like_BLAS(KernelBackend backend, float alpha, float beta)
    {
        const int m = 19, n = 37, k = 23;
        float[] a = TestData.Normal(m * k, 1), b = TestData.Normal(k * n, 2), c0 = TestData.Normal(m * n, 3);
        var c = (float[])c0.Clone();
        backend.Gemm(a, b, c, m, n, k, alpha: alpha, beta: beta);
        double[] expected = ReferenceKernels.Gemm(ToDouble(a), ToDouble(b), ToDouble(c0), m, n, k, alpha: alpha, beta: beta);
        Tolerance.Close(expected, c, rel: 1e-5, abs: 1e-5, what: "C");
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Gemm_with_beta_zero_ignores_NaN_already_in_C(KernelBackend backend)
    {
        var c = new[] { float.NaN, float.NaN };
        backend.Gemm([1f], [3f, 4f], c, 1, 2, 1);
        Assert.Equal([3f, 4f], c);
    }

    [Fact]
    public void Gemm_is_bit_identical_for_any_thread_count()
    {
        const int m = 600, n = 300, k = 700;
        float[] a = TestData.Normal(m * k, 5), b = TestData.Normal(k * n, 6);
        var one = new float[m * n];
        var two = new float[m * n];
        CpuKernels.Gemm(a, b, one, m, n, k, threads: 1);
        CpuKernels.Gemm(a, b, two, m, n, k, threads: 2);
        Assert.Equal(one, two);
    }

    [Fact]
    public void Every_supported_micro_kernel_matches_the_reference()
    {
        // The driver uses the widest kernel only; run each one directly through a tiny packed product.
        foreach (var kernel in CourseKit.Kernels.MicroKernels.Supported())
        {
            int mr = kernel.MR, nr = kernel.NR, kc = 37;
            float[] pa = TestData.Normal(mr * kc, 7), pb = TestData.Normal(kc * nr, 8);
            var c = new float[mr * nr];
            unsafe
            {
                fixed (float* a = pa, b = pb, cp = c) kernel.Run(kc, a, b, cp, nr, 1f);
            }
            // Packed A is k-major with mr values per step: A[i,p] = pa[p*mr + i]; packed B: B[p,j] = pb[p*nr + j].
            var expected = new double[mr * nr];
            for (int i = 0; i < mr; i++)
                for (int j = 0; j < nr; j++)
                    for (int p = 0; p < kc; p++) expected[i * nr + j] += (double)pa[p * mr + i] * pb[p * nr + j];
            Tolerance.Close(expected, c, rel: 1e-5, abs: 1e-5, what: kernel.GetType().Name);
        }
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Gemm_with_zero_sized_dimensions_is_well_defined(KernelBackend backend)
    {
        var c = new[] { 5f, 6f };
        backend.Gemm([], [], c, 1, 2, 0, beta: 0f);
        Assert.Equal([0f, 0f], c); // the empty sum is 0
        backend.Gemm([], [], Span<float>.Empty, 0, 0, 3);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Gemm_rejects_wrong_lengths_naming_the_argument(KernelBackend backend)
    {
        var ex = Assert.Throws<ArgumentException>(() => backend.Gemm(new float[5], new float[6], new float[4], 2, 2, 3));
        Assert.Equal("a", ex.ParamName);
        Assert.Contains("a (stored 2 × 3)", ex.Message);
        Assert.Contains("expected length 6, actual 5", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => backend.Gemm(new float[6], new float[6], new float[3], 2, 2, 3));
        Assert.Contains("destination too short", ex.Message);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Gemm_rejects_NaN_in_an_input_with_its_position(KernelBackend backend)
    {
        var a = new float[6];
        a[4] = float.NaN;
        var ex = Assert.Throws<ArgumentException>(() => backend.Gemm(a, new float[6], new float[4], 2, 2, 3));
        Assert.Contains("a[1, 1]", ex.Message);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Gemm_rejects_output_overlapping_an_input(KernelBackend backend)
    {
        var buffer = new float[16];
        var ex = Assert.Throws<ArgumentException>(() => backend.Gemm(buffer.AsSpan(0, 4), buffer.AsSpan(4, 4), buffer.AsSpan(2, 4), 2, 2, 2));
        Assert.Contains("must not overlap a", ex.Message);
    }

    [Fact]
    public void Gemm_rejects_bad_threads_and_negative_dimensions()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CpuKernels.Gemm(new float[1], new float[1], new float[1], 1, 1, 1, threads: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CpuKernels.Gemm(new float[1], new float[1], new float[1], -1, 1, 1));
    }

    internal static double[] ToDouble(float[] x) => Array.ConvertAll(x, v => (double)v);
}
