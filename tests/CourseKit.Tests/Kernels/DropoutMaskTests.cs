using CourseKit.Kernels;
using CourseKit.Tests.Support;
using CourseKit.Tests.Support.Backends;

namespace CourseKit.Tests.Kernels;

public class DropoutMaskTests
{
    public static IEnumerable<object[]> Masks => KernelBackend.Cross(new object[][]
    {
        [1, 0.5f, 7UL], [257, 0.8f, 42UL], [10_000, 0.5f, ulong.MaxValue], [4096, 1f, 3UL], [1000, 1e-6f, 5UL],
    });

    [Theory, MemberData(nameof(Masks))]
    public void Every_backend_draws_the_span_kernels_mask_bit_for_bit(KernelBackend backend, int n, float keepProb, ulong seed)
    {
        float[] x = TestData.Normal(n, seed: 1);
        float[] expectedMask = new float[n], expectedY = new float[n], mask = new float[n], y = new float[n];
        CpuKernels.DropoutForward(x, keepProb, seed, expectedMask, expectedY);

        backend.DropoutForward(x, keepProb, seed, mask, y);

        Assert.Equal(expectedMask, mask);
        Assert.Equal(expectedY, y);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void The_kept_share_is_keep_prob_and_other_seeds_draw_other_masks(KernelBackend backend)
    {
        const int n = 20_000;
        float[] x = new float[n], a = new float[n], b = new float[n], y = new float[n];
        Array.Fill(x, 1f);
        backend.DropoutForward(x, 0.8f, 1, a, y);
        backend.DropoutForward(x, 0.8f, 2, b, y);
        double kept = a.Count(v => v != 0) / (double)n;
        Assert.InRange(kept, 0.8 - 0.01, 0.8 + 0.01);  // ±3.5 standard deviations of a binomial share
        Assert.NotEqual(a, b);
        Assert.All(a, v => Assert.True(v == 0f || v == 1f / 0.8f));
    }
}
