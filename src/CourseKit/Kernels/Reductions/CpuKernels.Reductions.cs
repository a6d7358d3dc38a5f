using System.Numerics.Tensors;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    /// <summary>Effectively computes <c>destination[j] = Σᵢ x[i, j]</c> (e.g. db = Σ over the batch of dZ).</summary>
    public static void ColumnSums(ReadOnlySpan<float> x, int rows, int cols, Span<float> destination)
    {
        CheckMatrix(x, rows, cols, nameof(x));
        Guard.DestinationLength(destination.Length, cols, nameof(destination));
        Guard.NoOverlap(x, nameof(x), destination, nameof(destination));
        Span<float> d = destination[..cols];
        d.Clear();
        // Row by row: each step is a contiguous vector add, the fastest order for row-major data.
        for (int i = 0; i < rows; i++) TensorPrimitives.Add(d, x.Slice(i * cols, cols), d);
        if (!Finite.All(d)) Guard.ThrowNonFinite(x, nameof(x), cols);
    }

    /// <summary>Effectively computes <c>destination[j] = (1/m) Σᵢ x[i, j]</c> over the m = <paramref name="rows"/> examples.</summary>
    public static void ColumnMeans(ReadOnlySpan<float> x, int rows, int cols, Span<float> destination)
    {
        Guard.NonEmptyBatch(rows, nameof(rows));
        ColumnSums(x, rows, cols, destination);
        TensorPrimitives.Multiply(destination[..cols], 1f / rows, destination[..cols]);
    }

    /// <summary>Effectively computes <c>destination[i] = Σⱼ x[i, j]</c>.</summary>
    public static void RowSums(ReadOnlySpan<float> x, int rows, int cols, Span<float> destination)
    {
        CheckMatrix(x, rows, cols, nameof(x));
        Guard.DestinationLength(destination.Length, rows, nameof(destination));
        Guard.NoOverlap(x, nameof(x), destination, nameof(destination));
        for (int i = 0; i < rows; i++) destination[i] = TensorPrimitives.Sum(x.Slice(i * cols, cols));
        if (!Finite.All(destination[..rows])) Guard.ThrowNonFinite(x, nameof(x), cols);
    }

    /// <summary>Effectively computes <c>destination[i] = maxⱼ x[i, j]</c> (cols ≥ 1).</summary>
    public static void RowMax(ReadOnlySpan<float> x, int rows, int cols, Span<float> destination)
    {
        CheckMatrix(x, rows, cols, nameof(x));
        if (cols < 1 && rows > 0) throw new ArgumentException($"cols: expected ≥ 1 (the max of an empty row is undefined), actual {cols}.", nameof(cols));
        Guard.DestinationLength(destination.Length, rows, nameof(destination));
        Guard.NoOverlap(x, nameof(x), destination, nameof(destination));
        Guard.AllFinite(x, nameof(x), cols);
        for (int i = 0; i < rows; i++) destination[i] = TensorPrimitives.Max(x.Slice(i * cols, cols));
    }

    /// <summary>Effectively computes <c>destination[i, j] = x[i, j] + v[j]</c> — broadcasting a bias row over every example.</summary>
    public static void AddRowVector(ReadOnlySpan<float> x, int rows, int cols, ReadOnlySpan<float> v, Span<float> destination)
    {
        CheckMatrix(x, rows, cols, nameof(x));
        Guard.Length(v.Length, cols, nameof(v));
        Guard.DestinationLength(destination.Length, rows * cols, nameof(destination));
        Guard.NoPartialOverlap(x, nameof(x), destination, nameof(destination));
        Guard.NoOverlap(v, nameof(v), destination, nameof(destination));
        Guard.AllFinite(v, nameof(v));
        for (int i = 0; i < rows; i++) TensorPrimitives.Add(x.Slice(i * cols, cols), v, destination.Slice(i * cols, cols));
        if (!Finite.All(destination[..(rows * cols)])) Guard.ThrowNonFinite(x, nameof(x), cols);
    }

    private static void CheckMatrix(ReadOnlySpan<float> x, int rows, int cols, string name) => CheckMatrix(x.Length, rows, cols, name);

    internal static void CheckMatrix(int length, int rows, int cols, string name)
    {
        Guard.Dimension(rows, nameof(rows));
        Guard.Dimension(cols, nameof(cols));
        Guard.Length(length, checked(rows * cols), name, $"{rows} × {cols}");
    }
}
