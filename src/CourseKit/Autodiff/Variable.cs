using System.Numerics.Tensors;
using CourseKit.Tensors;

namespace CourseKit.Autodiff;

/// <summary>
/// A node of a reverse-mode autodiff graph: a <see cref="Matrix"/> value (scalars are 1 × 1), the gradient
/// ∂J/∂(this) that <see cref="Backward()"/> fills, the variables it was computed from and the rule that sends its
/// gradient back to them.
/// </summary>
/// <remarks>
/// The "programming frameworks" chapter: write only the forward pass, e.g. <c>var J = w * w - 10 * w + 25;</c>,
/// call <c>J.Backward()</c> and read <c>w.Grad</c>. Every operation, like micrograd's, is its forward result and its
/// backward rule side by side. Results of operations whose inputs are all constants are constants themselves: no graph
/// is recorded for them. Not thread-safe: one graph is built and differentiated by one thread.
/// </remarks>
public sealed partial class Variable
{
    private static readonly Variable[] NoParents = [];
    private readonly Variable[] _parents;
    private readonly Action<Matrix>? _backward;  // receives ∂J/∂(this) and accumulates into the parents' gradients

    private Variable(Matrix value, bool requiresGrad, string? name, string op, Variable[] parents, Action<Matrix>? backward)
    {
        Value = value;
        RequiresGrad = requiresGrad;
        Name = name;
        Op = op;
        _parents = parents;
        _backward = backward;
    }

    /// <summary>The value computed by the forward pass (for a parameter: the matrix an optimizer updates in place).</summary>
    public Matrix Value { get; }

    /// <summary>
    /// ∂J/∂(this) for the output J that <see cref="Backward()"/> was last called on; <see langword="null"/> until a
    /// backward pass reaches this variable. Parameters accumulate over backward passes until <see cref="ZeroGrad"/>.
    /// </summary>
    public Matrix? Grad { get; private set; }

    /// <summary>Whether gradients flow to this variable: true for parameters and for results that depend on one.</summary>
    public bool RequiresGrad { get; }

    /// <summary>An optional name shown by <see cref="ToString"/> and <see cref="ToGraphString"/>, e.g. <c>W1</c>.</summary>
    public string? Name { get; }

    /// <summary>The operation that produced this variable (<c>matmul</c>, <c>add</c>, …), or <c>parameter</c> / <c>constant</c> for a leaf.</summary>
    public string Op { get; }

    /// <summary>The variables this one was computed from (empty for leaves and constants).</summary>
    public IReadOnlyList<Variable> Parents => _parents;

    /// <summary>Whether this is a trainable leaf made by <see cref="Parameter(Matrix, string?)"/>.</summary>
    internal bool IsParameter => RequiresGrad && _backward is null;

    /// <summary>The shape of <see cref="Value"/>.</summary>
    public Shape Shape => Value.Shape;

    /// <summary>The single element of a 1 × 1 variable, such as a cost.</summary>
    public float Item => Value.Length == 1
        ? Value.Data[0]
        : throw new InvalidOperationException($"Item: expected a scalar (1 × 1) variable, actual shape {Shape}; read Value instead.");

    /// <summary>A trainable leaf holding <paramref name="value"/> (not copied: gradient steps update it in place).</summary>
    public static Variable Parameter(Matrix value, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Variable(value, requiresGrad: true, name, "parameter", NoParents, backward: null);
    }

    /// <summary>A trainable 1 × 1 leaf holding <paramref name="value"/>, like the lecture's <c>w = tf.Variable(0)</c>.</summary>
    public static Variable Parameter(float value, string? name = null) => Parameter(Matrix.Full(1, 1, value), name);

    /// <summary>A leaf no gradient flows to, such as the input batch X (not copied).</summary>
    public static Variable Constant(Matrix value, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Variable(value, requiresGrad: false, name, "constant", NoParents, backward: null);
    }

    /// <summary>A 1 × 1 constant.</summary>
    public static Variable Constant(float value, string? name = null) => Constant(Matrix.Full(1, 1, value), name);

    /// <summary>Sets <see cref="Grad"/> to zeros (when present), so the next backward pass starts from 0.</summary>
    public void ZeroGrad() => Grad?.Fill(0f);

    /// <summary>
    /// The result of operation <paramref name="op"/>: a graph node with <paramref name="backward"/> when any parent
    /// requires a gradient, otherwise a constant (no graph is kept).
    /// </summary>
    internal static Variable FromOp(string op, Matrix value, Variable[] parents, Action<Matrix> backward)
    {
        foreach (Variable p in parents)
        {
            if (p.RequiresGrad) return new Variable(value, requiresGrad: true, name: null, op, parents, backward);
        }
        return new Variable(value, requiresGrad: false, name: null, op, NoParents, backward: null);
    }

    /// <summary>The gradient buffer, allocated as zeros on first use, for rules that accumulate in place (GEMM with β = 1).</summary>
    internal Matrix GradBuffer() => Grad ??= new Matrix(Value.Rows, Value.Cols);

    /// <summary>Adds <paramref name="g"/> (same shape as the value) to <see cref="Grad"/>: a variable used twice gets both contributions.</summary>
    internal void Accumulate(Matrix g)
    {
        Matrix grad = GradBuffer();
        TensorPrimitives.Add(grad.AsSpan(), g.AsSpan(), grad.AsSpan());
    }

    /// <summary>Adds <paramref name="scale"/> · <paramref name="g"/> to <see cref="Grad"/>.</summary>
    internal void Accumulate(Matrix g, float scale)
    {
        Matrix grad = GradBuffer();
        TensorPrimitives.MultiplyAdd(g.AsSpan(), scale, grad.AsSpan(), grad.AsSpan());
    }
}
