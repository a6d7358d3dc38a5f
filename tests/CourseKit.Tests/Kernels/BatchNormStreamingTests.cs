using CourseKit.Kernels.Reference;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Kernels;

using CourseKit.Kernels;

/// <summary>
/// The SIMD training forward pass writes a y of 10 MiB or more with streaming stores (CpuKernels.BatchNormStreamingBytes);
/// the shared shapes are far smaller, so these shapes reach that path: 1024 columns (whole 64-byte vectors, four rows
/// at a time), 1000 (whole 32-byte vectors), 1031 (neither: one row at a time, each with its own unaligned head), row
/// counts that leave one to three rows over, and y starting off a vector boundary.
/// </summary>
public class BatchNormStreamingTests
{
    private const double ForwardTrainingRel = 2e-6;   // as BatchNormForwardTests
    private const float Epsilon = 1e-5f;

    public static TheoryData<int, int, int> Shapes => new()
    {
        { 2560, 1024, 0 }, { 2561, 1024, 3 }, { 2623, 1000, 0 }, { 2622, 1000, 1 }, { 2545, 1031, 0 }, { 2546, 1031, 5 },
    };

    [Theory, MemberData(nameof(Shapes))]
    public void BatchNorm_forward_training_of_a_large_batch_matches_the_double_reference(int rows, int cols, int offset)
    {
        var (x, gamma, beta) = BatchNormCases.Inputs(rows, cols);
        var buffer = new float[offset + rows * cols + 7];
        var y = buffer.AsSpan(offset, rows * cols);
        var mean = new float[cols]; var invStd = new float[cols];

        CpuKernels.BatchNormForwardTraining(x, rows, cols, gamma, beta, Epsilon, y, mean, invStd, default, default, default, 0.9f);

        var expected = ReferenceKernels.BatchNormForwardTraining(BatchNormCases.ToDouble(x), rows, cols, BatchNormCases.ToDouble(gamma), BatchNormCases.ToDouble(beta), Epsilon);
        BatchNormCases.CloseScaled(expected.Y, y.ToArray(), ForwardTrainingRel, "y");
        Assert.All(buffer[..offset].Concat(buffer[(offset + rows * cols)..]), v => Assert.Equal(0f, v));
    }

    [Theory, MemberData(nameof(Shapes))]
    public void BatchNorm_forward_training_of_a_large_batch_streams_the_same_bits_as_it_stores_with_xHat(int rows, int cols, int offset)
    {
        // With x̂ wanted the pass writes both outputs with ordinary stores; without it, y alone streams.
        var (x, gamma, beta) = BatchNormCases.Inputs(rows, cols);
        var yStored = new float[rows * cols]; var xHat = new float[rows * cols];
        CpuKernels.BatchNormForwardTraining(x, rows, cols, gamma, beta, Epsilon, yStored, new float[cols], new float[cols], xHat, default, default, 0.9f);

        var inPlace = new float[offset + rows * cols];
        x.CopyTo(inPlace, offset);
        var span = inPlace.AsSpan(offset);
        CpuKernels.BatchNormForwardTraining(span, rows, cols, gamma, beta, Epsilon, span, new float[cols], new float[cols], default, default, default, 0.9f);

        Assert.Equal(yStored, span.ToArray());
    }
}
