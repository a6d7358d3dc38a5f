using CourseKit.Kernels;
using CourseKit.Kernels.Reference;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Kernels;

/// <summary>
/// The multi-threaded GEMM driver: threads split the rows of C and the packing of each B slice, and meet at a barrier
/// per slice with two B buffers alternating. These shapes cross every boundary that split creates: several k slices
/// (k &gt; 256), several B panels (n &gt; 1536), edge tiles in both directions, more threads than row tiles.
/// </summary>
public class GemmThreadingTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 600, 300, 700 }, { 37, 1601, 300 }, { 5, 70, 600 }, { 25, 33, 1 }, { 130, 1540, 513 }, { 64, 256, 784 },
        // 8-row tail panels under the 12-row ones (RowPanels): two, the last partial; one per row block past MB rows.
        { 1022, 45, 600 }, { 1600, 33, 40 },
    };

    [Theory, MemberData(nameof(Shapes))]
    public void Every_thread_count_gives_the_same_bits_for_every_transpose(int m, int n, int k)
    {
        foreach (var (ta, tb) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            float[] a = TestData.Normal(m * k, seed: 11), b = TestData.Normal(k * n, seed: 12), c0 = TestData.Normal(m * n, seed: 13);
            float[] one = (float[])c0.Clone();
            CpuKernels.Gemm(a, b, one, m, n, k, ta, tb, alpha: 0.75f, beta: 0.5f, threads: 1);
            foreach (int threads in new[] { 2, 3, 8 })
            {
                float[] many = (float[])c0.Clone();
                CpuKernels.Gemm(a, b, many, m, n, k, ta, tb, alpha: 0.75f, beta: 0.5f, threads: threads);
                Assert.True(one.AsSpan().SequenceEqual(many), $"{m}×{n}×{k} transA={ta} transB={tb}: threads={threads} differs from 1 thread");
            }
        }
    }

    [Theory]
    [InlineData(37, 1601, 300, false, false)]
    [InlineData(130, 1540, 513, false, true)]
    [InlineData(130, 100, 513, true, false)]
    [InlineData(1022, 45, 600, false, false)]
    [InlineData(1600, 33, 40, true, true)]
    public void Two_threads_match_the_double_reference(int m, int n, int k, bool ta, bool tb)
    {
        float[] a = TestData.Normal(m * k, seed: 21), b = TestData.Normal(k * n, seed: 22), c0 = TestData.Normal(m * n, seed: 23);
        float[] c = (float[])c0.Clone();
        CpuKernels.Gemm(a, b, c, m, n, k, ta, tb, alpha: -1.5f, beta: 1f, threads: 2);
        double[] expected = ReferenceKernels.Gemm(GemmTests.ToDouble(a), GemmTests.ToDouble(b), GemmTests.ToDouble(c0), m, n, k, ta, tb, alpha: -1.5, beta: 1);
        // Sums of ≈ 500 products of N(0, 1) values: float rounding stays far below 1e-3 absolute.
        Tolerance.Close(expected, c, rel: 1e-4, abs: 1e-3, what: $"C ({m}×{n}×{k}, 2 threads)");
    }

    [Fact]
    public void Concurrent_callers_each_get_their_own_correct_product()
    {
        const int m = 200, n = 300, k = 400;
        float[] a = TestData.Normal(m * k, seed: 31), b = TestData.Normal(k * n, seed: 32);
        var expected = new float[m * n];
        CpuKernels.Gemm(a, b, expected, m, n, k, threads: 1);
        var results = Enumerable.Range(0, 4).Select(_ => new float[m * n]).ToArray();
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            for (int repeat = 0; repeat < 5; repeat++) CpuKernels.Gemm(a, b, results[i], m, n, k, threads: 2);
        });
        foreach (var c in results) Assert.True(expected.AsSpan().SequenceEqual(c), "a concurrent 2-thread product differs from the 1-thread one");
    }
}
