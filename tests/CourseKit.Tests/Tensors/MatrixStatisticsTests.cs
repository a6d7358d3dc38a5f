using CourseKit.Tensors;

namespace CourseKit.Tests.Tensors;

public class MatrixStatisticsTests
{
    // Figures from NumPy on the same values in float64: x.mean(0), x.var(0), x.var(0, ddof=1), x.std(0), x.std(0, ddof=1),
    // x.mean(1), x.var(1), x.std(1, ddof=1).
    private static readonly Matrix X = Matrix.FromRows([1f, 2f, 3f], [4f, 5f, 7f], [-2f, 0.5f, 10f], [3f, 3f, 3f]);

    [Fact]
    public void Column_statistics_are_biased_by_default_as_in_the_lecture_and_unbiased_on_request()
    {
        Assert.Equal(new Shape(1, 3), X.ColumnMeans().Shape);
        AssertClose([1.5, 2.625, 5.75], X.ColumnMeans());
        AssertClose([5.25, 2.671875, 8.6875], X.ColumnVariances());
        AssertClose([7.0, 3.5625, 11.58333333], X.ColumnVariances(unbiased: true));
        AssertClose([2.29128785, 1.6345871, 2.94745653], X.ColumnStds());
        AssertClose([2.64575131, 1.88745861, 3.40342964], X.ColumnStds(unbiased: true));
        AssertClose([6, 10.5, 23], X.ColumnSums());
    }

    [Fact]
    public void Row_statistics_give_one_value_per_example()
    {
        Assert.Equal(new Shape(4, 1), X.RowMeans().Shape);
        AssertClose([2.0, 5.33333333, 2.83333333, 3.0], X.RowMeans());
        AssertClose([0.66666667, 1.55555556, 26.72222222, 0.0], X.RowVariances());
        AssertClose([1.0, 1.52752523, 6.33113997, 0.0], X.RowStds(unbiased: true));
        AssertClose([6, 16, 8.5, 9], X.RowSums());
        Assert.Equal(39.5f, X.Sum());
        Assert.Equal(39.5f / 12, X.Mean(), 6);
        Assert.Equal(-2f, X.Min());
        Assert.Equal(10f, X.Max());
    }

    [Fact]
    public void Statistics_keep_the_variance_of_large_offsets()
    {
        // 10⁴ + small noise: a one-pass Σx² − (Σx)²/m in float would lose the variance entirely.
        var x = Matrix.RandomNormal(1000, 2, seed: 3, mean: 10_000f, std: 0.5f);
        double[] column = x.Data.Where((_, k) => k % 2 == 0).Select(v => (double)v).ToArray();
        double mean = column.Average(), exact = column.Average(v => (v - mean) * (v - mean));
        Assert.Equal(exact, x.ColumnVariances()[0, 0], exact * 1e-5);
    }

    [Fact]
    public void Too_few_rows_for_an_estimate_are_refused_with_the_shape()
    {
        var one = Matrix.FromRows([1f, 2f]);
        Assert.Equal([0f, 0f], one.ColumnVariances().Data);
        var ex = Assert.Throws<InvalidOperationException>(() => one.ColumnVariances(unbiased: true));
        Assert.Contains("ColumnVariances: expected at least 2 rows for the unbiased estimate (divisor count − 1), actual shape (1 × 2)", ex.Message);
        Assert.Contains("Mean: expected at least one element, actual shape (0 × 3)", Assert.Throws<InvalidOperationException>(() => new Matrix(0, 3).Mean()).Message);
        Assert.Contains("ColumnMeans: expected at least 1 rows", Assert.Throws<InvalidOperationException>(() => new Matrix(0, 3).ColumnMeans()).Message);
    }

    private static void AssertClose(double[] expected, Matrix actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual.Data[i], 5);
    }
}
