using CourseKit.Kernels;

namespace CourseKit.Tensors;

public sealed partial class Matrix
{
    /// <summary>Effectively computes op(<paramref name="a"/>) · op(<paramref name="b"/>) as a new matrix.</summary>
    /// <param name="a">The left factor, m × k (or k × m when <paramref name="transposeA"/>).</param>
    /// <param name="b">The right factor, k × n (or n × k when <paramref name="transposeB"/>).</param>
    /// <param name="transposeA">Use Aᵀ (e.g. Xᵀ·dZ for a weight gradient).</param>
    /// <param name="transposeB">Use Bᵀ (e.g. dZ·Wᵀ for the gradient flowing back).</param>
    /// <param name="threads">Threads for the GEMM; 1 by default.</param>
    public static Matrix Multiply(Matrix a, Matrix b, bool transposeA = false, bool transposeB = false, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int m = transposeA ? a.Cols : a.Rows;
        int n = transposeB ? b.Rows : b.Cols;
        var c = new Matrix(m, n);
        MultiplyInto(a, b, c, transposeA, transposeB, 1f, 0f, threads);
        return c;
    }

    /// <summary>Effectively computes <c>C = alpha · op(A) · op(B) + beta · C</c> in place in <paramref name="c"/>.</summary>
    public static void MultiplyInto(Matrix a, Matrix b, Matrix c, bool transposeA = false, bool transposeB = false,
        float alpha = 1f, float beta = 0f, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        int m = transposeA ? a.Cols : a.Rows, ka = transposeA ? a.Rows : a.Cols;
        int kb = transposeB ? b.Cols : b.Rows, n = transposeB ? b.Rows : b.Cols;
        if (ka != kb)
            throw new ArgumentException(
                $"b: inner dimensions must agree: op(a) is {m} × {ka}{(transposeA ? " (a transposed)" : "")}, " +
                $"op(b) is {kb} × {n}{(transposeB ? " (b transposed)" : "")}; expected op(b) to have {ka} rows, actual {kb}.", nameof(b));
        new Shape(m, n).RequireSame(c.Shape, nameof(c));
        CpuKernels.Gemm(a.AsSpan(), b.AsSpan(), c.AsSpan(), m, n, ka, transposeA, transposeB, alpha, beta, threads);
    }
}
