namespace CourseKit.Tensors;

public sealed partial class Matrix
{
    /// <summary>The mean of each column, 1 × n: effectively computes μⱼ = (1/m)·Σᵢ xᵢⱼ (a feature's mean over the examples).</summary>
    public Matrix ColumnMeans() => FromDoubles(1, Cols, ColumnMoments(unbiased: false, nameof(ColumnMeans)).Mean);

    /// <summary>
    /// The variance of each column, 1 × n: effectively computes σⱼ² = (1/m)·Σᵢ (xᵢⱼ − μⱼ)², the biased variance the
    /// lecture uses in Batch Norm; with <paramref name="unbiased"/> the divisor is m − 1 (PyTorch's default).
    /// </summary>
    public Matrix ColumnVariances(bool unbiased = false) => FromDoubles(1, Cols, ColumnMoments(unbiased, nameof(ColumnVariances)).Variance);

    /// <summary>The standard deviation of each column, 1 × n: √σⱼ² with the biased variance, or the unbiased one with <paramref name="unbiased"/>.</summary>
    public Matrix ColumnStds(bool unbiased = false) => FromDoubles(1, Cols, Array.ConvertAll(ColumnMoments(unbiased, nameof(ColumnStds)).Variance, Math.Sqrt));

    /// <summary>The sum of each column, 1 × n.</summary>
    public Matrix ColumnSums() => FromDoubles(1, Cols, ColumnTotals());

    /// <summary>The mean of each row, m × 1 (an example's mean over its features).</summary>
    public Matrix RowMeans() => FromDoubles(Rows, 1, RowMoments(unbiased: false, nameof(RowMeans)).Mean);

    /// <summary>The variance of each row, m × 1: biased (divisor n), or unbiased (n − 1) with <paramref name="unbiased"/>.</summary>
    public Matrix RowVariances(bool unbiased = false) => FromDoubles(Rows, 1, RowMoments(unbiased, nameof(RowVariances)).Variance);

    /// <summary>The standard deviation of each row, m × 1: biased, or unbiased with <paramref name="unbiased"/>.</summary>
    public Matrix RowStds(bool unbiased = false) => FromDoubles(Rows, 1, Array.ConvertAll(RowMoments(unbiased, nameof(RowStds)).Variance, Math.Sqrt));

    /// <summary>The sum of each row, m × 1.</summary>
    public Matrix RowSums()
    {
        var sums = new double[Rows];
        for (int i = 0; i < Rows; i++) foreach (float v in Row(i)) sums[i] += v;
        return FromDoubles(Rows, 1, sums);
    }

    /// <summary>The sum of every element (accumulated in double).</summary>
    public float Sum()
    {
        double sum = 0;
        foreach (float v in _data) sum += v;
        return (float)sum;
    }

    /// <summary>The mean of every element.</summary>
    public float Mean()
    {
        int n = RequireElements(nameof(Mean));
        double sum = 0;
        foreach (float v in _data) sum += v;
        return (float)(sum / n);
    }

    /// <summary>The smallest element (NaN if any element is NaN).</summary>
    public float Min()
    {
        RequireElements(nameof(Min));
        return System.Numerics.Tensors.TensorPrimitives.Min(_data);
    }

    /// <summary>The largest element (NaN if any element is NaN).</summary>
    public float Max()
    {
        RequireElements(nameof(Max));
        return System.Numerics.Tensors.TensorPrimitives.Max(_data);
    }

    private double[] ColumnTotals()
    {
        var sums = new double[Cols];
        for (int i = 0; i < Rows; i++)
        {
            ReadOnlySpan<float> row = _data.AsSpan(i * Cols, Cols);
            for (int j = 0; j < row.Length; j++) sums[j] += row[j];
        }
        return sums;
    }

    // Two passes in double: the mean, then squared deviations from it — exact enough for x ≈ 10⁴ + noise.
    private (double[] Mean, double[] Variance) ColumnMoments(bool unbiased, string operation)
    {
        int m = RequireCount(Rows, unbiased, operation, "rows");
        double[] mean = ColumnTotals(), variance = new double[Cols];
        for (int j = 0; j < Cols; j++) mean[j] /= m;
        for (int i = 0; i < m; i++)
        {
            ReadOnlySpan<float> row = _data.AsSpan(i * Cols, Cols);
            for (int j = 0; j < row.Length; j++) variance[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
        }
        for (int j = 0; j < Cols; j++) variance[j] /= unbiased ? m - 1 : m;
        return (mean, variance);
    }

    private (double[] Mean, double[] Variance) RowMoments(bool unbiased, string operation)
    {
        int n = RequireCount(Cols, unbiased, operation, "columns");
        double[] mean = new double[Rows], variance = new double[Rows];
        for (int i = 0; i < Rows; i++)
        {
            ReadOnlySpan<float> row = _data.AsSpan(i * n, n);
            foreach (float v in row) mean[i] += v;
            mean[i] /= n;
            foreach (float v in row) variance[i] += (v - mean[i]) * (v - mean[i]);
            variance[i] /= unbiased ? n - 1 : n;
        }
        return (mean, variance);
    }

    private int RequireCount(int count, bool unbiased, string operation, string dimension)
    {
        int needed = unbiased ? 2 : 1;
        if (count < needed)
            throw new InvalidOperationException($"{operation}: expected at least {needed} {dimension}{(unbiased ? " for the unbiased estimate (divisor count − 1)" : "")}, actual shape {Shape}.");
        return count;
    }

    private int RequireElements(string operation) => Length > 0 ? Length
        : throw new InvalidOperationException($"{operation}: expected at least one element, actual shape {Shape}.");

    private static Matrix FromDoubles(int rows, int cols, double[] values) => new(rows, cols, Array.ConvertAll(values, v => (float)v));
}
