using CourseKit.Tensors;

namespace CourseKit.Tests.Tensors;

public class MatrixSlicingTests
{
    // Element (i, j) = 10·i + j, so a value tells where it came from.
    private static Matrix Grid(int rows, int cols)
    {
        var m = new Matrix(rows, cols);
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) m[i, j] = 10 * i + j;
        return m;
    }

    [Fact]
    public void Ranges_select_rows_and_columns_as_a_copy()
    {
        var x = Grid(5, 4);
        var block = x[1..3, ^2..];
        Assert.Equal(new Shape(2, 2), block.Shape);
        Assert.Equal([12f, 13f, 22f, 23f], block.Data);
        block.Fill(-1f);
        Assert.Equal(12f, x[1, 2]);                            // a copy: the source is unchanged
        Assert.Equal([40f, 41f, 42f, 43f], x.SliceRows(^1..).Data);
        Assert.Equal([0f, 10f, 20f, 30f, 40f], x.SliceCols(..1).Data);
        Assert.Equal([20f, 21f, 22f, 23f], x[2, ..].Data);
        Assert.Equal(new Shape(5, 1), x[.., 3].Shape);
        Assert.Equal([3f, 13f, 23f, 33f, 43f], x[.., 3].Data);
        Assert.Equal([30f, 31f, 32f, 33f], x.RowMatrix(3).Data);
        Assert.Equal(new Shape(0, 4), x[2..2, ..].Shape);
    }

    [Fact]
    public void Assigning_a_block_copies_a_matrix_of_its_shape_in()
    {
        var x = Grid(3, 3);
        x[..2, 1..] = Matrix.FromRows([-1f, -2f], [-3f, -4f]);
        Assert.Equal([0f, -1f, -2f, 10f, -3f, -4f, 20f, 21f, 22f], x.Data);
        x[.., 0] = Matrix.Full(3, 1, 7f);
        Assert.Equal([7f, 7f, 7f], x[.., 0].Data);
        var ex = Assert.Throws<ArgumentException>(() => x[..2, ..] = new Matrix(3, 3));
        Assert.Contains("value: expected shape (2 × 3), actual (3 × 3)", ex.Message);
    }

    [Fact]
    public void Ranges_outside_the_matrix_are_named_with_the_bounds()
    {
        var x = Grid(3, 4);
        var rows = Assert.Throws<ArgumentOutOfRangeException>(() => x[1..5, ..]);
        Assert.Equal("rows", rows.ParamName);
        Assert.Contains("rows: expected a range of rows within 0..3, actual 1..5 (from 1 to 5)", rows.Message);
        var cols = Assert.Throws<ArgumentOutOfRangeException>(() => x.SliceCols(3..2));
        Assert.Contains("cols: expected a range of columns within 0..4, actual 3..2", cols.Message);
        Assert.Contains("row: expected 0 ≤ row < 3, actual 3", Assert.Throws<ArgumentOutOfRangeException>(() => x[3, ..]).Message);
    }
}
