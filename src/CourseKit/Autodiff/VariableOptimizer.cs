using CourseKit.Nn;
using CourseKit.Optim;

namespace CourseKit.Autodiff;

/// <summary>
/// Steps autodiff parameters with any optimizer of <c>CourseKit.Optim</c> (<see cref="Sgd"/>, <see cref="Momentum"/>,
/// <see cref="RmsProp"/>, <see cref="Adam"/> …), so that swapping the update rule of a model written with
/// <see cref="Variable"/>s is one line, as in a framework: <c>new VariableOptimizer(new Adam(1e-2), [w1, b1, w2, b2])</c>.
/// </summary>
/// <remarks>
/// Each variable is seen by the optimizer as a <see cref="Parameter"/> that shares the variable's value matrix (updated
/// in place) and is named after its position (<c>p0</c>, <c>p1</c> …, or the variable's name), so the optimizer keeps its
/// state (velocities, squared-gradient averages, t) per variable across steps.
/// </remarks>
public sealed class VariableOptimizer
{
    private readonly Optimizer _optimizer;
    private readonly Variable[] _variables;
    private readonly Parameter[] _parameters;

    /// <summary>Creates a stepper of <paramref name="variables"/> (trainable leaves made by <see cref="Variable.Parameter(Tensors.Matrix, string?)"/>) with <paramref name="optimizer"/>.</summary>
    /// <exception cref="ArgumentException">A variable is null, not a parameter, or listed twice.</exception>
    public VariableOptimizer(Optimizer optimizer, IReadOnlyList<Variable> variables)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(variables);
        for (int i = 0; i < variables.Count; i++)
        {
            var v = variables[i] ?? throw new ArgumentException($"variables: expected no null elements, actual null at [{i}].", nameof(variables));
            if (!v.IsParameter)
                throw new ArgumentException($"variables: expected trainable leaves made by Variable.Parameter, actual a {v.Op} {v.Shape} at [{i}].", nameof(variables));
            for (int k = 0; k < i; k++)
                if (ReferenceEquals(variables[k], v))
                    throw new ArgumentException($"variables: expected each variable once, actual [{k}] and [{i}] are the same variable.", nameof(variables));
        }
        _optimizer = optimizer;
        _variables = [.. variables];
        _parameters = _variables.Select((v, i) => new Parameter($"p{i}.{v.Name ?? "value"}", v.Value)).ToArray();
    }

    /// <summary>The optimizer that updates the variables.</summary>
    public Optimizer Optimizer => _optimizer;

    /// <summary>
    /// Effectively computes one update of the optimizer's rule from each variable's gradient (the last backward pass's;
    /// a variable it did not reach counts as gradient 0), in place in each <see cref="Variable.Value"/>, then zeroes the
    /// variables' gradients for the next step.
    /// </summary>
    /// <exception cref="ArgumentException">A gradient holds NaN or ±∞; nothing is updated (see <see cref="Optimizer.Step"/>).</exception>
    public void Step()
    {
        for (int i = 0; i < _variables.Length; i++)
        {
            if (_variables[i].Grad is { } grad) grad.CopyTo(_parameters[i].Grad);
            else _parameters[i].Grad.Fill(0f);
        }
        _optimizer.Step(_parameters);
        foreach (var v in _variables) v.ZeroGrad();
    }
}
