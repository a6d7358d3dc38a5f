using CourseKit.Tensors;

namespace CourseKit.Tests.Tensors;

public class MatrixFunctionsTests
{
    [Fact]
    public void Softmax_of_the_lecture_example_matches_the_slide()
    {
        var a = Matrix.FromRows([5f, 2f, -1f, 3f]).Softmax();
        Assert.Equal([0.842f, 0.042f, 0.002f, 0.114f], a.Data.Select(v => MathF.Round(v, 3)));
        Assert.Equal([0], Matrix.FromRows([5f, 2f, -1f, 3f]).ArgMax());
        Assert.Equal([1f, 0f, 0f, 0f], Matrix.FromRows([5f, 2f, -1f, 3f]).Hardmax().Data);
    }

    [Fact]
    public void Elementwise_arithmetic_checks_shapes()
    {
        var a = Matrix.FromRows([1f, 2f], [3f, 4f]);
        var b = Matrix.FromRows([0.5f, 0.5f], [1f, 1f]);
        Assert.Equal([1.5f, 2.5f, 4f, 5f], a.Add(b).Data);
        Assert.Equal([0.5f, 1.5f, 2f, 3f], a.Subtract(b).Data);
        Assert.Equal([0.5f, 1f, 3f, 4f], a.Hadamard(b).Data);
        Assert.Equal([2f, 4f, 6f, 8f], a.Scale(2f).Data);
        Assert.Equal(3f, a.MaxAbsDifference(b));
        var ex = Assert.Throws<ArgumentException>(() => a.Add(new Matrix(2, 3)));
        Assert.Contains("expected shape (2 × 2), actual (2 × 3)", ex.Message);
    }

    [Fact]
    public void Softmax_with_two_classes_is_the_sigmoid_of_the_logit_difference()
    {
        var z = Matrix.FromRows([2.5f, 0f], [-1f, 0f]);
        var p = z.Softmax();
        var s = Matrix.FromRows([2.5f], [-1f]).Sigmoid();
        Assert.Equal(s.Data[0], p[0, 0], 6);
        Assert.Equal(s.Data[1], p[1, 0], 6);
    }
}
