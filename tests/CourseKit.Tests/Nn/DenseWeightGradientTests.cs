using CourseKit.Kernels;
using CourseKit.Kernels.Reference;
using CourseKit.Nn;
using CourseKit.Tensors;

namespace CourseKit.Tests.Nn;

/// <summary>
/// Dense's dW = Xᵀ·dZ: narrow layers (fewer units than a GEMM column panel) compute the transposed product and
/// transpose it; the result must be the very product the direct call gives, and the double reference's.
/// </summary>
public class DenseWeightGradientTests
{
    [Theory]
    [InlineData(128, 256, 10)]   // the Fashion-MNIST output layer
    [InlineData(7, 33, 1)]
    [InlineData(64, 40, 31)]
    [InlineData(5, 3, 8)]        // more units than inputs: the direct product
    [InlineData(32, 64, 64)]     // wide: the direct product
    public void The_weight_gradient_equals_the_direct_product_bit_for_bit(int batch, int inputs, int units)
    {
        var dense = new Dense(units);
        dense.Build(inputs, seed: 1);
        var x = Matrix.RandomNormal(batch, inputs, seed: 2);
        var dz = Matrix.RandomNormal(batch, units, seed: 3);
        dense.Forward(x);
        dense.Backward(dz);

        var direct = new float[inputs * units];
        CpuKernels.Gemm(x.AsSpan(), dz.AsSpan(), direct, inputs, units, batch, transposeA: true);
        Assert.Equal(direct, dense.W.Grad.Data);

        double[] reference = ReferenceKernels.Gemm(ToDouble(x), ToDouble(dz), null, inputs, units, batch, transposeA: true);
        for (int i = 0; i < reference.Length; i++)
            Assert.True(Math.Abs(reference[i] - dense.W.Grad.Data[i]) <= 1e-4 * (1 + Math.Abs(reference[i])),
                $"dW[{i / units}, {i % units}]: {dense.W.Grad.Data[i]} vs reference {reference[i]}");
    }

    private static double[] ToDouble(Matrix m) => m.Data.Select(v => (double)v).ToArray();
}
