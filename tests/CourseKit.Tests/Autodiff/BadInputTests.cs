using CourseKit.Autodiff;
using CourseKit.Tensors;

namespace CourseKit.Tests.Autodiff;

public class BadInputTests
{
    private static Variable P(int rows, int cols) => Variable.Parameter(Matrix.RandomNormal(rows, cols, seed: 42));

    [Theory]
    [InlineData("add", 3, 4, 2, 4)]
    [InlineData("sub", 3, 4, 3, 1)]
    [InlineData("mul", 3, 1, 1, 4)]
    [InlineData("add", 1, 3, 1, 4)]
    public void Elementwise_ops_on_shapes_that_do_not_broadcast_name_the_op_and_both_shapes(string op, int ar, int ac, int br, int bc)
    {
        Variable a = P(ar, ac), b = P(br, bc);
        Func<Variable> f = op switch { "add" => () => a + b, "sub" => () => a - b, _ => () => a * b };
        var e = Assert.Throws<ArgumentException>(f);
        Assert.StartsWith($"{op}: shapes ({ar} × {ac}) and ({br} × {bc}) do not broadcast", e.Message);
    }

    [Fact]
    public void MatMul_with_misaligned_shapes_names_both_shapes()
    {
        var e = Assert.Throws<ArgumentException>(() => P(3, 4).MatMul(P(3, 4)));
        Assert.StartsWith("matmul: shapes (3 × 4) and (3 × 4) do not align: the left operand has 4 columns, the right one 3 rows", e.Message);
    }

    [Fact]
    public void Backward_on_a_non_scalar_output_asks_for_a_scalar_or_a_seed()
    {
        var e = Assert.Throws<InvalidOperationException>(() => (P(2, 3) * 2f).Backward());
        Assert.Contains("expected a scalar (1 × 1) output such as a cost, actual shape (2 × 3)", e.Message);
        Assert.Contains("Backward(seed)", e.Message);
    }

    [Fact]
    public void Backward_with_a_seed_of_the_wrong_shape_names_both_shapes()
    {
        var e = Assert.Throws<ArgumentException>(() => P(2, 3).Tanh().Backward(new Matrix(3, 2)));
        Assert.Equal("seed: expected the output's shape (2 × 3), actual (3 × 2). (Parameter 'seed')", e.Message);
    }

    [Fact]
    public void Backward_on_a_graph_without_parameters_says_there_is_nothing_to_differentiate()
    {
        var e = Assert.Throws<InvalidOperationException>(() => (Variable.Constant(2f) * 3f).Backward());
        Assert.Contains("depends on no parameter", e.Message);
    }

    [Theory]
    [InlineData(0f, "-Infinity")]
    [InlineData(-0.5f, "NaN")]
    public void Log_of_a_non_positive_element_names_the_op_the_position_and_the_value(float bad, string result)
    {
        var x = Variable.Parameter(Matrix.FromRows([1f, 2f], [bad, 3f]));
        var e = Assert.Throws<ArgumentException>(() => x.Log());
        Assert.StartsWith($"log: x[1, 0] = {bad} gives {result} (shape (2 × 2)); log is defined for x > 0 only", e.Message);
    }

    [Theory]
    [InlineData(-2f, 0.5f)]
    [InlineData(0f, -1f)]
    public void Pow_without_a_finite_real_result_throws(float x, float p)
    {
        var e = Assert.Throws<ArgumentException>(() => Variable.Parameter(x).Pow(p));
        Assert.StartsWith($"pow: x[0, 0] = {x} gives", e.Message);
    }

    [Fact]
    public void Exp_that_overflows_float32_throws_and_suggests_the_max_shift()
    {
        var e = Assert.Throws<ArgumentException>(() => Variable.Parameter(100f).Exp());
        Assert.Contains("subtract the row maximum first", e.Message);
    }

    [Theory]
    [InlineData("relu")]
    [InlineData("tanh")]
    [InlineData("sigmoid")]
    [InlineData("softmax")]
    [InlineData("softmax_cross_entropy")]
    public void Ops_on_NaN_input_name_the_op_and_the_position_instead_of_hiding_it(string op)
    {
        var x = Variable.Parameter(Matrix.FromRows([1f, 2f], [3f, float.NaN]));
        Func<Variable> f = op switch
        {
            "relu" => x.Relu, "tanh" => x.Tanh, "sigmoid" => x.Sigmoid, "softmax" => x.Softmax,
            _ => () => x.SoftmaxCrossEntropy([0, 1]),
        };
        var e = Assert.Throws<ArgumentException>(f);
        Assert.Equal($"{op}: expected finite inputs, actual x[1, 1] = NaN (shape (2 × 2)). (Parameter 'x')", e.Message);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(float.NaN)]
    public void Dividing_by_zero_or_NaN_throws(float c)
    {
        var e = Assert.Throws<ArgumentException>(() => P(2, 2) / c);
        Assert.StartsWith($"div: expected a finite, nonzero divisor, actual {c}.", e.Message);
    }

    [Fact]
    public void Mean_of_an_empty_matrix_and_Item_of_a_matrix_throw()
    {
        Assert.Throws<InvalidOperationException>(() => P(0, 3).Mean());
        var e = Assert.Throws<InvalidOperationException>(() => P(2, 3).Item);
        Assert.Contains("actual shape (2 × 3)", e.Message);
    }

    [Fact]
    public void SoftmaxCrossEntropy_with_a_wrong_label_count_or_class_throws_naming_the_labels()
    {
        var e = Assert.Throws<ArgumentException>(() => P(3, 4).SoftmaxCrossEntropy([0, 1]));
        Assert.Equal("labels", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => P(2, 4).SoftmaxCrossEntropy([0, 4]));
    }

    [Fact]
    public void GradientDescent_Step_rejects_non_parameters_and_bad_learning_rates()
    {
        var w = Variable.Parameter(1f);
        Assert.Throws<ArgumentException>(() => GradientDescent.Step([Variable.Constant(1f)], 0.1f));
        Assert.Throws<ArgumentException>(() => GradientDescent.Step([w * 2f], 0.1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientDescent.Step([w], 0f));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientDescent.Step([w], float.NaN));
    }
}
