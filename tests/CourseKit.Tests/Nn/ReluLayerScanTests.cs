using CourseKit.Nn;
using CourseKit.Tensors;

namespace CourseKit.Tests.Nn;

/// <summary>
/// The ReLU layer maps and checks its input in one pass (CpuKernels.ReluLayerForward) and, backward, scans only dA
/// (its z was checked going forward). A non-finite value must still be reported by name and position, wherever it
/// falls (a whole vector or the scalar tail), with the input left as it was; the results equal the public kernels'.
/// </summary>
public class ReluLayerScanTests
{
    [Theory]
    [InlineData(0, float.NaN)]
    [InlineData(37, float.PositiveInfinity)]
    [InlineData(16 * 5 + 1, float.NegativeInfinity)] // in the 3-value tail of 83 values
    public void A_non_finite_input_is_named_with_its_position_and_the_input_is_untouched(int index, float bad)
    {
        var model = new Sequential(new Relu()).Build(inputFeatures: 83, seed: 0);
        var x = Matrix.RandomNormal(1, 83, seed: 5);
        x[0, index] = bad;
        var before = x.AsSpan().ToArray();
        var e = Assert.Throws<ArgumentException>(() => model.Forward(x));
        Assert.Equal("x", e.ParamName);
        Assert.Contains($"at x[{index}]", e.Message);
        Assert.Equal(before, x.AsSpan().ToArray());
    }

    [Fact]
    public void A_non_finite_upstream_gradient_is_named()
    {
        var model = new Sequential(new Relu()).Build(inputFeatures: 20, seed: 0);
        model.Train();
        model.Forward(Matrix.RandomNormal(3, 20, seed: 6));
        var dA = Matrix.RandomNormal(3, 20, seed: 7);
        dA[2, 19] = float.NaN;
        var e = Assert.Throws<ArgumentException>(() => model.Layers[0].Backward(dA));
        Assert.Equal("dA", e.ParamName);
    }

    [Fact]
    public void The_layer_gives_the_public_kernels_results()
    {
        var model = new Sequential(new Relu()).Build(inputFeatures: 83, seed: 0);
        model.Train();
        var x = Matrix.RandomNormal(7, 83, seed: 8);
        var dA = Matrix.RandomNormal(7, 83, seed: 9);
        var y = model.Forward(x);
        var dz = model.Layers[0].Backward(dA);
        var yKernel = new float[x.AsSpan().Length];
        var dzKernel = new float[x.AsSpan().Length];
        CourseKit.Kernels.CpuKernels.Relu(x.AsSpan(), yKernel);
        CourseKit.Kernels.CpuKernels.ReluBackward(x.AsSpan(), dA.AsSpan(), dzKernel);
        Assert.Equal(yKernel, y.AsSpan().ToArray());
        Assert.Equal(dzKernel, dz.AsSpan().ToArray());
    }
}
