using CourseKit.Tensors;

namespace CourseKit.Nn;

/// <summary>
/// A named tensor a model owns: its value and, when trainable, the gradient of the cost with respect to it.
/// </summary>
/// <remarks>
/// Names are qualified by layer, like <c>dense1.W</c> or <c>bn1.gamma</c>, so optimizers key their state and
/// checkpoints their records by name. BatchNorm's running mean and variance are parameters that are not trainable:
/// they are saved and restored with the model, counted as non-trainable in the summary, and never touched by an optimizer.
/// </remarks>
public sealed class Parameter
{
    /// <summary>Creates a parameter holding <paramref name="value"/> (not copied).</summary>
    public Parameter(string name, Matrix value, bool trainable = true, bool regularized = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        Name = name;
        LocalName = name[(name.LastIndexOf('.') + 1)..];
        Value = value;
        Trainable = trainable;
        Regularized = regularized && trainable;
        Grad = trainable ? new Matrix(value.Rows, value.Cols) : new Matrix(0, 0);
    }

    /// <summary>Qualified name, e.g. <c>dense1.W</c> or <c>block1.bn1.gamma</c>.</summary>
    public string Name { get; }

    /// <summary>The name within its layer, e.g. <c>W</c>.</summary>
    public string LocalName { get; internal init; } = "";

    /// <summary>The current value.</summary>
    public Matrix Value { get; }

    /// <summary>∂J/∂(this), filled by the backward pass; an empty matrix when not trainable.</summary>
    public Matrix Grad { get; }

    /// <summary>Whether optimizers update it (false for BatchNorm's running statistics).</summary>
    public bool Trainable { get; }

    /// <summary>Whether L2 regularization ("weight decay") applies: weights yes; biases, γ and β no.</summary>
    public bool Regularized { get; }

    /// <summary>Number of scalars.</summary>
    public int Count => Value.Length;

    /// <inheritdoc />
    public override string ToString() => $"{Name} {Value.Shape}{(Trainable ? "" : " (non-trainable)")}";
}
