using System.Numerics.Tensors;
using CourseKit.Tensors;

namespace CourseKit.Autodiff;

// Elementwise +, −, × between variables, with the broadcasts Broadcast allows (bias rows, 1 × 1 scalars).
public sealed partial class Variable
{
    /// <summary>Effectively computes <c>left + right</c> elementwise, broadcasting a (1 × n) row or a (1 × 1) scalar.</summary>
    /// <remarks>Backward: each operand receives ∂J/∂y, summed over the rows it was broadcast across (a bias gets Σᵢ dy[i, :]).</remarks>
    /// <exception cref="ArgumentException">The shapes do not broadcast; the message names both.</exception>
    public static Variable operator +(Variable left, Variable right)
    {
        (Matrix a, Matrix b, Matrix y) = Operands("add", left, right);
        TensorPrimitives.Add(a.AsSpan(), b.AsSpan(), y.AsSpan());
        return FromOp("add", y, [left, right], dy =>
        {
            Broadcast.AccumulateReduced(left, dy);
            Broadcast.AccumulateReduced(right, dy);
        });
    }

    /// <summary>Effectively computes <c>left − right</c> elementwise, with the broadcasts of <c>+</c>.</summary>
    /// <remarks>Backward: <c>dleft += dy</c>, <c>dright −= dy</c>, each summed down to its operand's shape.</remarks>
    /// <exception cref="ArgumentException">The shapes do not broadcast; the message names both.</exception>
    public static Variable operator -(Variable left, Variable right)
    {
        (Matrix a, Matrix b, Matrix y) = Operands("sub", left, right);
        TensorPrimitives.Subtract(a.AsSpan(), b.AsSpan(), y.AsSpan());
        return FromOp("sub", y, [left, right], dy =>
        {
            Broadcast.AccumulateReduced(left, dy);
            Broadcast.AccumulateReduced(right, dy, scale: -1f);
        });
    }

    /// <summary>Effectively computes the elementwise (Hadamard) product <c>left ⊙ right</c>, with the broadcasts of <c>+</c>; for matrix products use <see cref="MatMul"/>.</summary>
    /// <remarks>Backward: <c>dleft += dy ⊙ right</c>, <c>dright += dy ⊙ left</c>, each summed down to its operand's shape; <c>x * x</c> gets both, 2x.</remarks>
    /// <exception cref="ArgumentException">The shapes do not broadcast; the message names both.</exception>
    public static Variable operator *(Variable left, Variable right)
    {
        (Matrix a, Matrix b, Matrix y) = Operands("mul", left, right);
        TensorPrimitives.Multiply(a.AsSpan(), b.AsSpan(), y.AsSpan());
        return FromOp("mul", y, [left, right], dy =>
        {
            if (left.RequiresGrad) Broadcast.AccumulateReduced(left, Times(dy, b));
            if (right.RequiresGrad) Broadcast.AccumulateReduced(right, Times(dy, a));
        });
    }

    /// <summary>Effectively computes <c>−x</c>.</summary>
    /// <remarks>Backward: <c>dx −= dy</c>.</remarks>
    public static Variable operator -(Variable x) => Affine("neg", x, -1f, 0f);

    // Both operands expanded to the broadcast result shape, and the result buffer.
    private static (Matrix A, Matrix B, Matrix Y) Operands(string op, Variable left, Variable right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        Shape shape = Broadcast.Result(op, left.Shape, right.Shape);
        return (Broadcast.Expand(left.Value, shape), Broadcast.Expand(right.Value, shape), new Matrix(shape.Rows, shape.Cols));
    }

    private static Matrix Times(Matrix a, Matrix b)
    {
        var y = new Matrix(a.Rows, a.Cols);
        TensorPrimitives.Multiply(a.AsSpan(), b.AsSpan(), y.AsSpan());
        return y;
    }
}
