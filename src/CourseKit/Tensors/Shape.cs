namespace CourseKit.Tensors;

/// <summary>A matrix shape (rows × columns) that prints as <c>(rows × cols)</c> in error messages.</summary>
public readonly record struct Shape(int Rows, int Cols)
{
    /// <inheritdoc />
    public override string ToString() => $"({Rows} × {Cols})";

    /// <summary>Throws an <see cref="ArgumentException"/> naming <paramref name="argument"/> when <paramref name="actual"/> differs from this shape.</summary>
    public void RequireSame(Shape actual, string argument)
    {
        if (actual != this)
            throw new ArgumentException($"{argument}: expected shape {this}, actual {actual}.", argument);
    }
}
