
using CourseKit.Tests.Support.Backends;

namespace CourseKit.Tests.Kernels;

using CourseKit.Kernels;

public class CrossEntropyBadInputTests
{
    public static IEnumerable<object[]> A_label_out_of_range_is_rejected_naming_itCases => KernelBackend.Cross(new object[][] { [-1], [3] });
    public static IEnumerable<object[]> Non_finite_logits_are_rejected_naming_the_position_before_any_output_is_writtenCases => KernelBackend.Cross(new object[][] { [float.NaN], [float.PositiveInfinity], [float.NegativeInfinity] });
    public static IEnumerable<object[]> Wide_targets_with_a_bad_entry_are_rejected_naming_itCases => KernelBackend.Cross(new object[][] { [-0.25f], [float.NaN], [float.PositiveInfinity] });

    private static readonly float[] Logits = [1f, 2f, 3f, /* row 2 */ 0f, -1f, 0.5f];
    private static readonly float[] OneHot = [0f, 0f, 1f, /* row 2 */ 1f, 0f, 0f];
    private static readonly float[] Probabilities = [0.2f, 0.3f, 0.5f, /* row 2 */ 0.1f, 0.1f, 0.8f];

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void An_empty_batch_has_no_mean_cost(KernelBackend backend)
    {
        Assert.Throws<ArgumentException>("rows", () => backend.SoftmaxCrossEntropy([], 0, 3, ReadOnlySpan<int>.Empty));
        Assert.Throws<ArgumentException>("rows", () => backend.SoftmaxCrossEntropy([], 0, 3, ReadOnlySpan<float>.Empty));
        Assert.Throws<ArgumentException>("rows", () => CpuKernels.CrossEntropy([], 0, 3, ReadOnlySpan<int>.Empty));
        var ex = Assert.Throws<ArgumentException>("rows", () => CpuKernels.CrossEntropy([], 0, 3, ReadOnlySpan<float>.Empty));
        Assert.Contains("at least 1 example", ex.Message);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Logits_whose_length_is_not_rows_times_cols_are_rejected(KernelBackend backend)
    {
        var ex = Assert.Throws<ArgumentException>("logits", () => backend.SoftmaxCrossEntropy(Logits, 2, 4, new int[2]));
        Assert.Contains("2 × 4 = 8", ex.Message);
        Assert.Throws<ArgumentException>("probabilities", () => CpuKernels.CrossEntropy(Probabilities, 3, 3, new int[3]));
        Assert.Throws<ArgumentOutOfRangeException>("cols", () => backend.SoftmaxCrossEntropy([], 2, 0, new int[2]));
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Mismatched_label_counts_are_rejected(KernelBackend backend)
    {
        var ex = Assert.Throws<ArgumentException>("labels", () => backend.SoftmaxCrossEntropy(Logits, 2, 3, new int[3]));
        Assert.Contains("mismatched label counts", ex.Message);
        Assert.Throws<ArgumentException>("labels", () => CpuKernels.CrossEntropy(Probabilities, 2, 3, new int[1]));
    }

    [Theory, MemberData(nameof(A_label_out_of_range_is_rejected_naming_itCases))]
    public void A_label_out_of_range_is_rejected_naming_it(KernelBackend backend, int label)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>("labels", () => backend.SoftmaxCrossEntropy(Logits, 2, 3, [0, label]));
        Assert.Contains("labels[1]", ex.Message);
        Assert.Contains("label out of range", ex.Message);
        Assert.Contains($"expected 0 ≤ label < 3, actual {label}", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>("labels", () => CpuKernels.CrossEntropy(Probabilities, 2, 3, [label, 0]));
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Targets_must_match_the_logits_in_length(KernelBackend backend)
    {
        Assert.Throws<ArgumentException>("targets", () => backend.SoftmaxCrossEntropy(Logits, 2, 3, new float[5]));
        Assert.Throws<ArgumentException>("targets", () => CpuKernels.CrossEntropy(Probabilities, 2, 3, new float[7]));
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Targets_must_be_probability_distributions(KernelBackend backend)
    {
        float[] negative = [1.5f, -0.5f, 0f, 1f, 0f, 0f];
        var ex = Assert.Throws<ArgumentException>("targets", () => backend.SoftmaxCrossEntropy(Logits, 2, 3, negative));
        Assert.Contains("targets[0, 1]", ex.Message);
        float[] nan = [1f, 0f, 0f, float.NaN, 0f, 1f];
        ex = Assert.Throws<ArgumentException>("targets", () => backend.SoftmaxCrossEntropy(Logits, 2, 3, nan));
        Assert.Contains("targets[1, 0]", ex.Message);
        float[] notSummingToOne = [1f, 0f, 0f, 1f, 1f, 0f];
        ex = Assert.Throws<ArgumentException>("targets", () => backend.SoftmaxCrossEntropy(Logits, 2, 3, notSummingToOne));
        Assert.Contains("sum to 1", ex.Message);
        Assert.Contains("row 1", ex.Message);
        Assert.Throws<ArgumentException>("targets", () => CpuKernels.CrossEntropy(Probabilities, 2, 3, notSummingToOne));
    }

    [Fact]
    public void CrossEntropy_given_logits_instead_of_probabilities_says_so()
    {
        var ex = Assert.Throws<ArgumentException>("probabilities", () => CpuKernels.CrossEntropy(Logits, 2, 3, [2, 0]));
        Assert.Contains("SoftmaxCrossEntropy", ex.Message);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Outputs_that_are_too_short_are_rejected(KernelBackend backend)
    {
        var ex = Assert.Throws<ArgumentException>("dLogits", () => backend.SoftmaxCrossEntropy(Logits, 2, 3, [2, 0], new float[5]));
        Assert.Contains("too short", ex.Message);
        Assert.Throws<ArgumentException>("probabilities", () => backend.SoftmaxCrossEntropy(Logits, 2, 3, OneHot, new float[6], new float[2]));
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Overlapping_buffers_are_rejected(KernelBackend backend)
    {
        var buffer = new float[12];
        Logits.CopyTo(buffer, 0);
        Assert.Throws<ArgumentException>("dLogits", () => backend.SoftmaxCrossEntropy(buffer.AsSpan(0, 6), 2, 3, [2, 0], buffer.AsSpan(1, 6)));
        Assert.Throws<ArgumentException>("probabilities", () => backend.SoftmaxCrossEntropy(buffer.AsSpan(0, 6), 2, 3, [2, 0], probabilities: buffer.AsSpan(3, 6)));
        var outputs = new float[9];
        Assert.Throws<ArgumentException>("dLogits", () => backend.SoftmaxCrossEntropy(Logits, 2, 3, [2, 0], outputs.AsSpan(0, 6), outputs.AsSpan(3, 6)));
        var targets = (float[])OneHot.Clone();
        Assert.Throws<ArgumentException>("dLogits", () => backend.SoftmaxCrossEntropy(Logits, 2, 3, targets, dLogits: targets));
    }

    [Theory, MemberData(nameof(Non_finite_logits_are_rejected_naming_the_position_before_any_output_is_writtenCases))]
    public void Non_finite_logits_are_rejected_naming_the_position_before_any_output_is_written(KernelBackend backend, float bad)
    {
        const int rows = 5, cols = 9;
        var logits = new float[rows * cols];
        logits[3 * cols + 7] = bad;
        var dz = Enumerable.Repeat(42f, rows * cols).ToArray();
        var p = Enumerable.Repeat(42f, rows * cols).ToArray();
        var ex = Assert.Throws<ArgumentException>("logits", () => backend.SoftmaxCrossEntropy(logits, rows, cols, new int[rows], dz, p));
        Assert.Contains("logits[3, 7]", ex.Message);
        Assert.All(dz, v => Assert.Equal(42f, v));
        Assert.All(p, v => Assert.Equal(42f, v));

        var targets = new float[rows * cols];
        for (int i = 0; i < rows; i++) targets[i * cols] = 1f;
        ex = Assert.Throws<ArgumentException>("logits", () => backend.SoftmaxCrossEntropy(logits, rows, cols, targets, dz));
        Assert.Contains("logits[3, 7]", ex.Message);
        Assert.All(dz, v => Assert.Equal(42f, v));
    }

    [Fact]
    public void Probabilities_with_NaN_are_rejected_naming_the_position()
    {
        float[] p = [0.2f, 0.3f, 0.5f, 0.1f, float.NaN, 0.8f];
        var ex = Assert.Throws<ArgumentException>("probabilities", () => CpuKernels.CrossEntropy(p, 2, 3, [0, 0]));
        Assert.Contains("probabilities[1, 1]", ex.Message);
    }

    [Theory, MemberData(nameof(Wide_targets_with_a_bad_entry_are_rejected_naming_itCases))]
    public void Wide_targets_with_a_bad_entry_are_rejected_naming_it(KernelBackend backend, float bad)
    {
        const int rows = 3, cols = 40;  // the entry sits in the SIMD body of the row check
        var targets = new float[rows * cols];
        for (int i = 0; i < rows; i++) targets[i * cols + 1] = 1f;
        targets[1 * cols + 20] = bad;
        var ex = Assert.Throws<ArgumentException>("targets", () => backend.SoftmaxCrossEntropy(new float[rows * cols], rows, cols, targets));
        Assert.Contains("targets[1, 20]", ex.Message);
    }
}
