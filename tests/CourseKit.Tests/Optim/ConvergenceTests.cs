using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Tensors;

namespace CourseKit.Tests.Optim;

/// <summary>J(w) = w² − 10w + 25 = (w − 5)², dJ/dw = 2w − 10: every optimizer should find w = 5 (the lecture's frameworks example).</summary>
public class ConvergenceTests
{
    private static float Minimize(Optimizer optimizer, int steps, bool regularized = false, float w0 = 0f)
    {
        var w = new Parameter("w", new Matrix(1, 1, [w0]), regularized: regularized);
        for (int i = 0; i < steps; i++)
        {
            w.Grad[0, 0] = 2 * w.Value[0, 0] - 10;
            optimizer.Step([w]);
        }
        return w.Value[0, 0];
    }

    [Fact]
    public void Gradient_descent_finds_the_minimum_of_the_quadratic() =>
        // w ← 0.8·w + 1 contracts to 5 by a factor 0.8 per step.
        Assert.Equal(5f, Minimize(new Sgd(0.1f), 200), 4);

    [Fact]
    public void Momentum_finds_the_minimum_of_the_quadratic() =>
        Assert.Equal(5f, Minimize(new Momentum(0.1f, 0.9f), 500), 4);

    [Fact]
    public void RmsProp_ends_within_about_alpha_of_the_minimum()
    {
        // Near the minimum the step α·g/√s stays ≈ α·g/|g|, so RMSprop without decay hovers within ≈ α of w = 5.
        float w = Minimize(new RmsProp(0.01f), 3000);
        Assert.InRange(w, 5f - 0.02f, 5f + 0.02f);
    }

    [Fact]
    public void RmsProp_with_a_decaying_learning_rate_settles_on_the_minimum()
    {
        var optimizer = new RmsProp(0.05f);
        var schedule = new InverseSqrtStepDecay(0.05f);
        var w = new Parameter("w", new Matrix(1, 1));
        for (int i = 0; i < 20_000; i++)
        {
            schedule.Apply(optimizer, epoch: 1);
            w.Grad[0, 0] = 2 * w.Value[0, 0] - 10;
            optimizer.Step([w]);
        }
        Assert.Equal(5f, w.Value[0, 0], 2);
    }

    [Fact]
    public void Adam_finds_the_minimum_of_the_quadratic() =>
        Assert.Equal(5f, Minimize(new Adam(0.1f), 2000), 3);

    [Fact]
    public void AdamW_finds_the_minimum_of_an_unregularized_parameter() =>
        Assert.Equal(5f, Minimize(new AdamW(0.1f, weightDecay: 0.5f), 2000, regularized: false), 3);

    [Fact]
    public void AdamW_on_a_weight_settles_where_the_decay_balances_the_normalized_step()
    {
        // ŝ (β₂ = 0.999) forgets the larger early gradients slowly, hence the many steps.
        // At rest the gradient 2w − 10 is constant and negative, so v̂/(√ŝ + ε) → −1: the step +α equals the decay
        // α·λ·w, i.e. w = 1/λ = 2 for λ = 0.5 — short of 5, as decoupled decay intends.
        Assert.Equal(2f, Minimize(new AdamW(0.01f, weightDecay: 0.5f), 20_000, regularized: true), 3);
    }
}
