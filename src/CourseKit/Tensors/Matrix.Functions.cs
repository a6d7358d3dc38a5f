using CourseKit.Kernels;

namespace CourseKit.Tensors;

/// <summary>
/// Matrix-level forms of the kernels for notebook code: each returns a new matrix and checks shapes, so a cell reads
/// like the lecture (<c>z.Softmax()</c>) instead of span plumbing.
/// </summary>
public static class MatrixFunctions
{
    /// <summary>Row-wise softmax (each row is one example's logits).</summary>
    public static Matrix Softmax(this Matrix z) => Map(z, (x, d) => CpuKernels.Softmax(x, z.Rows, z.Cols, d));

    /// <summary>Row-wise log-softmax.</summary>
    public static Matrix LogSoftmax(this Matrix z) => Map(z, (x, d) => CpuKernels.LogSoftmax(x, z.Rows, z.Cols, d));

    /// <summary>Row-wise hardmax: 1 at each row's largest entry (the first on ties), 0 elsewhere.</summary>
    public static Matrix Hardmax(this Matrix z) => Map(z, (x, d) => CpuKernels.Hardmax(x, z.Rows, z.Cols, d));

    /// <summary>The column index of each row's largest entry.</summary>
    public static int[] ArgMax(this Matrix z)
    {
        ArgumentNullException.ThrowIfNull(z);
        var result = new int[z.Rows];
        CpuKernels.ArgMax(z.AsSpan(), z.Rows, z.Cols, result);
        return result;
    }

    /// <summary>Element-wise σ(x).</summary>
    public static Matrix Sigmoid(this Matrix x) => Map(x, (s, d) => CpuKernels.Sigmoid(s, d));

    /// <summary>Element-wise tanh.</summary>
    public static Matrix Tanh(this Matrix x) => Map(x, (s, d) => CpuKernels.Tanh(s, d));

    /// <summary>Element-wise max(x, 0).</summary>
    public static Matrix Relu(this Matrix x) => Map(x, (s, d) => CpuKernels.Relu(s, d));

    /// <summary>a + b, element-wise (same shape).</summary>
    public static Matrix Add(this Matrix a, Matrix b) => Zip(a, b, System.Numerics.Tensors.TensorPrimitives.Add);

    /// <summary>a − b, element-wise (same shape).</summary>
    public static Matrix Subtract(this Matrix a, Matrix b) => Zip(a, b, System.Numerics.Tensors.TensorPrimitives.Subtract);

    /// <summary>a ⊙ b, element-wise (same shape).</summary>
    public static Matrix Hadamard(this Matrix a, Matrix b) => Zip(a, b, System.Numerics.Tensors.TensorPrimitives.Multiply);

    /// <summary>s · a.</summary>
    public static Matrix Scale(this Matrix a, float s)
    {
        ArgumentNullException.ThrowIfNull(a);
        var result = new Matrix(a.Rows, a.Cols);
        System.Numerics.Tensors.TensorPrimitives.Multiply(a.AsSpan(), s, result.AsSpan());
        return result;
    }

    /// <summary>The largest |a − b| over all elements (same shape): how far two results are apart.</summary>
    public static float MaxAbsDifference(this Matrix a, Matrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        a.Shape.RequireSame(b.Shape, nameof(b));
        float max = 0f;
        for (int i = 0; i < a.Length; i++) max = MathF.Max(max, MathF.Abs(a.Data[i] - b.Data[i]));
        return max;
    }

    private static Matrix Map(Matrix x, SpanAction f)
    {
        ArgumentNullException.ThrowIfNull(x);
        var result = new Matrix(x.Rows, x.Cols);
        f(x.AsSpan(), result.AsSpan());
        return result;
    }

    private static Matrix Zip(Matrix a, Matrix b, SpanBinary f)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        a.Shape.RequireSame(b.Shape, nameof(b));
        var result = new Matrix(a.Rows, a.Cols);
        f(a.AsSpan(), b.AsSpan(), result.AsSpan());
        return result;
    }

    private delegate void SpanAction(ReadOnlySpan<float> source, Span<float> destination);

    private delegate void SpanBinary(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination);
}
