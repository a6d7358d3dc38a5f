using CourseKit.Kernels;
using CourseKit.Kernels.Reference;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Kernels;

public class DropoutMaskTests
{
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
