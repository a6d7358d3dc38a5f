namespace CourseKit.Grading;

/// <summary>Where an element sits in an output: a scalar (<see cref="Rank"/> 0), index i of a vector (1) or row, col of a matrix (2).</summary>
public readonly record struct ElementIndex(int Rank, int Row, int Col)
{
    /// <summary>Index <paramref name="index"/> of a vector.</summary>
    public static ElementIndex Vector(int index) => new(1, 0, index);

    /// <summary>Row <paramref name="row"/>, column <paramref name="col"/> of a matrix.</summary>
    public static ElementIndex Matrix(int row, int col) => new(2, row, col);

    /// <summary>Flat index <paramref name="flat"/> of a row-major array with <paramref name="cols"/> columns (a vector when cols is -1).</summary>
    internal static ElementIndex FromFlat(int flat, int cols) =>
        cols < 0 ? Vector(flat) : cols == 0 ? Matrix(0, 0) : Matrix(flat / cols, flat % cols);

    /// <summary>Prints as <c>row 0, col 2</c>, <c>index 3</c> or <c>the value</c>.</summary>
    public override string ToString() => Rank switch
    {
        0 => "the value",
        1 => $"index {Col}",
        _ => $"row {Row}, col {Col}",
    };
}
