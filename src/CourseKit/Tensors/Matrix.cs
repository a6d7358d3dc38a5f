using System.Runtime.InteropServices;

namespace CourseKit.Tensors;

/// <summary>
/// A dense float32 matrix in row-major order, one example per row (m × n, as in PyTorch and Keras).
/// </summary>
/// <remarks>
/// The lecture writes activations as Z[l] with shape (n[l], m) — one example per column. CourseKit
/// stores the transpose: row i is example i. Every operation checks shapes and names the argument.
/// </remarks>
[TypeFormatterSource("CourseKit.Display.MatrixFormatterSource")]
public sealed partial class Matrix
{
    private readonly float[] _data;

    /// <summary>Creates a zero-filled matrix with <paramref name="rows"/> × <paramref name="cols"/> elements.</summary>
    public Matrix(int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        long count = (long)rows * cols;
        if (count > Array.MaxLength)
            throw new ArgumentException($"rows × cols: expected at most {Array.MaxLength} elements, actual {rows} × {cols} = {count}.", nameof(cols));
        Rows = rows;
        Cols = cols;
        _data = new float[count];
    }

    /// <summary>Wraps <paramref name="data"/> (row-major, not copied) as a <paramref name="rows"/> × <paramref name="cols"/> matrix.</summary>
    public Matrix(int rows, int cols, float[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        if ((long)rows * cols != data.Length)
            throw new ArgumentException($"data: expected {rows} × {cols} = {(long)rows * cols} elements, actual {data.Length}.", nameof(data));
        Rows = rows;
        Cols = cols;
        _data = data;
    }

    /// <summary>Number of rows (examples).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (features).</summary>
    public int Cols { get; }

    /// <summary>Rows × Cols.</summary>
    public int Length => _data.Length;

    /// <summary>The shape as a value that prints like <c>(64 × 10)</c>.</summary>
    public Shape Shape => new(Rows, Cols);

    /// <summary>Element at row <paramref name="row"/>, column <paramref name="col"/>.</summary>
    public float this[int row, int col]
    {
        get => _data[Index(row, col)];
        set => _data[Index(row, col)] = value;
    }

    /// <summary>All elements, row-major.</summary>
    public Span<float> AsSpan() => _data;

    /// <summary>One row (one example) as a span over the matrix storage.</summary>
    public Span<float> Row(int row)
    {
        if ((uint)row >= (uint)Rows)
            throw new ArgumentOutOfRangeException(nameof(row), row, $"row: expected 0 ≤ row < {Rows}, actual {row}.");
        return _data.AsSpan(row * Cols, Cols);
    }

    /// <summary>The underlying row-major array (not a copy).</summary>
    public float[] Data => _data;

    /// <summary>A deep copy.</summary>
    public Matrix Clone() => new(Rows, Cols, (float[])_data.Clone());

    /// <summary>Copies the elements into <paramref name="destination"/>, which must have the same shape.</summary>
    public void CopyTo(Matrix destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        Shape.RequireSame(destination.Shape, nameof(destination));
        _data.AsSpan().CopyTo(destination._data);
    }

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    public void Fill(float value) => _data.AsSpan().Fill(value);

    /// <summary>The elements as a jagged array of rows (for display and tests).</summary>
    public float[][] ToRowArrays()
    {
        var rows = new float[Rows][];
        for (int i = 0; i < Rows; i++) rows[i] = Row(i).ToArray();
        return rows;
    }

    /// <summary>The transpose as a new matrix.</summary>
    public Matrix Transpose()
    {
        var t = new Matrix(Cols, Rows);
        Kernels.CpuKernels.TransposeRowMajor(_data, Rows, Cols, t._data);
        return t;
    }

    /// <summary>
    /// The shape and the values as NumPy prints them: <c>Matrix (2 × 3)</c>, then <c>[[ 1.0000, -2.5000,  3.0000],</c>
    /// …; above 1000 elements only the first and last 3 rows and columns.
    /// </summary>
    public override string ToString() => MatrixText.Format(this);

    private int Index(int row, int col)
    {
        if ((uint)row >= (uint)Rows)
            throw new ArgumentOutOfRangeException(nameof(row), row, $"row: expected 0 ≤ row < {Rows}, actual {row}.");
        if ((uint)col >= (uint)Cols)
            throw new ArgumentOutOfRangeException(nameof(col), col, $"col: expected 0 ≤ col < {Cols}, actual {col}.");
        return row * Cols + col;
    }
}
