namespace CourseKit.Tensors;

public sealed partial class Matrix
{
    /// <summary>
    /// The block of rows <paramref name="rows"/> and columns <paramref name="cols"/> as a new matrix (a copy, not a
    /// view): <c>x[0..10, ..]</c> is the first ten examples, <c>x[.., ^1..]</c> the last feature. Setting copies a
    /// matrix of the block's shape into it.
    /// </summary>
    public Matrix this[Range rows, Range cols]
    {
        get
        {
            var (r0, m) = Offsets(rows, Rows, nameof(rows), "rows");
            var (c0, n) = Offsets(cols, Cols, nameof(cols), "columns");
            var block = new Matrix(m, n);
            for (int i = 0; i < m; i++) _data.AsSpan((r0 + i) * Cols + c0, n).CopyTo(block._data.AsSpan(i * n, n));
            return block;
        }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            var (r0, m) = Offsets(rows, Rows, nameof(rows), "rows");
            var (c0, n) = Offsets(cols, Cols, nameof(cols), "columns");
            new Shape(m, n).RequireSame(value.Shape, nameof(value));
            for (int i = 0; i < m; i++) value._data.AsSpan(i * n, n).CopyTo(_data.AsSpan((r0 + i) * Cols + c0, n));
        }
    }

    /// <summary>Row <paramref name="row"/>, columns <paramref name="cols"/>, as a new 1 × k matrix: <c>x[0, ..]</c> is example 0.</summary>
    public Matrix this[int row, Range cols]
    {
        get => this[RowRange(row), cols];
        set => this[RowRange(row), cols] = value;
    }

    /// <summary>Rows <paramref name="rows"/> of column <paramref name="col"/>, as a new k × 1 matrix: <c>x[.., 3]</c> is feature 3.</summary>
    public Matrix this[Range rows, int col]
    {
        get => this[rows, ColRange(col)];
        set => this[rows, ColRange(col)] = value;
    }

    /// <summary>The rows in <paramref name="rows"/> (every column), as a new matrix: <c>x.SliceRows(0..64)</c>.</summary>
    public Matrix SliceRows(Range rows) => this[rows, ..];

    /// <summary>The columns in <paramref name="cols"/> (every row), as a new matrix: <c>x.SliceCols(..2)</c>.</summary>
    public Matrix SliceCols(Range cols) => this[.., cols];

    /// <summary>Row <paramref name="row"/> as a new 1 × n matrix (<see cref="Row"/> gives a span over the storage instead).</summary>
    public Matrix RowMatrix(int row) => new(1, Cols, Row(row).ToArray());

    private Range RowRange(int row) => (uint)row < (uint)Rows ? row..(row + 1)
        : throw new ArgumentOutOfRangeException(nameof(row), row, $"row: expected 0 ≤ row < {Rows}, actual {row}.");

    private Range ColRange(int col) => (uint)col < (uint)Cols ? col..(col + 1)
        : throw new ArgumentOutOfRangeException(nameof(col), col, $"col: expected 0 ≤ col < {Cols}, actual {col}.");

    private static (int Offset, int Length) Offsets(Range range, int count, string argument, string dimension)
    {
        int start = range.Start.GetOffset(count), end = range.End.GetOffset(count);
        if (start < 0 || end > count || start > end)
            throw new ArgumentOutOfRangeException(argument, range.ToString(),
                $"{argument}: expected a range of {dimension} within 0..{count}, actual {range} (from {start} to {end}).");
        return (start, end - start);
    }
}
