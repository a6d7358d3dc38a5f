using CourseKit.Kernels;
using CourseKit.Kernels.Reference;
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

    [Fact]
    public void The_mask_keeps_units_whose_number_is_below_keepProb_and_scales_them()
    {
        float[] u = [0f, 0.1f, 0.79f, 0.8f, 0.999f];
        var mask = new float[5];
        CpuKernels.DropoutMaskFromUniforms(u, 0.8f, mask);
        Assert.Equal([1.25f, 1.25f, 1.25f, 0f, 0f], mask);
    }

    [Fact]
    public void Forward_with_the_mask_matches_the_scalar_reference()
    {
        float[] x = TestData.Normal(500, seed: 3);
        var random = new Random(4);
        float[] u = Enumerable.Range(0, 500).Select(_ => (float)random.NextDouble()).ToArray();
        var mask = new float[500];
        CpuKernels.DropoutMaskFromUniforms(u, 0.6f, mask);
        float[] y = x.Zip(mask, (a, m) => a * m).ToArray();
        bool[] keep = u.Select(v => v < 0.6f).ToArray();
        Tolerance.Close(ReferenceKernels.Dropout(GemmTests.ToDouble(x), keep, 0.6f), y, 1e-7, what: "y");
        var dx = new float[500];
        CpuKernels.DropoutBackward(x, mask, dx);                 // the backward pass takes the same mask
        Assert.Equal(y, dx);
    }

    [Fact]
    public void Bad_numbers_and_keepProb_name_the_argument()
    {
        var mask = new float[2];
        Assert.Contains("uniforms[1]: expected a number in [0, 1), actual 1",
            Assert.Throws<ArgumentOutOfRangeException>(() => CpuKernels.DropoutMaskFromUniforms([0.5f, 1f], 0.5f, mask)).Message);
        Assert.Equal("keepProb", Assert.Throws<ArgumentOutOfRangeException>(() => CpuKernels.DropoutMaskFromUniforms([0.5f, 0.2f], 0f, mask)).ParamName);
        Assert.Equal("mask", Assert.ThrowsAny<ArgumentException>(() => CpuKernels.DropoutMaskFromUniforms([0.5f, 0.2f], 0.5f, new float[1])).ParamName);
    }
}
