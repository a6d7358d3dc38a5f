using CourseKit.Tensors;

namespace CourseKit.Autodiff;

public sealed partial class Variable
{
    /// <summary>
    /// Effectively computes the matrix product <c>this · right</c>: (m × n) · (n × k) → (m × k), e.g. <c>X · W</c>
    /// for a batch X with one example per row (CourseKit's layout; the lecture writes W·X for column examples).
    /// </summary>
    /// <remarks>
    /// Backward, with C = A·B: <c>dA += dC · Bᵀ</c> and <c>dB += Aᵀ · dC</c>. Both run on the library GEMM
    /// (<see cref="Matrix.MultiplyInto"/>), reading the transposes in place and accumulating with β = 1;
    /// a constant operand such as the input batch gets no product computed for it.
    /// </remarks>
    /// <exception cref="ArgumentException">The inner dimensions differ; the message names both shapes.</exception>
    public Variable MatMul(Variable right)
    {
        ArgumentNullException.ThrowIfNull(right);
        if (Value.Cols != right.Value.Rows)
            throw new ArgumentException(
                $"matmul: shapes {Shape} and {right.Shape} do not align: the left operand has {Value.Cols} columns, " +
                $"the right one {right.Value.Rows} rows; expected them equal, as in (m × n) · (n × k).", nameof(right));
        Matrix y = Matrix.Multiply(Value, right.Value);
        Variable left = this;
        return FromOp("matmul", y, [left, right], dy =>
        {
            if (left.RequiresGrad) Matrix.MultiplyInto(dy, right.Value, left.GradBuffer(), transposeB: true, beta: 1f);
            if (right.RequiresGrad) Matrix.MultiplyInto(left.Value, dy, right.GradBuffer(), transposeA: true, beta: 1f);
        });
    }
}
