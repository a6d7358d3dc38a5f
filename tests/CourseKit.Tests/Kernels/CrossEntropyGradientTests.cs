using CourseKit.Tests.Support;
using CourseKit.Kernels.Reference;
using CourseKit.Tests.Support.Backends;

namespace CourseKit.Tests.Kernels;

using CourseKit.Kernels;

public class CrossEntropyGradientTests
{
    public static IEnumerable<object[]> SoftmaxCrossEntropy_gradient_with_labels_matches_finite_differencesCases => KernelBackend.Cross(new object[][] { [1, 2], [4, 5], [8, 10], [3, 40] });
    public static IEnumerable<object[]> SoftmaxCrossEntropy_gradient_with_soft_targets_matches_finite_differencesCases => KernelBackend.Cross(new object[][] { [1, 3], [5, 7], [6, 33] });

    // The course's gradient check: ‖dθ_approx − dθ‖ / (‖dθ_approx‖ + ‖dθ‖) < 1e-7.
    private const double GradientCheckThreshold = 1e-7;
    private const double Epsilon = 1e-5;
    private const double KernelGradientRel = 4e-6;
    private const double KernelGradientAbsTimesM = 3e-7;

    private static double[] D(float[] x) => Array.ConvertAll(x, v => (double)v);

    private static double[] CentralDifferences(Func<double[], double> cost, double[] z)
    {
        var grad = new double[z.Length];
        for (int k = 0; k < z.Length; k++)
        {
            double saved = z[k];
            z[k] = saved + Epsilon;
            double plus = cost(z);
            z[k] = saved - Epsilon;
            double minus = cost(z);
            z[k] = saved;
            grad[k] = (plus - minus) / (2 * Epsilon);
        }
        return grad;
    }

    [Theory, MemberData(nameof(SoftmaxCrossEntropy_gradient_with_labels_matches_finite_differencesCases))]
    public void SoftmaxCrossEntropy_gradient_with_labels_matches_finite_differences(KernelBackend backend, int rows, int cols)
    {
        double[] z = D(TestData.Normal(rows * cols, std: 2));
        var rng = new Random(42);
        int[] labels = Enumerable.Range(0, rows).Select(_ => rng.Next(cols)).ToArray();

        ReferenceKernels.SoftmaxCrossEntropy(z, rows, cols, labels, out double[] analytic);
        double[] numeric = CentralDifferences(zz => ReferenceKernels.SoftmaxCrossEntropy(zz, rows, cols, labels, out _), z);
        Assert.True(Tolerance.RelativeDifference(numeric, analytic) < GradientCheckThreshold,
            $"reference gradient check: {Tolerance.RelativeDifference(numeric, analytic):E2}");

        var dz = new float[rows * cols];
        backend.SoftmaxCrossEntropy(Array.ConvertAll(z, v => (float)v), rows, cols, labels, dz);
        Tolerance.Close(analytic, dz, KernelGradientRel, KernelGradientAbsTimesM / rows, "dLogits");
    }

    [Theory, MemberData(nameof(SoftmaxCrossEntropy_gradient_with_soft_targets_matches_finite_differencesCases))]
    public void SoftmaxCrossEntropy_gradient_with_soft_targets_matches_finite_differences(KernelBackend backend, int rows, int cols)
    {
        double[] z = D(TestData.Normal(rows * cols, std: 2));
        float[] u = TestData.Uniform(rows * cols, seed: 3, low: 0.01, high: 1);
        var targets = new float[rows * cols];
        for (int i = 0; i < rows; i++)
        {
            float sum = u.AsSpan(i * cols, cols).ToArray().Sum();
            for (int j = 0; j < cols; j++) targets[i * cols + j] = u[i * cols + j] / sum;
        }
        // The reference gets the float targets renormalized in double, so Σy = 1 holds exactly and (ŷ − y)/m is the exact gradient.
        double[] t = D(targets);
        for (int i = 0; i < rows; i++)
        {
            double sum = t.AsSpan(i * cols, cols).ToArray().Sum();
            for (int j = 0; j < cols; j++) t[i * cols + j] /= sum;
        }

        ReferenceKernels.SoftmaxCrossEntropy(z, rows, cols, t, out double[] analytic);
        double[] numeric = CentralDifferences(zz => ReferenceKernels.SoftmaxCrossEntropy(zz, rows, cols, t, out _), z);
        Assert.True(Tolerance.RelativeDifference(numeric, analytic) < GradientCheckThreshold,
            $"reference gradient check: {Tolerance.RelativeDifference(numeric, analytic):E2}");

        var dz = new float[rows * cols];
        backend.SoftmaxCrossEntropy(Array.ConvertAll(z, v => (float)v), rows, cols, targets, dz);
        Tolerance.Close(analytic, dz, KernelGradientRel, KernelGradientAbsTimesM / rows, "dLogits");
    }
}
