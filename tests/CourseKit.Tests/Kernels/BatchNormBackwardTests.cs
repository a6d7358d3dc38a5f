using CourseKit.Tests.Support;
using CourseKit.Kernels.Reference;
using CourseKit.Tests.Support.Backends;

namespace CourseKit.Tests.Kernels;

using CourseKit.Kernels;

public class BatchNormBackwardTests
{
    public static IEnumerable<object[]> ShapesOnEveryBackend => KernelBackend.Cross(typeof(BatchNormCases), nameof(BatchNormCases.Shapes));
    public static IEnumerable<object[]> BatchNorm_backward_matches_finite_differencesCases => KernelBackend.Cross(new object[][] { [2, 3], [5, 4], [17, 19] });

    // dx cancels m·dy − dβ − x̂·dγ (for m = 2 almost completely: dx ∝ ε/(σ²+ε)), so its float error is measured
    // against the size of the terms, max |γ·invStd·dy|, not against |dx| itself.
    private const double BackwardRel = 1e-5;
    private const double GradientCheckDouble = 1e-7;   // the course's rule for a correct gradient
    private const double GradientCheckFloat = 1e-5;    // float32 kernel vs double finite differences
    private const float Epsilon = 1e-5f;

    [Theory, MemberData(nameof(ShapesOnEveryBackend))]
    public void BatchNorm_backward_matches_the_double_reference(KernelBackend backend, int rows, int cols)
    {
        var (dy, xHat, gamma, invStd, _, _) = Inputs(rows, cols);
        var dx = new float[rows * cols]; var dGamma = new float[cols]; var dBeta = new float[cols];

        backend.BatchNormBackward(dy, xHat, rows, cols, gamma, invStd, dx, dGamma, dBeta);

        var expected = ReferenceKernels.BatchNormBackward(BatchNormCases.ToDouble(dy), BatchNormCases.ToDouble(xHat), rows, cols,
            BatchNormCases.ToDouble(gamma), BatchNormCases.ToDouble(invStd));
        Tolerance.Close(expected.Dx, dx, BackwardRel, BackwardRel * TermScale(dy, gamma, invStd, cols), "dx");
        BatchNormCases.CloseScaled(expected.DGamma, dGamma, BackwardRel, "dGamma");
        BatchNormCases.CloseScaled(expected.DBeta, dBeta, BackwardRel, "dBeta");
    }

    [Theory, MemberData(nameof(ShapesOnEveryBackend))]
    public void BatchNorm_backward_from_x_and_mean_matches_the_double_reference(KernelBackend backend, int rows, int cols)
    {
        var (dy, _, gamma, invStd, x, mean) = Inputs(rows, cols);
        var dx = new float[rows * cols]; var dGamma = new float[cols]; var dBeta = new float[cols];

        backend.BatchNormBackward(dy, x, rows, cols, gamma, mean, invStd, dx, dGamma, dBeta);

        // The reference gets x̂ recomputed in double from the same float x, μ and 1/√(σ²+ε) the kernel sees.
        var xHat = new double[rows * cols];
        for (int i = 0; i < xHat.Length; i++) xHat[i] = ((double)x[i] - mean[i % cols]) * invStd[i % cols];
        var expected = ReferenceKernels.BatchNormBackward(BatchNormCases.ToDouble(dy), xHat, rows, cols, BatchNormCases.ToDouble(gamma), BatchNormCases.ToDouble(invStd));
        Tolerance.Close(expected.Dx, dx, BackwardRel, BackwardRel * TermScale(dy, gamma, invStd, cols), "dx");
        BatchNormCases.CloseScaled(expected.DGamma, dGamma, BackwardRel, "dGamma");
        BatchNormCases.CloseScaled(expected.DBeta, dBeta, BackwardRel, "dBeta");
    }

    [Theory, MemberData(nameof(BatchNorm_backward_matches_finite_differencesCases))]
    public void BatchNorm_backward_matches_finite_differences(KernelBackend backend, int rows, int cols)
    {
        var (xf, gammaF, betaF) = BatchNormCases.Inputs(rows, cols);
        var dyF = TestData.Normal(rows * cols, seed: 47);
        double[] x = BatchNormCases.ToDouble(xf), gamma = BatchNormCases.ToDouble(gammaF), beta = BatchNormCases.ToDouble(betaF), dy = BatchNormCases.ToDouble(dyF);

        // Loss L = Σ dy ⊙ y, so ∂L/∂y = dy. θ = [x | γ | β]; gradient by central differences in double.
        double Loss(double[] theta)
        {
            var y = ReferenceKernels.BatchNormForwardTraining(theta[..x.Length], rows, cols, theta[x.Length..(x.Length + cols)], theta[(x.Length + cols)..], Epsilon).Y;
            return y.Zip(dy, (a, b) => a * b).Sum();
        }
        double[] theta = [.. x, .. gamma, .. beta];
        var numeric = new double[theta.Length];
        const double h = 1e-5;
        for (int k = 0; k < theta.Length; k++)
        {
            double saved = theta[k];
            theta[k] = saved + h; double plus = Loss(theta);
            theta[k] = saved - h; double minus = Loss(theta);
            theta[k] = saved;
            numeric[k] = (plus - minus) / (2 * h);
        }

        var fwd = ReferenceKernels.BatchNormForwardTraining(x, rows, cols, gamma, beta, Epsilon);
        var reference = ReferenceKernels.BatchNormBackward(dy, fwd.XHat, rows, cols, gamma, fwd.InvStd);
        double[] analytic = [.. reference.Dx, .. reference.DGamma, .. reference.DBeta];
        Assert.InRange(Tolerance.RelativeDifference(numeric, analytic), 0, GradientCheckDouble);

        var xHat = new float[rows * cols]; var mean = new float[cols]; var invStd = new float[cols];
        backend.BatchNormForwardTraining(xf, rows, cols, gammaF, betaF, Epsilon, new float[rows * cols], mean, invStd, xHat, default, default, 0.9f);
        var dx = new float[rows * cols]; var dGamma = new float[cols]; var dBeta = new float[cols];
        backend.BatchNormBackward(dyF, xHat, rows, cols, gammaF, invStd, dx, dGamma, dBeta);
        double[] kernel = [.. BatchNormCases.ToDouble(dx), .. BatchNormCases.ToDouble(dGamma), .. BatchNormCases.ToDouble(dBeta)];
        Assert.InRange(Tolerance.RelativeDifference(numeric, kernel), 0, GradientCheckFloat);

        backend.BatchNormBackward(dyF, xf, rows, cols, gammaF, mean, invStd, dx, dGamma, dBeta);
        double[] fromX = [.. BatchNormCases.ToDouble(dx), .. BatchNormCases.ToDouble(dGamma), .. BatchNormCases.ToDouble(dBeta)];
        Assert.InRange(Tolerance.RelativeDifference(numeric, fromX), 0, GradientCheckFloat);
    }

    /// <summary>max over i, j of |γⱼ·invStdⱼ·dy[i,j]|: the magnitude of the terms dx is computed from.</summary>
    private static double TermScale(float[] dy, float[] gamma, float[] invStd, int cols)
    {
        double scale = 0;
        for (int i = 0; i < dy.Length; i++) scale = Math.Max(scale, Math.Abs((double)gamma[i % cols] * invStd[i % cols] * dy[i]));
        return scale;
    }

    /// <summary>dy ~ N(0, 1); x̂, 1/√(σ²+ε) and μ from the double reference forward pass, rounded to float.</summary>
    internal static (float[] Dy, float[] XHat, float[] Gamma, float[] InvStd, float[] X, float[] Mean) Inputs(int rows, int cols)
    {
        var (x, gamma, beta) = BatchNormCases.Inputs(rows, cols);
        var fwd = ReferenceKernels.BatchNormForwardTraining(BatchNormCases.ToDouble(x), rows, cols, BatchNormCases.ToDouble(gamma), BatchNormCases.ToDouble(beta), Epsilon);
        var dy = TestData.Normal(rows * cols, seed: 47);
        return (dy, BatchNormCases.ToFloat(fwd.XHat), gamma, BatchNormCases.ToFloat(fwd.InvStd), x, BatchNormCases.ToFloat(fwd.Mean));
    }
}
