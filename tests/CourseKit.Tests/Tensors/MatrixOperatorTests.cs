using CourseKit.Tensors;

namespace CourseKit.Tests.Tensors;

public class MatrixOperatorTests
{
    private static readonly Matrix A = Matrix.FromRows([1f, 2f, 3f], [4f, 5f, 6f]);

    [Fact]
    public void Same_shape_operators_are_element_wise()
    {
        var b = Matrix.FromRows([2f, 4f, 8f], [1f, -1f, 0.5f]);
        Assert.Equal([3f, 6f, 11f, 5f, 4f, 6.5f], (A + b).Data);
        Assert.Equal([-1f, -2f, -5f, 3f, 6f, 5.5f], (A - b).Data);
        Assert.Equal([2f, 8f, 24f, 4f, -5f, 3f], (A * b).Data);
        Assert.Equal([0.5f, 0.5f, 0.375f, 4f, -5f, 12f], (A / b).Data);
        Assert.Equal([-1f, -2f, -3f, -4f, -5f, -6f], (-A).Data);
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], A.Data);        // operands unchanged
    }

    [Fact]
    public void Scalars_combine_with_every_element_in_float_or_double()
    {
        Assert.Equal([2f, 4f, 6f, 8f, 10f, 12f], (A * 2).Data);
        Assert.Equal((A * 2f).Data, (2.0 * A).Data);
        Assert.Equal([0.5f, 1f, 1.5f, 2f, 2.5f, 3f], (A / 2.0).Data);
        Assert.Equal([0f, 1f, 2f, 3f, 4f, 5f], (A - 1).Data);
        Assert.Equal([9f, 8f, 7f, 6f, 5f, 4f], (10 - A).Data);
        Assert.Equal([1.5f, 2.5f, 3.5f, 4.5f, 5.5f, 6.5f], (0.5 + A).Data);
        Assert.Equal([12f, 6f, 4f, 3f, 2.4f, 2f], (12f / A).Data);
    }

    [Fact]
    public void Row_vectors_column_vectors_and_1x1_broadcast_over_the_matrix()
    {
        var row = Matrix.RowVector(10f, 20f, 30f);
        Assert.Equal([11f, 22f, 33f, 14f, 25f, 36f], (A + row).Data);
        Assert.Equal([9f, 18f, 27f, 6f, 15f, 24f], (row - A).Data);
        var column = Matrix.FromRows([1f], [-1f]);
        Assert.Equal([1f, 2f, 3f, -4f, -5f, -6f], (A * column).Data);
        Assert.Equal([2f, 3f, 4f, 5f, 6f, 7f], (A + Matrix.Full(1, 1, 1f)).Data);
        // An outer sum: 2 × 1 with 1 × 3 gives 2 × 3.
        Assert.Equal([11f, 21f, 31f, 9f, 19f, 29f], (column + row).Data);
    }

    [Fact]
    public void Standardizing_with_the_column_statistics_reads_like_the_lecture()
    {
        var x = Matrix.RandomNormal(200, 3, seed: 5, mean: 4f, std: 3f);
        var z = (x - x.ColumnMeans()) / x.ColumnStds();
        Assert.All(z.ColumnMeans().Data, m => Assert.Equal(0f, m, 5));
        Assert.All(z.ColumnStds().Data, s => Assert.Equal(1f, s, 4));
    }

    [Fact]
    public void Shapes_that_do_not_broadcast_are_named_with_both_shapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => A + new Matrix(3, 3));
        Assert.Equal("right", ex.ParamName);
        Assert.Contains("shapes (2 × 3) and (3 × 3) do not broadcast: expected rows equal or 1, actual 2 and 3", ex.Message);
        Assert.Contains("expected columns equal or 1, actual 3 and 2", Assert.Throws<ArgumentException>(() => A * Matrix.RowVector(1f, 2f)).Message);
    }
}
