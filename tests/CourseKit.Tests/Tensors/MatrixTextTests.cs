using CourseKit.Tensors;

namespace CourseKit.Tests.Tensors;

public class MatrixTextTests
{
    [Fact]
    public void A_small_matrix_prints_every_value_aligned_with_its_shape()
    {
        Assert.Equal("Matrix (2 × 3)\n[[ 1.0000, -2.5000,  3.0000],\n [ 4.0000,  5.0000,  6.0000]]",
            Matrix.FromRows([1f, -2.5f, 3f], [4f, 5f, 6f]).ToString());
        Assert.Equal("Matrix (1 × 3)\n[[ 0, 16,  5]]", Matrix.RowVector(0f, 16f, 5f).ToString());
        Assert.Equal("Matrix (1 × 3)\n[[1.2346e+05, 1.0000e-06,        nan]]", Matrix.RowVector(123456f, 1e-6f, float.NaN).ToString());
        Assert.Equal("Matrix (1 × 2)\n[[ inf, -inf]]", Matrix.RowVector(float.PositiveInfinity, float.NegativeInfinity).ToString());
        Assert.Equal("Matrix (0 × 4)\n[]", new Matrix(0, 4).ToString());
    }

    [Fact]
    public void A_large_matrix_shows_its_first_and_last_three_rows_and_columns()
    {
        var x = new Matrix(100, 64);
        for (int i = 0; i < 100; i++) for (int j = 0; j < 64; j++) x[i, j] = i + j / 100f;
        string[] lines = x.ToString().Split('\n');
        Assert.Equal("Matrix (100 × 64)", lines[0]);
        Assert.Equal(8, lines.Length);                         // header, 3 rows, "...", 3 rows
        Assert.Equal("[[ 0.0000,  0.0100,  0.0200,     ...,  0.6100,  0.6200,  0.6300],", lines[1]);
        Assert.Equal(" ...,", lines[4]);
        Assert.Equal(" [99.0000, 99.0100, 99.0200,     ..., 99.6100, 99.6200, 99.6300]]", lines[7]);
        // At most 1000 elements print every row, as NumPy does; rows wider than 120 characters show their ends only.
        string[] narrow = new Matrix(40, 12).ToString().Split('\n');
        Assert.Equal(1 + 40, narrow.Length);
        Assert.Equal("[[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],", narrow[1]);
        string[] wide = new Matrix(10, 64).ToString().Split('\n');
        Assert.Equal(1 + 10, wide.Length);
        Assert.Equal("[[  0,   0,   0, ...,   0,   0,   0],", wide[1]);
    }
}
