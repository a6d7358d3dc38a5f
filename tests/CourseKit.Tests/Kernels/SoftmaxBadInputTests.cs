using CourseKit.Tests.Support;
using CourseKit.Tests.Support.Backends;

namespace CourseKit.Tests.Kernels;

using CourseKit.Kernels;

public class SoftmaxBadInputTests
{
    public delegate void RowKernel(ReadOnlySpan<float> z, int rows, int cols, Span<float> destination);

    public static TheoryData<string> RowKernels() => new() { "Softmax", "LogSoftmax", "Hardmax" };

    public static IEnumerable<object[]> RowKernelsOnEveryBackend => KernelBackend.Cross(RowKernels());

    private static RowKernel Kernel(KernelBackend backend, string name) => name switch
    {
        "Softmax" => backend.Softmax,
        "LogSoftmax" => backend.LogSoftmax,
        "Hardmax" => backend.Hardmax,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(RowKernelsOnEveryBackend))]
    public void Row_kernels_reject_an_input_whose_length_is_not_rows_times_cols(KernelBackend backend, string name)
    {
        var ex = Assert.Throws<ArgumentException>("z", () => Kernel(backend, name)(new float[11], 3, 4, new float[12]));
        Assert.Contains("3 × 4 = 12", ex.Message);
        Assert.Contains("actual length 11", ex.Message);
    }

    [Theory]
    [MemberData(nameof(RowKernelsOnEveryBackend))]
    public void Row_kernels_reject_negative_dimensions(KernelBackend backend, string name)
    {
        Assert.Throws<ArgumentOutOfRangeException>("rows", () => Kernel(backend, name)(new float[4], -1, 4, new float[4]));
        Assert.Throws<ArgumentOutOfRangeException>("cols", () => Kernel(backend, name)(new float[4], 1, -4, new float[4]));
    }

    [Theory]
    [MemberData(nameof(RowKernelsOnEveryBackend))]
    public void Row_kernels_reject_zero_classes(KernelBackend backend, string name)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>("cols", () => Kernel(backend, name)(new float[0], 5, 0, new float[0]));
        Assert.Contains("at least one class", ex.Message);
    }

    [Theory]
    [MemberData(nameof(RowKernelsOnEveryBackend))]
    public void Row_kernels_reject_a_destination_that_is_too_short(KernelBackend backend, string name)
    {
        var ex = Assert.Throws<ArgumentException>("destination", () => Kernel(backend, name)(new float[12], 3, 4, new float[11]));
        Assert.Contains("too short", ex.Message);
    }

    [Theory]
    [MemberData(nameof(RowKernelsOnEveryBackend))]
    public void Row_kernels_reject_a_destination_that_partially_overlaps_the_input(KernelBackend backend, string name)
    {
        var buffer = new float[40];
        var ex = Assert.Throws<ArgumentException>("destination", () => Kernel(backend, name)(buffer.AsSpan(0, 32), 2, 16, buffer.AsSpan(4, 32)));
        Assert.Contains("overlap", ex.Message);
        Assert.Throws<ArgumentException>("destination", () => Kernel(backend, name)(buffer.AsSpan(4, 32), 2, 16, buffer.AsSpan(0, 32)));
    }

    public static IEnumerable<object[]> NonFiniteLogitsCases => KernelBackend.Cross(new object[][] { ["Softmax", float.NaN], ["Softmax", float.PositiveInfinity], ["Softmax", float.NegativeInfinity], ["LogSoftmax", float.NaN], ["LogSoftmax", float.NegativeInfinity], ["Hardmax", float.PositiveInfinity] });

    [Theory, MemberData(nameof(NonFiniteLogitsCases))]
    public void Row_kernels_reject_non_finite_logits_naming_the_position(KernelBackend backend, string name, float bad)
    {
        foreach (int cols in new[] { 9, 40 })  // scalar rows and SIMD rows
        {
            var z = new float[5 * cols];
            z[3 * cols + 7] = bad;
            var ex = Assert.Throws<ArgumentException>("z", () => Kernel(backend, name)(z, 5, cols, new float[5 * cols]));
            Assert.Contains("z[3, 7]", ex.Message);
        }
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Softmax_in_place_still_names_the_position_of_a_NaN(KernelBackend backend)
    {
        var z = TestData.Normal(6 * 20);
        z[4 * 20 + 2] = float.NaN;
        var ex = Assert.Throws<ArgumentException>("z", () => backend.Softmax(z, 6, 20, z));
        Assert.Contains("z[4, 2]", ex.Message);
    }
}
