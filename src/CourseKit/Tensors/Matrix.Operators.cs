using System.Numerics.Tensors;

namespace CourseKit.Tensors;

/// <summary>Element-wise arithmetic with broadcasting, as in NumPy and PyTorch.</summary>
/// <remarks>
/// <para><c>*</c> and <c>/</c> are element-wise (NumPy's and PyTorch's <c>*</c>); the matrix product is
/// <see cref="Multiply(Matrix, Matrix, bool, bool, int)"/>.</para>
/// <para>Shapes broadcast per dimension when they are equal or one of them is 1: an m × n matrix combines with a
/// 1 × n row vector (the same row for every example: <c>(x − x.ColumnMeans()) / x.ColumnStds()</c>), with an m × 1
/// column vector, and with a scalar. Every operator returns a new matrix.</para>
/// </remarks>
public sealed partial class Matrix
{
    /// <summary>Element-wise sum, broadcasting a row vector, a column vector or a 1 × 1 matrix.</summary>
    public static Matrix operator +(Matrix left, Matrix right) => Broadcast(left, right, TensorPrimitives.Add, TensorPrimitives.Add, static (a, b) => a + b);

    /// <summary>Element-wise difference, broadcasting as <c>+</c> does.</summary>
    public static Matrix operator -(Matrix left, Matrix right) => Broadcast(left, right, TensorPrimitives.Subtract, TensorPrimitives.Subtract, static (a, b) => a - b);

    /// <summary>Element-wise (Hadamard) product, broadcasting as <c>+</c> does; the matrix product is <see cref="Multiply(Matrix, Matrix, bool, bool, int)"/>.</summary>
    public static Matrix operator *(Matrix left, Matrix right) => Broadcast(left, right, TensorPrimitives.Multiply, TensorPrimitives.Multiply, static (a, b) => a * b);

    /// <summary>Element-wise quotient, broadcasting as <c>+</c> does.</summary>
    public static Matrix operator /(Matrix left, Matrix right) => Broadcast(left, right, TensorPrimitives.Divide, TensorPrimitives.Divide, static (a, b) => a / b);

    /// <summary>x + s for every element.</summary>
    public static Matrix operator +(Matrix left, float right) => Map(left, right, TensorPrimitives.Add);

    /// <summary>s + x for every element.</summary>
    public static Matrix operator +(float left, Matrix right) => Map(right, left, TensorPrimitives.Add);

    /// <summary>x − s for every element.</summary>
    public static Matrix operator -(Matrix left, float right) => Map(left, -right, TensorPrimitives.Add);

    /// <summary>s − x for every element.</summary>
    public static Matrix operator -(float left, Matrix right) => Map(-right, left, TensorPrimitives.Add);

    /// <summary>x · s for every element.</summary>
    public static Matrix operator *(Matrix left, float right) => Map(left, right, TensorPrimitives.Multiply);

    /// <summary>s · x for every element.</summary>
    public static Matrix operator *(float left, Matrix right) => Map(right, left, TensorPrimitives.Multiply);

    /// <summary>x / s for every element.</summary>
    public static Matrix operator /(Matrix left, float right) => Map(left, right, TensorPrimitives.Divide);

    /// <summary>s / x for every element.</summary>
    public static Matrix operator /(float left, Matrix right)
    {
        ArgumentNullException.ThrowIfNull(right);
        var result = new Matrix(right.Rows, right.Cols);
        TensorPrimitives.Divide(left, right._data, result._data);
        return result;
    }

    /// <summary>x + s for every element (s in double, as the tuner and literals such as 0.5 give it, applied in float).</summary>
    public static Matrix operator +(Matrix left, double right) => left + (float)right;

    /// <summary>s + x for every element.</summary>
    public static Matrix operator +(double left, Matrix right) => (float)left + right;

    /// <summary>x − s for every element.</summary>
    public static Matrix operator -(Matrix left, double right) => left - (float)right;

    /// <summary>s − x for every element.</summary>
    public static Matrix operator -(double left, Matrix right) => (float)left - right;

    /// <summary>x · s for every element.</summary>
    public static Matrix operator *(Matrix left, double right) => left * (float)right;

    /// <summary>s · x for every element.</summary>
    public static Matrix operator *(double left, Matrix right) => (float)left * right;

    /// <summary>x / s for every element.</summary>
    public static Matrix operator /(Matrix left, double right) => left / (float)right;

    /// <summary>s / x for every element.</summary>
    public static Matrix operator /(double left, Matrix right) => (float)left / right;

    /// <summary>−x for every element.</summary>
    public static Matrix operator -(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var result = new Matrix(x.Rows, x.Cols);
        TensorPrimitives.Negate(x._data, result._data);
        return result;
    }

    private static Matrix Map(Matrix x, float s, ScalarOp op)
    {
        ArgumentNullException.ThrowIfNull(x);
        var result = new Matrix(x.Rows, x.Cols);
        op(x._data, s, result._data);
        return result;
    }

    private static Matrix Broadcast(Matrix left, Matrix right, SpanOp spans, ScalarOp withScalar, Func<float, float, float> scalar)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        int rows = BroadcastDimension(left.Rows, right.Rows, left, right, "rows");
        int cols = BroadcastDimension(left.Cols, right.Cols, left, right, "columns");
        var result = new Matrix(rows, cols);
        if (left.Shape == right.Shape)
        {
            spans(left._data, right._data, result._data);
            return result;
        }
        for (int i = 0; i < rows; i++)
        {
            Span<float> destination = result._data.AsSpan(i * cols, cols);
            ReadOnlySpan<float> a = left._data.AsSpan((left.Rows == 1 ? 0 : i) * left.Cols, left.Cols);
            ReadOnlySpan<float> b = right._data.AsSpan((right.Rows == 1 ? 0 : i) * right.Cols, right.Cols);
            if (a.Length == cols && b.Length == cols) spans(a, b, destination);
            else if (b.Length == 1 && a.Length == cols) withScalar(a, b[0], destination);
            else for (int j = 0; j < cols; j++) destination[j] = scalar(a[a.Length == 1 ? 0 : j], b[b.Length == 1 ? 0 : j]);
        }
        return result;
    }

    private static int BroadcastDimension(int a, int b, Matrix left, Matrix right, string dimension) =>
        a == b || b == 1 ? a : a == 1 ? b
            : throw new ArgumentException($"right: shapes {left.Shape} and {right.Shape} do not broadcast: expected {dimension} equal or 1, " +
                $"actual {a} and {b}.", nameof(right));

    private delegate void SpanOp(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination);

    private delegate void ScalarOp(ReadOnlySpan<float> x, float y, Span<float> destination);
}
