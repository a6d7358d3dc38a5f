using CourseKit.Tests.Support.Backends;

namespace CourseKit.Tests.Kernels;

/// <summary>
/// A column or a row gives the same bits wherever it falls: in a vector lane or in a scalar tail. The SIMD backend
/// computes the per-feature statistics and coefficients eight columns at a time with a scalar loop for the rest, and
/// the row passes four rows at a time with a one-row loop for the rest; each is written to do the same operations in
/// the same order. Here column 8 (the tail of 9) repeats column 0 (a vector lane) and row 5 (after the four-row
/// blocks of 6) repeats row 1, so their outputs must be equal bit for bit.
/// </summary>
public class BatchNormLaneTests
{
    public static IEnumerable<object[]> Cases => KernelBackend.Cross(new object[][] { [6, 9], [6, 17], [10, 25] });

    private const float Epsilon = 1e-5f;

    [Theory, MemberData(nameof(Cases))]
    public void A_repeated_column_and_row_give_the_same_bits_in_a_lane_as_in_the_tail(KernelBackend backend, int rows, int cols)
    {
        int tailCol = cols - 1, tailRow = rows - 1;
        var (x, gamma, beta) = BatchNormCases.Inputs(rows, cols);
        var dy = BatchNormCases.Inputs(rows, cols).X.Select((v, i) => v * 0.5f - (i % 7) * 0.1f).ToArray();
        foreach (var m in new[] { x, dy })
        {
            for (int r = 0; r < rows; r++) m[r * cols + tailCol] = m[r * cols];
            Array.Copy(m, 1 * cols, m, tailRow * cols, cols);
        }
        gamma[tailCol] = gamma[0];
        beta[tailCol] = beta[0];
        float[] runningMean = [.. Enumerable.Range(0, cols).Select(j => 0.1f * j)], runningVar = [.. Enumerable.Range(0, cols).Select(j => 1f + 0.01f * j)];
        runningMean[tailCol] = runningMean[0];
        runningVar[tailCol] = runningVar[0];

        var y = new float[rows * cols]; var xHat = new float[rows * cols]; var mean = new float[cols]; var invStd = new float[cols];
        backend.BatchNormForwardTraining(x, rows, cols, gamma, beta, Epsilon, y, mean, invStd, xHat, runningMean, runningVar, 0.9f);
        var dx = new float[rows * cols]; var dGamma = new float[cols]; var dBeta = new float[cols];
        backend.BatchNormBackward(dy, x, rows, cols, gamma, mean, invStd, dx, dGamma, dBeta);
        var dxFromXHat = new float[rows * cols]; var dGamma2 = new float[cols]; var dBeta2 = new float[cols];
        backend.BatchNormBackward(dy, xHat, rows, cols, gamma, invStd, dxFromXHat, dGamma2, dBeta2);

        foreach (var (name, v) in new[] { ("mean", mean), ("invStd", invStd), ("runningMean", runningMean), ("runningVar", runningVar),
                     ("dGamma", dGamma), ("dBeta", dBeta), ("dGamma from x̂", dGamma2), ("dBeta from x̂", dBeta2) })
            Assert.True(BitEqual(v[0], v[tailCol]), $"{name}: column 0 {v[0]:R}, column {tailCol} {v[tailCol]:R}");
        foreach (var (name, m) in new[] { ("y", y), ("x̂", xHat), ("dx", dx), ("dx from x̂", dxFromXHat) })
        {
            for (int r = 0; r < rows; r++)
                Assert.True(BitEqual(m[r * cols], m[r * cols + tailCol]), $"{name}[{r}]: column 0 {m[r * cols]:R}, column {tailCol} {m[r * cols + tailCol]:R}");
            for (int j = 0; j < cols; j++)
                Assert.True(BitEqual(m[cols + j], m[tailRow * cols + j]), $"{name}[·, {j}]: row 1 {m[cols + j]:R}, row {tailRow} {m[tailRow * cols + j]:R}");
        }
    }

    private static bool BitEqual(float a, float b) => BitConverter.SingleToInt32Bits(a) == BitConverter.SingleToInt32Bits(b);
}
