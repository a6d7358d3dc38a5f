
using CourseKit.Tests.Support.Backends;

namespace CourseKit.Tests.Kernels;

using CourseKit.Kernels;

public class BatchNormInPlaceTests
{
    public static IEnumerable<object[]> BatchNorm_forward_training_in_place_equals_out_of_placeCases => KernelBackend.Cross(new object[][] { [3, 1], [17, 33], [64, 257] });
    public static IEnumerable<object[]> BatchNorm_forward_inference_in_place_equals_out_of_placeCases => KernelBackend.Cross(new object[][] { [1, 5], [17, 129] });
    public static IEnumerable<object[]> BatchNorm_backward_in_place_equals_out_of_placeCases => KernelBackend.Cross(new object[][] { [2, 7], [17, 65] });

    private const float Epsilon = 1e-5f;

    [Theory, MemberData(nameof(BatchNorm_forward_training_in_place_equals_out_of_placeCases))]
    public void BatchNorm_forward_training_in_place_equals_out_of_place(KernelBackend backend, int rows, int cols)
    {
        var (x, gamma, beta) = BatchNormCases.Inputs(rows, cols);
        var y = new float[rows * cols]; var xHat = new float[rows * cols];
        backend.BatchNormForwardTraining(x, rows, cols, gamma, beta, Epsilon, y, new float[cols], new float[cols], xHat, default, default, 0.9f);

        var yInPlace = (float[])x.Clone();
        backend.BatchNormForwardTraining(yInPlace, rows, cols, gamma, beta, Epsilon, yInPlace, new float[cols], new float[cols], default, default, default, 0.9f);
        Assert.Equal(y, yInPlace);

        var xHatInPlace = (float[])x.Clone();
        var y2 = new float[rows * cols];
        backend.BatchNormForwardTraining(xHatInPlace, rows, cols, gamma, beta, Epsilon, y2, new float[cols], new float[cols], xHatInPlace, default, default, 0.9f);
        Assert.Equal(xHat, xHatInPlace);
        Assert.Equal(y, y2);
    }

    [Theory, MemberData(nameof(BatchNorm_forward_inference_in_place_equals_out_of_placeCases))]
    public void BatchNorm_forward_inference_in_place_equals_out_of_place(KernelBackend backend, int rows, int cols)
    {
        var (x, gamma, beta) = BatchNormCases.Inputs(rows, cols);
        var runningMean = beta; var runningVar = gamma;
        var y = new float[rows * cols];
        backend.BatchNormForwardInference(x, rows, cols, gamma, beta, runningMean, runningVar, Epsilon, y);

        var inPlace = (float[])x.Clone();
        backend.BatchNormForwardInference(inPlace, rows, cols, gamma, beta, runningMean, runningVar, Epsilon, inPlace);
        Assert.Equal(y, inPlace);
    }

    [Theory, MemberData(nameof(BatchNorm_backward_in_place_equals_out_of_placeCases))]
    public void BatchNorm_backward_in_place_equals_out_of_place(KernelBackend backend, int rows, int cols)
    {
        var (dy, xHat, gamma, invStd, x, mean) = BatchNormBackwardTests.Inputs(rows, cols);
        var dx = new float[rows * cols]; var dGamma = new float[cols]; var dBeta = new float[cols];
        backend.BatchNormBackward(dy, xHat, rows, cols, gamma, invStd, dx, dGamma, dBeta);

        var overDy = (float[])dy.Clone();
        backend.BatchNormBackward(overDy, xHat, rows, cols, gamma, invStd, overDy, new float[cols], new float[cols]);
        Assert.Equal(dx, overDy);

        var overXHat = (float[])xHat.Clone();
        backend.BatchNormBackward(dy, overXHat, rows, cols, gamma, invStd, overXHat, new float[cols], new float[cols]);
        Assert.Equal(dx, overXHat);

        var dxFromX = new float[rows * cols];
        backend.BatchNormBackward(dy, x, rows, cols, gamma, mean, invStd, dxFromX, dGamma, dBeta);
        var overX = (float[])x.Clone();
        backend.BatchNormBackward(dy, overX, rows, cols, gamma, mean, invStd, overX, new float[cols], new float[cols]);
        Assert.Equal(dxFromX, overX);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void BatchNorm_backward_overwrites_dGamma_and_dBeta_instead_of_accumulating(KernelBackend backend)
    {
        var (dy, xHat, gamma, invStd, _, _) = BatchNormBackwardTests.Inputs(8, 5);
        var dGamma1 = new float[5]; var dBeta1 = new float[5];
        backend.BatchNormBackward(dy, xHat, 8, 5, gamma, invStd, new float[40], dGamma1, dBeta1);
        var dGamma2 = Enumerable.Repeat(100f, 5).ToArray(); var dBeta2 = Enumerable.Repeat(-100f, 5).ToArray();
        backend.BatchNormBackward(dy, xHat, 8, 5, gamma, invStd, new float[40], dGamma2, dBeta2);
        Assert.Equal(dGamma1, dGamma2);
        Assert.Equal(dBeta1, dBeta2);
    }
}
