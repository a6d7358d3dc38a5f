using CourseKit.Autodiff;
using CourseKit.Tensors;
using static CourseKit.Tests.Autodiff.GradientCheck;

namespace CourseKit.Tests.Autodiff;

// Each op's gradient against finite differences. Costs have the form Σ c ⊙ f(x) with a seeded weight c, so every
// element's gradient differs and a transposed or misplaced gradient cannot pass.
public class OpGradientTests
{
    private const int Rows = 4, Cols = 5;

    public static TheoryData<string> UnaryOps =>
        ["neg", "add_c", "c_add", "sub_c", "c_sub", "mul_c", "c_mul", "div_c", "exp", "log", "relu", "tanh", "sigmoid",
         "pow2", "pow3", "pow0.5", "pow-1", "pow0"];

    private static (Func<Variable, Variable> F, Func<double, double> R, bool Positive) Unary(string op) => op switch
    {
        "neg" => (x => -x, x => -x, false),
        "add_c" => (x => x + 2.5f, x => x + 2.5, false),
        "c_add" => (x => 2.5f + x, x => 2.5 + x, false),
        "sub_c" => (x => x - 1.5f, x => x - 1.5, false),
        "c_sub" => (x => 1.5f - x, x => 1.5 - x, false),
        "mul_c" => (x => x * -3f, x => x * -3, false),
        "c_mul" => (x => 10 * x, x => 10 * x, false),
        "div_c" => (x => x / 4f, x => x / 4, false),
        "exp" => (x => x.Exp(), Math.Exp, false),
        "log" => (x => x.Log(), Math.Log, true),
        "relu" => (x => x.Relu(), x => Math.Max(x, 0), false),
        "tanh" => (x => x.Tanh(), Math.Tanh, false),
        "sigmoid" => (x => x.Sigmoid(), x => 1 / (1 + Math.Exp(-x)), false),
        "pow2" => (x => x.Pow(2), x => x * x, false),
        "pow3" => (x => x.Pow(3), x => x * x * x, false),
        "pow0.5" => (x => x.Pow(0.5f), Math.Sqrt, true),
        "pow-1" => (x => x.Pow(-1), x => 1 / x, true),
        "pow0" => (x => x.Pow(0), _ => 1, false),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown op"),
    };

    [Theory]
    [MemberData(nameof(UnaryOps))]
    public void Elementwise_op_gradient_matches_finite_differences(string op)
    {
        var (f, r, positive) = Unary(op);
        Matrix x = positive ? Matrix.RandomUniform(Rows, Cols, seed: 42, 0.5f, 2f) : Matrix.RandomNormal(Rows, Cols, seed: 42);
        Matrix c = Matrix.RandomNormal(Rows, Cols, seed: 7);
        double[] cd = D(c);
        Check(v => (f(v[0]) * Variable.Constant(c)).Sum(),
            v => Enumerable.Range(0, cd.Length).Sum(i => cd[i] * r(v[0][i])), x);
    }

    [Theory]
    [InlineData("add", 3, 4, 3, 4)]
    [InlineData("add", 3, 4, 1, 4)]
    [InlineData("add", 1, 4, 3, 4)]
    [InlineData("add", 3, 4, 1, 1)]
    [InlineData("add", 1, 1, 3, 4)]
    [InlineData("sub", 3, 4, 3, 4)]
    [InlineData("sub", 3, 4, 1, 4)]
    [InlineData("sub", 1, 1, 3, 4)]
    [InlineData("mul", 3, 4, 3, 4)]
    [InlineData("mul", 3, 4, 1, 4)]
    [InlineData("mul", 1, 4, 3, 4)]
    [InlineData("mul", 1, 1, 3, 4)]
    public void Binary_op_gradient_matches_finite_differences_with_broadcasting(string op, int ar, int ac, int br, int bc)
    {
        Shape sa = new(ar, ac), sb = new(br, bc);
        Shape s = new(Math.Max(ar, br), Math.Max(ac, bc));
        Matrix c = Matrix.RandomNormal(s.Rows, s.Cols, seed: 7);
        double[] cd = D(c);
        Func<Variable, Variable, Variable> f = op switch { "add" => (a, b) => a + b, "sub" => (a, b) => a - b, _ => (a, b) => a * b };
        Func<double, double, double> r = op switch { "add" => (a, b) => a + b, "sub" => (a, b) => a - b, _ => (a, b) => a * b };
        Check(v => (f(v[0], v[1]) * Variable.Constant(c)).Sum(),
            v =>
            {
                double sum = 0;
                for (int i = 0; i < s.Rows; i++)
                    for (int j = 0; j < s.Cols; j++) sum += cd[i * s.Cols + j] * r(At(v[0], sa, i, j), At(v[1], sb, i, j));
                return sum;
            },
            Matrix.RandomNormal(ar, ac, seed: 42), Matrix.RandomNormal(br, bc, seed: 43));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 4, 2)]
    [InlineData(5, 7, 3)]
    [InlineData(1, 6, 1)]
    public void MatMul_gradients_of_both_factors_match_finite_differences(int m, int n, int k)
    {
        Matrix c = Matrix.RandomNormal(m, k, seed: 7);
        double[] cd = D(c);
        Check(v => (v[0].MatMul(v[1]) * Variable.Constant(c)).Sum(),
            v =>
            {
                double sum = 0;
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < k; j++)
                        for (int t = 0; t < n; t++) sum += cd[i * k + j] * v[0][i * n + t] * v[1][t * k + j];
                return sum;
            },
            Matrix.RandomNormal(m, n, seed: 42), Matrix.RandomNormal(n, k, seed: 43));
    }

    [Fact]
    public void Sum_and_Mean_gradients_match_finite_differences()
    {
        Matrix x = Matrix.RandomNormal(Rows, Cols, seed: 42);
        Check(v => v[0].Sum().Pow(2), v => Math.Pow(v[0].Sum(), 2), x);
        Check(v => (v[0].Mean() * v[0].Mean()) + v[0].Pow(2).Mean(), v => Math.Pow(v[0].Average(), 2) + v[0].Average(t => t * t), x);
    }

    [Fact]
    public void Softmax_gradient_matches_finite_differences()
    {
        Matrix z = Matrix.RandomNormal(Rows, Cols, seed: 42, std: 2f), c = Matrix.RandomNormal(Rows, Cols, seed: 7);
        double[] cd = D(c);
        Check(v => (v[0].Softmax() * Variable.Constant(c)).Sum(),
            v => Enumerable.Range(0, Rows).Sum(i => Enumerable.Range(0, Cols).Sum(j => cd[i * Cols + j] * Reference.Softmax(v[0], i, Cols)[j])), z);
    }

    [Fact]
    public void SoftmaxCrossEntropy_gradient_is_yhat_minus_y_over_m_and_matches_finite_differences()
    {
        int[] labels = [0, 4, 2, 2];
        Matrix z = Matrix.RandomNormal(Rows, Cols, seed: 42, std: 2f);
        Check(v => v[0].SoftmaxCrossEntropy(labels), v => Reference.CrossEntropy(v[0], Cols, labels), z);
        Check(v => 3f * v[0].SoftmaxCrossEntropy(labels), v => 3 * Reference.CrossEntropy(v[0], Cols, labels), z);
    }
}
