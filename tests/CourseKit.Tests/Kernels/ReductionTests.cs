using CourseKit.Kernels.Reference;
using CourseKit.Tests.Support;
using CourseKit.Kernels;

namespace CourseKit.Tests.Kernels;

public class ReductionTests
{
    private const double SumTol = 1e-5;

    public static IEnumerable<object[]> Lengths => TestData.Lengths0To257();

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Column_and_row_sums_match_the_reference_for_every_width(int cols)
    {
        const int rows = 9;
        float[] x = TestData.Normal(rows * cols, seed: 42);
        double[] xd = GemmTests.ToDouble(x);
        var colSums = new float[cols];
        CpuKernels.ColumnSums(x, rows, cols, colSums);
        Tolerance.Close(ReferenceKernels.ColumnSums(xd, rows, cols), colSums, SumTol, 1e-6, "column sums");
        var rowSums = new float[rows];
        CpuKernels.RowSums(x, rows, cols, rowSums);
        Tolerance.Close(ReferenceKernels.RowSums(xd, rows, cols), rowSums, SumTol, 1e-5, "row sums");
    }

    [Fact]
    public void Column_means_row_max_and_bias_broadcast_agree_with_plain_loops()
    {
        float[] x = TestData.Normal(7 * 5, seed: 1);
        var means = new float[5];
        CpuKernels.ColumnMeans(x, 7, 5, means);
        var max = new float[7];
        CpuKernels.RowMax(x, 7, 5, max);
        float[] bias = [1, 2, 3, 4, 5];
        var y = new float[35];
        CpuKernels.AddRowVector(x, 7, 5, bias, y);
        for (int j = 0; j < 5; j++) Assert.Equal(Enumerable.Range(0, 7).Average(i => (double)x[i * 5 + j]), means[j], 1e-6);
        for (int i = 0; i < 7; i++)
        {
            Assert.Equal(x.Skip(i * 5).Take(5).Max(), max[i]);
            for (int j = 0; j < 5; j++) Assert.Equal(x[i * 5 + j] + bias[j], y[i * 5 + j]);
        }
    }

    [Fact]
    public void Reductions_name_the_bad_argument()
    {
        var ex = Assert.Throws<ArgumentException>(() => CpuKernels.ColumnSums(new float[5], 2, 3, new float[3]));
        Assert.Contains("x (2 × 3): expected length 6, actual 5", ex.Message);
        var x = new float[6];
        x[4] = float.NaN;
        ex = Assert.Throws<ArgumentException>(() => CpuKernels.ColumnSums(x, 2, 3, new float[3]));
        Assert.Contains("x[1, 1]", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => CpuKernels.ColumnMeans(new float[0], 0, 3, new float[3]));
        Assert.Contains("at least 1 example", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => CpuKernels.AddRowVector(new float[6], 2, 3, new float[2], new float[6]));
        Assert.Equal("v", ex.ParamName);
    }
}
