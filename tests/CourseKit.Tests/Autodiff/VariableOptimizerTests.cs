using CourseKit.Autodiff;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Tensors;

namespace CourseKit.Tests.Autodiff;

/// <summary><see cref="VariableOptimizer"/>: any optimizer of CourseKit.Optim steps autodiff parameters as it steps a layer's.</summary>
public class VariableOptimizerTests
{
    // J = Σ (x·w − t)² for a fixed x and t: a gradient that changes every step.
    private static void Backward(Variable w)
    {
        var x = Variable.Constant(Matrix.FromRows([1f, 2f], [-1f, 0.5f], [0.3f, -2f]));
        var t = Variable.Constant(Matrix.FromRows([1f], [0f], [-1f]));
        var r = x.MatMul(w) - t;
        (r * r).Sum().Backward();
    }

    [Fact]
    public void Sgd_takes_the_same_steps_as_gradient_descent()
    {
        var (a, b) = (Variable.Parameter(Matrix.FromRows([0.5f], [-0.5f]), "w"), Variable.Parameter(Matrix.FromRows([0.5f], [-0.5f]), "w"));
        var sgd = new VariableOptimizer(new Sgd(0.05), [a]);
        for (int step = 0; step < 5; step++)
        {
            Backward(a);
            sgd.Step();
            Backward(b);
            GradientDescent.Step([b], 0.05);
        }
        Assert.Equal(b.Value.Data, a.Value.Data);
        Assert.All(a.Grad!.Data, g => Assert.Equal(0f, g));   // zeroed for the next backward pass
    }

    [Fact]
    public void Adam_on_a_variable_equals_adam_on_a_parameter_with_the_same_gradients()
    {
        var w = Variable.Parameter(Matrix.FromRows([0.5f], [-0.5f]), "w");
        var p = new Parameter("w", Matrix.FromRows([0.5f], [-0.5f]));
        var (byVariable, byParameter) = (new VariableOptimizer(new Adam(0.1), [w]), new Adam(0.1));
        for (int step = 0; step < 4; step++)
        {
            var probe = Variable.Parameter(p.Value.Clone());
            Backward(probe);
            probe.Grad!.CopyTo(p.Grad);
            byParameter.Step([p]);
            Backward(w);
            byVariable.Step();
        }
        Assert.Equal(p.Value.Data, w.Value.Data);
        Assert.Equal(4, byVariable.Optimizer.Steps);
    }

    [Fact]
    public void A_variable_the_backward_pass_did_not_reach_has_gradient_0()
    {
        var (w, unused) = (Variable.Parameter(Matrix.FromRows([0.5f], [-0.5f])), Variable.Parameter(Matrix.RowVector(3f, 4f)));
        var sgd = new VariableOptimizer(new Sgd(0.1), [w, unused]);
        Backward(w);
        sgd.Step();
        Assert.Equal([3f, 4f], unused.Value.Data);
    }

    [Fact]
    public void Constants_computed_variables_and_duplicates_are_refused_with_their_position()
    {
        var w = Variable.Parameter(1f, "w");
        var constant = Assert.Throws<ArgumentException>(() => new VariableOptimizer(new Sgd(0.1), [w, Variable.Constant(2f)]));
        Assert.Contains("at [1]", constant.Message);
        var computed = Assert.Throws<ArgumentException>(() => new VariableOptimizer(new Sgd(0.1), [w * w]));
        Assert.Contains("expected trainable leaves made by Variable.Parameter", computed.Message);
        var twice = Assert.Throws<ArgumentException>(() => new VariableOptimizer(new Sgd(0.1), [w, w]));
        Assert.Contains("[0] and [1] are the same variable", twice.Message);
    }
}
