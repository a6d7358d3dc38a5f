
namespace CourseKit.Tests.Kernels;

using CourseKit.Kernels;

public class BatchNormInPlaceTests
{
    private const float Epsilon = 1e-5f;

    [Theory]
    [InlineData(3, 1)]
    [InlineData(17, 33)]
    [InlineData(64, 257)]
    public void BatchNorm_forward_training_in_place_equals_out_of_place(int rows, int cols)
    {
        var (x, gamma, beta) = BatchNormCases.Inputs(rows, cols);
        var y = new float[rows * cols]; var xHat = new float[rows * cols];
        CpuKernels.BatchNormForwardTraining(x, rows, cols, gamma, beta, Epsilon, y, new float[cols], new float[cols], xHat, default, default, 0.9f);

        var yInPlace = (float[])x.Clone();
        CpuKernels.BatchNormForwardTraining(yInPlace, rows, cols, gamma, beta, Epsilon, yInPlace, new float[cols], new float[cols], default, default, default, 0.9f);
        Assert.Equal(y, yInPlace);

        var xHatInPlace = (float[])x.Clone();
        var y2 = new float[rows * cols];
        CpuKernels.BatchNormForwardTraining(xHatInPlace, rows, cols, gamma, beta, Epsilon, y2, new float[cols], new float[cols], xHatInPlace, default, default, 0.9f);
        Assert.Equal(xHat, xHatInPlace);
        Assert.Equal(y, y2);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(17, 129)]
    public void BatchNorm_forward_inference_in_place_equals_out_of_place(int rows, int cols)
    {
        var (x, gamma, beta) = BatchNormCases.Inputs(rows, cols);
        var runningMean = beta; var runningVar = gamma;
        var y = new float[rows * cols];
        CpuKernels.BatchNormForwardInference(x, rows, cols, gamma, beta, runningMean, runningVar, Epsilon, y);

        var inPlace = (float[])x.Clone();
        CpuKernels.BatchNormForwardInference(inPlace, rows, cols, gamma, beta, runningMean, runningVar, Epsilon, inPlace);
        Assert.Equal(y, inPlace);
    }

    [Theory]
    [InlineData(2, 7)]
    [InlineData(17, 65)]
    public void BatchNorm_backward_in_place_equals_out_of_place(int rows, int cols)
    {
        var (dy, xHat, gamma, invStd, x, mean) = BatchNormBackwardTests.Inputs(rows, cols);
        var dx = new float[rows * cols]; var dGamma = new float[cols]; var dBeta = new float[cols];
        CpuKernels.BatchNormBackward(dy, xHat, rows, cols, gamma, invStd, dx, dGamma, dBeta);

        var overDy = (float[])dy.Clone();
        CpuKernels.BatchNormBackward(overDy, xHat, rows, cols, gamma, invStd, overDy, new float[cols], new float[cols]);
        Assert.Equal(dx, overDy);

        var overXHat = (float[])xHat.Clone();
        CpuKernels.BatchNormBackward(dy, overXHat, rows, cols, gamma, invStd, overXHat, new float[cols], new float[cols]);
        Assert.Equal(dx, overXHat);

        var dxFromX = new float[rows * cols];
        CpuKernels.BatchNormBackward(dy, x, rows, cols, gamma, mean, invStd, dxFromX, dGamma, dBeta);
        var overX = (float[])x.Clone();
        CpuKernels.BatchNormBackward(dy, overX, rows, cols, gamma, mean, invStd, overX, new float[cols], new float[cols]);
        Assert.Equal(dxFromX, overX);
    }

    [Fact]
    public void BatchNorm_backward_overwrites_dGamma_and_dBeta_instead_of_accumulating()
    {
        var (dy, xHat, gamma, invStd, _, _) = BatchNormBackwardTests.Inputs(8, 5);
        var dGamma1 = new float[5]; var dBeta1 = new float[5];
        CpuKernels.BatchNormBackward(dy, xHat, 8, 5, gamma, invStd, new float[40], dGamma1, dBeta1);
        var dGamma2 = Enumerable.Repeat(100f, 5).ToArray(); var dBeta2 = Enumerable.Repeat(-100f, 5).ToArray();
        CpuKernels.BatchNormBackward(dy, xHat, 8, 5, gamma, invStd, new float[40], dGamma2, dBeta2);
        Assert.Equal(dGamma1, dGamma2);
        Assert.Equal(dBeta1, dBeta2);
    }
}
