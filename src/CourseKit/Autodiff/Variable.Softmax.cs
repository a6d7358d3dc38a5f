using System.Numerics.Tensors;
using CourseKit.Tensors;
using CourseKit.Kernels;

namespace CourseKit.Autodiff;

public sealed partial class Variable
{
    /// <summary>
    /// Effectively computes softmax over each row (one example per row):
    /// <c>ŷ[i, j] = exp(z[i, j] − maxₖ z[i, k]) / Σₖ exp(z[i, k] − maxₖ z[i, k])</c>.
    /// </summary>
    /// <remarks>
    /// Backward, row by row: <c>dz += ŷ ⊙ (dŷ − (dŷ · ŷ))</c>, the Jacobian diag(ŷ) − ŷŷᵀ applied to dŷ. For a cost, prefer the
    /// fused <see cref="SoftmaxCrossEntropy"/>: it never takes log of a probability that rounded to 0.
    /// </remarks>
    /// <exception cref="ArgumentException">The logits hold NaN or ±∞, or there are no columns (classes).</exception>
    public Variable Softmax()
    {
        Matrix z = Value, p = new(z.Rows, z.Cols);
        RequireFiniteInput("softmax", z);
        CpuKernels.Softmax(z.AsSpan(), z.Rows, z.Cols, p.AsSpan());
        return FromOp("softmax", p, [this], dy =>
        {
            var dz = new Matrix(p.Rows, p.Cols);
            for (int i = 0; i < p.Rows; i++)
            {
                Span<float> row = dz.Row(i);
                TensorPrimitives.Subtract(dy.Row(i), TensorPrimitives.Dot(dy.Row(i), p.Row(i)), row);
                TensorPrimitives.Multiply(row, p.Row(i), row);
            }
            Accumulate(dz);
        });
    }

    /// <summary>
    /// Effectively computes the 1 × 1 softmax cross-entropy cost of these logits (m × C, one example per row) against
    /// integer class <paramref name="labels"/>: <c>J = −(1/m) Σᵢ log softmax(z)[i, labels[i]]</c>.
    /// </summary>
    /// <remarks>
    /// Backward: <c>dz += dJ · (ŷ − y)/m</c>, y one-hot. One pass of the fused library kernel computes J and (ŷ − y)/m
    /// together, from the logits via log-softmax, so large logits neither overflow nor produce log 0.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// Not one label per row, a label outside 0 ≤ label &lt; C, no rows, or NaN/±∞ in the logits (the kernel's message names which).
    /// </exception>
    public Variable SoftmaxCrossEntropy(int[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        Matrix z = Value;
        RequireFiniteInput("softmax_cross_entropy", z);
        Matrix? dz = RequiresGrad ? new Matrix(z.Rows, z.Cols) : null;
        float cost = CpuKernels.SoftmaxCrossEntropy(z.AsSpan(), z.Rows, z.Cols, labels, dz is null ? default : dz.AsSpan());
        return FromOp("softmax_cross_entropy", Matrix.Full(1, 1, cost), [this], dy => Accumulate(dz!, dy.Data[0]));
    }
}
