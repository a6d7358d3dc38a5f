using CourseKit.Kernels.Reference;
using CourseKit.Tests.Support;
using CourseKit.Kernels;
using CourseKit.Tests.Support.Backends;

namespace CourseKit.Tests.Kernels;

public class ReductionTests
{
    public static IEnumerable<object[]> LengthsOnEveryBackend => KernelBackend.Cross(typeof(ReductionTests), nameof(ReductionTests.Lengths));

    private const double SumTol = 1e-5;

    public static IEnumerable<object[]> Lengths => TestData.Lengths0To257();

    [Theory, MemberData(nameof(LengthsOnEveryBackend))]
    public void Column_and_row_sums_match_the_reference_for_every_width(KernelBackend backend, int cols)
    {
        const int rows = 9;
        float[] x = TestData.Normal(rows * cols, seed: 42);
        double[] xd = GemmTests.ToDouble(x);
        var colSums = new float[cols];
        backend.ColumnSums(x, rows, cols, colSums);
        Tolerance.Close(ReferenceKernels.ColumnSums(xd, rows, cols), colSums, SumTol, 1e-6, "column sums");
        var rowSums = new float[rows];
        backend.RowSums(x, rows, cols, rowSums);
        Tolerance.Close(ReferenceKernels.RowSums(xd, rows, cols), rowSums, SumTol, 1e-5, "row sums");
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Column_means_row_max_and_bias_broadcast_agree_with_plain_loops(KernelBackend backend)
    {
        float[] x = TestData.Normal(7 * 5, seed: 1);
        var means = new float[5];
        backend.ColumnMeans(x, 7, 5, means);
        var max = new float[7];
        backend.RowMax(x, 7, 5, max);
        float[] bias = [1, 2, 3, 4, 5];
        var y = new float[35];
        backend.AddRowVector(x, 7, 5, bias, y);
        for (int j = 0; j < 5; j++) Assert.Equal(Enumerable.Range(0, 7).Average(i => (double)x[i * 5 + j]), means[j], 1e-6);
        for (int i = 0; i < 7; i++)
        {
            Assert.Equal(x.Skip(i * 5).Take(5).Max(), max[i]);
            for (int j = 0; j < 5; j++) Assert.Equal(x[i * 5 + j] + bias[j], y[i * 5 + j]);
        }
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Reductions_name_the_bad_argument(KernelBackend backend)
    {
        var ex = Assert.Throws<ArgumentException>(() => backend.ColumnSums(new float[5], 2, 3, new float[3]));
        Assert.Contains("x (2 × 3): expected length 6, actual 5", ex.Message);
        var x = new float[6];
        x[4] = float.NaN;
        ex = Assert.Throws<ArgumentException>(() => backend.ColumnSums(x, 2, 3, new float[3]));
        Assert.Contains("x[1, 1]", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => backend.ColumnMeans(new float[0], 0, 3, new float[3]));
        Assert.Contains("at least 1 example", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => backend.AddRowVector(new float[6], 2, 3, new float[2], new float[6]));
        Assert.Equal("v", ex.ParamName);
    }
}
