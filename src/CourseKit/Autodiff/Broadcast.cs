using System.Numerics.Tensors;
using CourseKit.Tensors;

namespace CourseKit.Autodiff;

/// <summary>
/// The broadcasts the elementwise operations (+, −, ×) allow, and the gradient reduction each implies.
/// </summary>
/// <remarks>
/// Allowed: equal shapes; an (m × n) operand with a (1 × n) row vector (a bias added to every example); any shape with a
/// (1 × 1) scalar. The result has the larger shape. Nothing else broadcasts — in particular not an (m × 1) column
/// against a (1 × n) row, which NumPy would silently turn into an (m × n) matrix (the lecture's rank-1 array pitfall).
/// Backward: a broadcast operand receives the gradient summed over the rows (row vector) or over everything (scalar).
/// </remarks>
internal static class Broadcast
{
    /// <summary>The result shape of <paramref name="op"/> on <paramref name="a"/> and <paramref name="b"/>, or an <see cref="ArgumentException"/> naming both.</summary>
    public static Shape Result(string op, Shape a, Shape b)
    {
        if (a == b || IsScalar(b) || IsRowOf(b, a)) return a;
        if (IsScalar(a) || IsRowOf(a, b)) return b;
        throw new ArgumentException(
            $"{op}: shapes {a} and {b} do not broadcast. Allowed: equal shapes, an (m × n) matrix with a (1 × n) row " +
            "vector (e.g. a bias, added to every row), or either operand (1 × 1).", "right");
    }

    /// <summary><paramref name="x"/> itself when it already has <paramref name="shape"/>, else a copy repeated to it.</summary>
    public static Matrix Expand(Matrix x, Shape shape)
    {
        if (x.Shape == shape) return x;
        var y = new Matrix(shape.Rows, shape.Cols);
        if (x.Length == 1) y.Fill(x.Data[0]);
        else for (int i = 0; i < shape.Rows; i++) x.AsSpan().CopyTo(y.Row(i));
        return y;
    }

    /// <summary>Adds <paramref name="dy"/>, summed down to <paramref name="v"/>'s shape, to <paramref name="v"/>'s gradient.</summary>
    public static void AccumulateReduced(Variable v, Matrix dy, float scale = 1f)
    {
        if (!v.RequiresGrad) return;
        if (v.Shape == dy.Shape) { v.Accumulate(dy, scale); return; }
        Span<float> grad = v.GradBuffer().AsSpan();
        if (grad.Length == 1) { grad[0] += scale * TensorPrimitives.Sum(dy.AsSpan()); return; }
        for (int i = 0; i < dy.Rows; i++) TensorPrimitives.MultiplyAdd(dy.Row(i), scale, grad, grad);  // Σ over rows
    }

    private static bool IsScalar(Shape s) => s.Rows == 1 && s.Cols == 1;

    private static bool IsRowOf(Shape row, Shape matrix) => row.Rows == 1 && row.Cols == matrix.Cols;
}
