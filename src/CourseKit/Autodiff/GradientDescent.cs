using System.Numerics.Tensors;

namespace CourseKit.Autodiff;

/// <summary>
/// Plain gradient descent on autodiff parameters, enough for the chapter's examples. Momentum, RMSprop and Adam
/// live in <c>CourseKit.Optim</c>.
/// </summary>
public static class GradientDescent
{
    /// <summary>
    /// Effectively computes <c>θ ← θ − α · ∂J/∂θ</c> in place in each parameter's <see cref="Variable.Value"/>, then
    /// zeroes its gradient for the next step.
    /// </summary>
    /// <remarks>
    /// A parameter the last backward pass did not reach (its <see cref="Variable.Grad"/> is null) is left unchanged.
    /// Build a new graph after a step: the old one holds the values from before it.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is not finite and &gt; 0.</exception>
    /// <exception cref="ArgumentException">One of <paramref name="parameters"/> does not require a gradient (a constant or a value computed from others).</exception>
    public static void Step(IEnumerable<Variable> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        float rate = CourseKit.Tensors.ScalarArguments.Positive(learningRate, nameof(learningRate));   // a double, like the optimizers' rates
        foreach (Variable p in parameters)
        {
            ArgumentNullException.ThrowIfNull(p, nameof(parameters));
            if (!p.IsParameter)
                throw new ArgumentException($"parameters: expected trainable leaves made by Variable.Parameter, actual a {p.Op} {p.Shape}.", nameof(parameters));
            if (p.Grad is null) continue;
            Span<float> value = p.Value.AsSpan();
            TensorPrimitives.MultiplyAdd(p.Grad.AsSpan(), -rate, value, value);
            p.ZeroGrad();
        }
    }
}
