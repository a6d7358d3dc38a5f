namespace CourseKit.Tensors;

public sealed partial class Matrix
{
    /// <summary>A zero-filled matrix.</summary>
    public static Matrix Zeros(int rows, int cols) => new(rows, cols);

    /// <summary>A matrix with every element equal to <paramref name="value"/>.</summary>
    public static Matrix Full(int rows, int cols, float value)
    {
        var m = new Matrix(rows, cols);
        m.Fill(value);
        return m;
    }

    /// <summary>Builds a matrix from rows of equal length (copied).</summary>
    public static Matrix FromRows(params float[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int cols = rows.Length == 0 ? 0 : rows[0].Length;
        var m = new Matrix(rows.Length, cols);
        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i] is null || rows[i].Length != cols)
                throw new ArgumentException($"rows[{i}]: expected length {cols} (the length of rows[0]), actual {rows[i]?.Length.ToString() ?? "null"}.", nameof(rows));
            rows[i].CopyTo(m.Row(i));
        }
        return m;
    }

    /// <summary>A single row (1 × n) holding <paramref name="values"/> (copied).</summary>
    public static Matrix RowVector(params float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new Matrix(1, values.Length, (float[])values.Clone());
    }

    /// <summary>Samples every element from N(<paramref name="mean"/>, <paramref name="std"/>²) with a seeded generator.</summary>
    /// <remarks>Box–Muller on <see cref="Random"/>(seed): the same seed gives the same matrix on every machine.</remarks>
    public static Matrix RandomNormal(int rows, int cols, int seed, float mean = 0f, float std = 1f)
    {
        if (!(std >= 0f) || !float.IsFinite(std))
            throw new ArgumentOutOfRangeException(nameof(std), std, $"std: expected a finite value ≥ 0, actual {std}.");
        var m = new Matrix(rows, cols);
        var rng = new Random(seed);
        Span<float> data = m.AsSpan();
        for (int i = 0; i < data.Length; i += 2)
        {
            double u1 = 1.0 - rng.NextDouble(); // (0, 1]: log stays finite
            double u2 = rng.NextDouble();
            double r = Math.Sqrt(-2.0 * Math.Log(u1));
            data[i] = mean + std * (float)(r * Math.Cos(2 * Math.PI * u2));
            if (i + 1 < data.Length) data[i + 1] = mean + std * (float)(r * Math.Sin(2 * Math.PI * u2));
        }
        return m;
    }

    /// <summary>Samples every element uniformly from [<paramref name="low"/>, <paramref name="high"/>) with a seeded generator.</summary>
    public static Matrix RandomUniform(int rows, int cols, int seed, float low = 0f, float high = 1f)
    {
        if (!(low < high) || !float.IsFinite(low) || !float.IsFinite(high))
            throw new ArgumentException($"low, high: expected finite low < high, actual low = {low}, high = {high}.", nameof(high));
        var m = new Matrix(rows, cols);
        var rng = new Random(seed);
        Span<float> data = m.AsSpan();
        for (int i = 0; i < data.Length; i++) data[i] = low + (high - low) * (float)rng.NextDouble();
        return m;
    }
}
