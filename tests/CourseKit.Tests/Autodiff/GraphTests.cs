using CourseKit.Autodiff;
using CourseKit.Tensors;
using static CourseKit.Tests.Autodiff.GradientCheck;

namespace CourseKit.Tests.Autodiff;

// Graphs rather than single ops: reuse, diamonds, a bias broadcast inside a network, and the accumulation rules.
public class GraphTests
{
    [Fact]
    public void A_variable_used_several_times_gets_every_contribution()
    {
        Matrix x = Matrix.RandomNormal(3, 4, seed: 42), c = Matrix.RandomNormal(3, 4, seed: 7);
        double[] cd = D(c);
        Check(v => ((v[0] * v[0] + v[0] - v[0].Tanh()) * Variable.Constant(c)).Sum(),
            v => Enumerable.Range(0, cd.Length).Sum(i => cd[i] * (v[0][i] * v[0][i] + v[0][i] - Math.Tanh(v[0][i]))), x);
    }

    [Fact]
    public void A_square_matrix_multiplied_by_itself_gets_both_factor_gradients()
    {
        Matrix x = Matrix.RandomNormal(3, 3, seed: 42), c = Matrix.RandomNormal(3, 3, seed: 7);
        double[] cd = D(c);
        Check(v => (v[0].MatMul(v[0]) * Variable.Constant(c)).Sum(),
            v => Reference.MatMul(v[0], v[0], 3, 3, 3).Select((y, i) => cd[i] * y).Sum(), x);
    }

    [Fact]
    public void A_diamond_sends_the_shared_node_its_gradient_only_after_both_branches()
    {
        // x → a = 2x → (tanh a, σ(a)) → J = Σ c ⊙ tanh(a) ⊙ σ(a): a is used by two branches that merge again.
        Matrix x = Matrix.RandomNormal(3, 4, seed: 42), c = Matrix.RandomNormal(3, 4, seed: 7);
        double[] cd = D(c);
        Check(v =>
            {
                Variable a = 2f * v[0];
                return (a.Tanh() * a.Sigmoid() * Variable.Constant(c)).Sum();
            },
            v => Enumerable.Range(0, cd.Length).Sum(i => cd[i] * Math.Tanh(2 * v[0][i]) / (1 + Math.Exp(-2 * v[0][i]))), x);
    }

    [Fact]
    public void A_two_layer_network_with_bias_broadcasts_matches_finite_differences()
    {
        const int m = 6, n = 3, h = 4, k = 3;
        Matrix x = Matrix.RandomNormal(m, n, seed: 1);
        int[] labels = [0, 1, 2, 2, 1, 0];
        Check(v =>
            {
                Variable a1 = (Variable.Constant(x).MatMul(v[0]) + v[1]).Tanh();
                return (a1.MatMul(v[2]) + v[3]).SoftmaxCrossEntropy(labels);
            },
            v =>
            {
                double[] z1 = Reference.MatMul(D(x), v[0], m, n, h);
                for (int i = 0; i < z1.Length; i++) z1[i] = Math.Tanh(z1[i] + v[1][i % h]);
                double[] z2 = Reference.MatMul(z1, v[2], m, h, k);
                for (int i = 0; i < z2.Length; i++) z2[i] += v[3][i % k];
                return Reference.CrossEntropy(z2, k, labels);
            },
            Matrix.RandomNormal(n, h, seed: 2), Matrix.RandomNormal(1, h, seed: 3), Matrix.RandomNormal(h, k, seed: 4), Matrix.RandomNormal(1, k, seed: 5));
    }

    [Fact]
    public void A_bias_row_gets_the_upstream_gradient_summed_over_the_rows()
    {
        var z = Variable.Parameter(Matrix.RandomNormal(3, 2, seed: 42));
        var b = Variable.Parameter(Matrix.RowVector(1f, 2f));
        var c = Matrix.FromRows([1f, 10f], [2f, 20f], [3f, 30f]);
        ((z + b) * Variable.Constant(c)).Sum().Backward();
        Assert.Equal([6f, 60f], b.Grad!.Data);
        Assert.Equal(c.Data, z.Grad!.Data);
    }

    [Fact]
    public void Parameter_gradients_accumulate_across_backward_passes_until_ZeroGrad()
    {
        var w = Variable.Parameter(3f, "w");
        (w * w).Backward();
        (w * w).Backward();
        Assert.Equal(12f, w.Grad![0, 0]);
        w.ZeroGrad();
        Assert.Equal(0f, w.Grad![0, 0]);
    }

    [Fact]
    public void Backward_twice_on_one_graph_adds_the_parameter_gradient_once_per_pass()
    {
        var w = Variable.Parameter(0.5f);
        Variable u = (3f * w).Tanh();
        Variable j = u * u;
        j.Backward();
        float once = w.Grad![0, 0];
        j.Backward();
        Assert.Equal(2 * once, w.Grad![0, 0], 6);
        Assert.Equal(2 * u.Item, u.Grad![0, 0], 6);  // intermediates start each pass from zero
    }

    [Fact]
    public void Constants_get_no_gradient_and_operations_on_constants_record_no_graph()
    {
        var x = Variable.Constant(Matrix.RandomNormal(4, 2, seed: 42), "X");
        var w = Variable.Parameter(Matrix.RandomNormal(2, 3, seed: 43), "W");
        Variable scaled = x * 2f + 1f;
        Assert.False(scaled.RequiresGrad);
        Assert.Empty(scaled.Parents);
        scaled.MatMul(w).Sum().Backward();
        Assert.Null(x.Grad);
        Assert.Null(scaled.Grad);
        // ∂(Σ scaled·W)/∂W = scaledᵀ·1: each row of the gradient is the column sum of scaled, repeated per output.
        var columnSums = (x.Value * 2f + 1f).ColumnSums();
        float[] expected = [.. Enumerable.Range(0, 6).Select(i => columnSums.Data[i / 3])];
        CourseKit.Tests.Support.Tolerance.Close(expected, w.Grad!.AsSpan(), rel: 1e-5, abs: 1e-5, what: "dW");
    }

    [Fact]
    public void Backward_with_an_explicit_seed_computes_the_vector_Jacobian_product()
    {
        var x = Variable.Parameter(Matrix.RandomNormal(2, 3, seed: 42));
        Matrix seed = Matrix.RandomNormal(2, 3, seed: 7);
        (3f * x).Backward(seed);
        Assert.Equal(seed.Data.Select(s => 3 * s), x.Grad!.Data);
    }

    [Fact]
    public void ToString_and_the_graph_string_show_ops_shapes_and_gradients()
    {
        var w = Variable.Parameter(0f, "w");
        Variable j = w * w - 10 * w + 25;
        j.Backward();
        Assert.Equal("w (parameter) (1 × 1) = 0 grad -10", w.ToString());
        string graph = j.ToGraphString();
        Assert.StartsWith("#0 w (parameter) (1 × 1) = 0 grad -10\n", graph);
        Assert.Contains("mul (1 × 1) = 0 grad 1 ← #0, #0", graph);
        Assert.EndsWith("#3 sub (1 × 1) = 0 grad 1 ← #1, #2\n#4 add (1 × 1) = 25 grad 1 ← #3\n", graph);
        Assert.Equal("constant (2 × 2) no grad (constant)", Variable.Constant(new Matrix(2, 2)).ToString());
    }
}
