using CourseKit.Tensors;

namespace CourseKit.Tests.Tensors;

public class MatrixTests
{
    [Fact]
    public void Multiply_checks_inner_dimensions_and_names_both_shapes()
    {
        var a = new Matrix(2, 3);
        var b = new Matrix(4, 5);
        var ex = Assert.Throws<ArgumentException>(() => Matrix.Multiply(a, b));
        Assert.Equal("b", ex.ParamName);
        Assert.Contains("op(a) is 2 × 3", ex.Message);
        Assert.Contains("expected op(b) to have 3 rows, actual 4", ex.Message);
    }

    [Fact]
    public void Multiply_with_transposes_agrees_with_explicit_transpose()
    {
        var x = Matrix.RandomNormal(5, 3, seed: 1);
        var w = Matrix.RandomNormal(5, 4, seed: 2);
        var viaFlag = Matrix.Multiply(x, w, transposeA: true);
        var viaCopy = Matrix.Multiply(x.Transpose(), w);
        Assert.Equal(viaCopy.Data, viaFlag.Data);
        Assert.Equal(new Shape(3, 4), viaFlag.Shape);
    }

    [Fact]
    public void MultiplyInto_rejects_a_destination_of_the_wrong_shape()
    {
        var ex = Assert.Throws<ArgumentException>(() => Matrix.MultiplyInto(new Matrix(2, 3), new Matrix(3, 4), new Matrix(4, 2)));
        Assert.Contains("expected shape (2 × 4), actual (4 × 2)", ex.Message);
    }

    [Fact]
    public void Constructor_rejects_data_of_the_wrong_length()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Matrix(2, 3, new float[5]));
        Assert.Contains("expected 2 × 3 = 6 elements, actual 5", ex.Message);
    }

    [Fact]
    public void Indexer_names_the_bad_index()
    {
        var m = new Matrix(2, 3);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => m[0, 3]);
        Assert.Contains("expected 0 ≤ col < 3, actual 3", ex.Message);
    }

    [Fact]
    public void RandomNormal_is_reproducible_from_its_seed()
    {
        Assert.Equal(Matrix.RandomNormal(4, 4, seed: 7).Data, Matrix.RandomNormal(4, 4, seed: 7).Data);
        Assert.NotEqual(Matrix.RandomNormal(4, 4, seed: 7).Data, Matrix.RandomNormal(4, 4, seed: 8).Data);
    }

    [Fact]
    public void FromRows_rejects_ragged_rows()
    {
        var ex = Assert.Throws<ArgumentException>(() => Matrix.FromRows([1f, 2f], [3f]));
        Assert.Contains("rows[1]: expected length 2", ex.Message);
    }
}
