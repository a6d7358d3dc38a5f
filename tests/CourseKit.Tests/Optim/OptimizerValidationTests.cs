using CourseKit.Nn;
using CourseKit.Optim;
using static CourseKit.Tests.Optim.OptimTestKit;

namespace CourseKit.Tests.Optim;

public class OptimizerValidationTests
{
    [Theory]
    [MemberData(nameof(AllNames), MemberType = typeof(OptimTestKit))]
    public void A_NaN_gradient_is_reported_with_its_parameter_and_position_before_anything_is_updated(string name)
    {
        var model = Model();
        var optimizer = Create(name);
        Train(optimizer, model, 1, 2);
        var before = model.Select(p => p.Value.AsSpan().ToArray()).ToArray();
        var state = optimizer.SaveState();
        FillGradients(model, 3);
        model[0].Grad[3, 4] = float.NaN; // dense1.W is the first parameter: the check must precede every update

        var e = Assert.Throws<ArgumentException>(() => optimizer.Step(model));
        Assert.StartsWith("dense1.W: gradient has NaN at [3, 4]; expected finite gradients.", e.Message);
        for (int k = 0; k < model.Length; k++) Assert.Equal(before[k], model[k].Value.AsSpan().ToArray());
        Assert.Equal(2, optimizer.Steps);
        foreach (var (key, values) in state.Slots) Assert.Equal(values, optimizer.SaveState().Slots[key]);
    }

    [Fact]
    public void An_infinite_gradient_in_a_later_parameter_also_stops_the_whole_step()
    {
        var model = Model();
        var adam = new Adam();
        FillGradients(model, 1);
        model[3].Grad[0, 10] = float.NegativeInfinity;
        float[] w = model[0].Value.AsSpan().ToArray();
        var e = Assert.Throws<ArgumentException>(() => adam.Step(model));
        Assert.StartsWith("bn1.beta: gradient has −∞ at [0, 10]", e.Message);
        Assert.Equal(w, model[0].Value.AsSpan().ToArray());
        Assert.Equal(0, adam.Steps);
        Assert.Empty(adam.SaveState().Slots);
    }

    [Fact]
    public void A_NaN_in_a_non_trainable_parameter_is_not_the_optimizers_business()
    {
        var model = Model();
        model[4].Value[0, 0] = float.NaN; // running statistics have no gradient to check
        FillGradients(model, 1);
        new Adam().Step(model);
        Assert.True(float.IsNaN(model[4].Value[0, 0]));
    }

    [Fact]
    public void Null_parameter_lists_or_elements_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new Sgd(0.1f).Step(null!));
        var e = Assert.Throws<ArgumentException>(() => new Sgd(0.1f).Step(new Parameter[] { Param("w", 1, 1, 1), null! }));
        Assert.StartsWith("parameters: expected no null elements, actual null at [1].", e.Message);
    }

    [Fact]
    public void Hyperparameters_out_of_range_are_reported_with_argument_expected_and_actual()
    {
        AssertBad("learningRate: expected a finite value > 0, actual 0.", () => new Sgd(0f), "learningRate");
        AssertBad("LearningRate: expected a finite value > 0, actual -1.", () => new Adam().LearningRate = -1f);
        AssertBad("LearningRate: expected a finite value > 0, actual Infinity.", () => new Adam().LearningRate = float.PositiveInfinity);
        AssertBad("beta: expected a value in [0, 1), actual 1.", () => new Momentum(0.1f, beta: 1f));
        AssertBad("beta: expected a value in [0, 1), actual -0.1.", () => new Momentum(0.1f, beta: -0.1f));
        AssertBad("beta2: expected a value in [0, 1), actual NaN.", () => new RmsProp(0.1f, beta2: float.NaN));
        AssertBad("epsilon: expected a finite value > 0, actual 0.", () => new RmsProp(0.1f, epsilon: 0f));
        AssertBad("beta1: expected a value in [0, 1), actual 1.", () => new Adam(beta1: 1f));
        AssertBad("beta2: expected a value in [0, 1), actual 1.5.", () => new Adam(beta2: 1.5f));
        AssertBad("epsilon: expected a finite value > 0, actual -1E-08.", () => new Adam(epsilon: -1e-8f));
        AssertBad("weightDecay: expected a finite value ≥ 0, actual -0.01.", () => new AdamW(weightDecay: -0.01f));
        AssertBad("weightDecay: expected a finite value ≥ 0, actual NaN.", () => new AdamW(weightDecay: float.NaN));
    }

    [Fact]
    public void Boundary_hyperparameters_are_accepted()
    {
        // β = 0 is allowed: momentum becomes gradient descent, RMSprop divides by |dW| + ε, Adam ≈ sign descent.
        var w = new Parameter("w", new CourseKit.Tensors.Matrix(1, 3, [1f, 2f, 3f]));
        new float[] { 0.5f, -1f, 2f }.CopyTo(w.Grad.AsSpan());
        new Momentum(0.1f, beta: 0f).Step([w]);
        Assert.Equal(new[] { 0.95f, 2.1f, 2.8f }, w.Value.AsSpan().ToArray());
        _ = new Adam(beta1: 0f, beta2: 0f);
        _ = new AdamW(weightDecay: 0f);
    }

    private static void AssertBad(string message, Action create, string? paramName = null)
    {
        var e = Assert.ThrowsAny<ArgumentException>(create);
        Assert.StartsWith(message, e.Message);
        if (paramName is not null) Assert.Equal(paramName, e.ParamName);
    }
}
