using CourseKit.Tests.Support;
using CourseKit.Kernels.Reference;
using CourseKit.Tests.Support.Backends;

namespace CourseKit.Tests.Kernels;

using CourseKit.Kernels;

public class CrossEntropyTests
{
    public static IEnumerable<object[]> Lengths0To257OnEveryBackend => KernelBackend.Cross(typeof(TestData), nameof(TestData.Lengths0To257));
    public static IEnumerable<object[]> Labels_and_their_one_hot_targets_give_the_same_cost_and_gradientCases => KernelBackend.Cross(new object[][] { [1, 10], [64, 10], [7, 100] });

    // The cost is a mean of log-sum-exps accumulated in double: a few float ulp.
    private const double CostRel = 2e-6;
    // ŷ/m with ŷ a few ulp off; (ŷ − 1)/m loses digits when ŷ ≈ 1, hence an absolute term of a few ulp of 1/m.
    private const double GradientRel = 4e-6;
    private const double GradientAbsTimesM = 3e-7;
    private const double ProbabilityRel = 4e-6;

    private static double[] D(float[] x) => Array.ConvertAll(x, v => (double)v);

    private static int[] Labels(int rows, int cols, int seed = 42)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, rows).Select(_ => rng.Next(cols)).ToArray();
    }

    private static float[] SoftTargets(int rows, int cols, int seed = 7)
    {
        float[] u = TestData.Uniform(rows * cols, seed, low: 0, high: 1);
        u[0] = 0f;  // at least one zero target: 0 · log ŷ must contribute nothing
        var t = new float[rows * cols];
        for (int i = 0; i < rows; i++)
        {
            double sum = 0;
            for (int j = 0; j < cols; j++) sum += u[i * cols + j];
            for (int j = 0; j < cols; j++) t[i * cols + j] = sum == 0 ? 1f / cols : (float)(u[i * cols + j] / sum);
        }
        return t;
    }

    [Theory, MemberData(nameof(Lengths0To257OnEveryBackend))]
    public void SoftmaxCrossEntropy_with_labels_matches_the_reference_for_every_row_length(KernelBackend backend, int cols)
    {
        const int rows = 3;
        float[] z = TestData.Normal(rows * cols, seed: 42, std: 3);
        var dz = new float[rows * cols];
        var p = new float[rows * cols];
        if (cols == 0)
        {
            Assert.Throws<ArgumentOutOfRangeException>("cols", () => backend.SoftmaxCrossEntropy(z, rows, cols, new int[rows], dz, p));
            return;
        }
        int[] labels = Labels(rows, cols);
        float cost = backend.SoftmaxCrossEntropy(z, rows, cols, labels, dz, p);

        double expected = ReferenceKernels.SoftmaxCrossEntropy(D(z), rows, cols, labels, out double[] expectedDz);
        Assert.Equal(expected, cost, CostRel * expected);
        Tolerance.Close(expectedDz, dz, GradientRel, GradientAbsTimesM / rows, "dLogits");
        Tolerance.Close(ReferenceKernels.Softmax(D(z), rows, cols), p, ProbabilityRel, 1e-37, "probabilities");

        Assert.Equal(cost, backend.SoftmaxCrossEntropy(z, rows, cols, labels));          // loss only
        var dzOnly = new float[rows * cols];
        Assert.Equal(cost, backend.SoftmaxCrossEntropy(z, rows, cols, labels, dzOnly));  // without probabilities
        Tolerance.Close(expectedDz, dzOnly, GradientRel, GradientAbsTimesM / rows, "dLogits alone");

        float[] inPlace = (float[])z.Clone();
        Assert.Equal(cost, backend.SoftmaxCrossEntropy(inPlace, rows, cols, labels, dLogits: inPlace));
        Assert.Equal(dzOnly, inPlace);
    }

    [Theory, MemberData(nameof(Lengths0To257OnEveryBackend))]
    public void SoftmaxCrossEntropy_with_targets_matches_the_reference_for_every_row_length(KernelBackend backend, int cols)
    {
        const int rows = 3;
        if (cols == 0) return;  // no distribution over zero classes; covered by the label test
        float[] z = TestData.Normal(rows * cols, seed: 42, std: 3);
        float[] t = SoftTargets(rows, cols);
        var dz = new float[rows * cols];
        var p = new float[rows * cols];
        float cost = backend.SoftmaxCrossEntropy(z, rows, cols, t, dz, p);

        double expected = ReferenceKernels.SoftmaxCrossEntropy(D(z), rows, cols, D(t), out double[] expectedDz);
        Assert.Equal(expected, cost, CostRel * expected);
        Tolerance.Close(expectedDz, dz, GradientRel, GradientAbsTimesM / rows, "dLogits");
        Tolerance.Close(ReferenceKernels.Softmax(D(z), rows, cols), p, ProbabilityRel, 1e-37, "probabilities");
        Assert.Equal(cost, backend.SoftmaxCrossEntropy(z, rows, cols, t));

        float[] inPlace = (float[])z.Clone();
        Assert.Equal(cost, backend.SoftmaxCrossEntropy(inPlace, rows, cols, t, probabilities: inPlace));
        Assert.Equal(p, inPlace);
    }

    [Theory, MemberData(nameof(Labels_and_their_one_hot_targets_give_the_same_cost_and_gradientCases))]
    public void Labels_and_their_one_hot_targets_give_the_same_cost_and_gradient(KernelBackend backend, int rows, int cols)
    {
        float[] z = TestData.Normal(rows * cols, std: 2);
        int[] labels = Labels(rows, cols);
        var oneHot = new float[rows * cols];
        for (int i = 0; i < rows; i++) oneHot[i * cols + labels[i]] = 1f;
        var dzLabels = new float[rows * cols];
        var dzTargets = new float[rows * cols];
        float a = backend.SoftmaxCrossEntropy(z, rows, cols, labels, dzLabels);
        float b = backend.SoftmaxCrossEntropy(z, rows, cols, oneHot, dzTargets);
        Assert.Equal(a, b, 1e-6 * a);
        Tolerance.Close(dzLabels, dzTargets, GradientRel, GradientAbsTimesM / rows);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void SoftmaxCrossEntropy_of_huge_logits_stays_finite(KernelBackend backend)
    {
        float[] z = [1000f, -1000f, 0f];
        var dz = new float[3];
        Assert.Equal(2000f, backend.SoftmaxCrossEntropy(z, 1, 3, [1], dz));  // −log ŷ_1 = −(−1000 − 1000 − log(1 + ...))
        Assert.Equal([1f, -1f, 0f], dz);
        Assert.Equal(0f, backend.SoftmaxCrossEntropy(z, 1, 3, [0]));
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void CrossEntropy_from_probabilities_matches_the_reference(KernelBackend backend)
    {
        const int rows = 9, cols = 13;
        var p = new float[rows * cols];
        backend.Softmax(TestData.Normal(rows * cols, std: 2), rows, cols, p);
        int[] labels = Labels(rows, cols);
        float[] t = SoftTargets(rows, cols);
        double expectedLabels = ReferenceKernels.CrossEntropy(D(p), rows, cols, labels);
        double expectedTargets = ReferenceKernels.CrossEntropy(D(p), rows, cols, D(t));
        Assert.Equal(expectedLabels, CpuKernels.CrossEntropy(p, rows, cols, labels), CostRel * expectedLabels);
        Assert.Equal(expectedTargets, CpuKernels.CrossEntropy(p, rows, cols, t), CostRel * expectedTargets);
    }

    [Fact]
    public void CrossEntropy_reproduces_the_lecture_example()
    {
        // Lecture: y = [0, 1, 0, 0], ŷ = [0.3, 0.2, 0.1, 0.4] → L = −log 0.2 ≈ 1.609 ("small ŷ_2 is bad").
        float[] p = [0.3f, 0.2f, 0.1f, 0.4f];
        Assert.Equal(1.609, CpuKernels.CrossEntropy(p, 1, 4, [1]), precision: 3);
        Assert.Equal(1.609, CpuKernels.CrossEntropy(p, 1, 4, [0f, 1f, 0f, 0f]), precision: 3);
    }

    [Fact]
    public void CrossEntropy_treats_zero_times_log_zero_as_zero()
    {
        float[] p = [0f, 1f, 0f];
        Assert.Equal(0f, CpuKernels.CrossEntropy(p, 1, 3, [0f, 1f, 0f]));
        Assert.Equal(0f, CpuKernels.CrossEntropy(p, 1, 3, [1]));
    }

    [Fact]
    public void CrossEntropy_is_honestly_infinite_when_the_true_class_has_probability_zero()
    {
        float[] p = [0f, 1f, 0f, /* row 2 */ 0.5f, 0.5f, 0f];
        Assert.Equal(float.PositiveInfinity, CpuKernels.CrossEntropy(p, 2, 3, [0, 1]));
        Assert.Equal(float.PositiveInfinity, CpuKernels.CrossEntropy(p, 2, 3, [0.5f, 0.5f, 0f, 0f, 1f, 0f]));
    }
}
