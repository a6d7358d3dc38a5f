using CourseKit.Kernels;

namespace CourseKit.Devices;

public abstract partial class Device
{
    /// <summary>Effectively computes <c>destination[j] = Σᵢ x[i, j]</c> (e.g. db = Σ over the batch of dZ).</summary>
    public void ColumnSums(DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> destination) =>
        ColumnReduction(x, rows, cols, destination, 1f, nameof(ColumnSums));

    /// <summary>Effectively computes <c>destination[j] = (1/m) Σᵢ x[i, j]</c> over the m = <paramref name="rows"/> examples.</summary>
    public void ColumnMeans(DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> destination)
    {
        Guard.NonEmptyBatch(rows, nameof(rows));
        ColumnReduction(x, rows, cols, destination, 1f / rows, nameof(ColumnMeans));
    }

    /// <summary>Effectively computes <c>destination[i] = Σⱼ x[i, j]</c>.</summary>
    public void RowSums(DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> destination) =>
        RowReduction(x, rows, cols, destination, max: false, nameof(RowSums));

    /// <summary>Effectively computes <c>destination[i] = maxⱼ x[i, j]</c> (cols ≥ 1).</summary>
    public void RowMax(DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> destination)
    {
        if (cols < 1 && rows > 0) throw new ArgumentException($"cols: expected ≥ 1 (the max of an empty row is undefined), actual {cols}.", nameof(cols));
        RowReduction(x, rows, cols, destination, max: true, nameof(RowMax));
    }

    /// <summary>Effectively computes <c>destination[i, j] = x[i, j] + v[j]</c> — a bias row broadcast over every example.</summary>
    public void AddRowVector(DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> v, DeviceBuffer<float> destination)
    {
        Require(x, nameof(x), nameof(AddRowVector));
        Require(v, nameof(v), nameof(AddRowVector));
        Require(destination, nameof(destination), nameof(AddRowVector));
        CpuKernels.CheckMatrix(x.Length, rows, cols, nameof(x));
        Guard.Length(v.Length, cols, nameof(v));
        Guard.DestinationLength(destination.Length, rows * cols, nameof(destination));
        NoPartialOverlap(x, nameof(x), destination, nameof(destination));
        NoOverlap(v, nameof(v), destination, nameof(destination));
        RequireFinite(v, nameof(v));
        RequireFinite(x, nameof(x), cols);
        if (x.Length > 0) AddRowVectorCore(x, rows, cols, v, destination);
    }

    /// <summary>destination[j] = scale · Σᵢ x[i, j] for the first cols elements; rows, cols ≥ 0.</summary>
    private protected abstract void ColumnSumsCore(DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> destination, float scale);

    /// <summary>destination[i] = Σⱼ or maxⱼ x[i, j] for the first rows elements; rows ≥ 1, cols ≥ 1 for max.</summary>
    private protected abstract void RowReductionCore(DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> destination, bool max);

    /// <summary>destination[i, j] = x[i, j] + v[j]; rows, cols ≥ 1.</summary>
    private protected abstract void AddRowVectorCore(DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> v, DeviceBuffer<float> destination);

    private void ColumnReduction(DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> destination, float scale, string operation)
    {
        Require(x, nameof(x), operation);
        Require(destination, nameof(destination), operation);
        CpuKernels.CheckMatrix(x.Length, rows, cols, nameof(x));
        Guard.DestinationLength(destination.Length, cols, nameof(destination));
        NoOverlap(x, nameof(x), destination, nameof(destination));
        RequireFinite(x, nameof(x), cols);
        if (cols > 0) ColumnSumsCore(x, rows, cols, destination, scale);
    }

    private void RowReduction(DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> destination, bool max, string operation)
    {
        Require(x, nameof(x), operation);
        Require(destination, nameof(destination), operation);
        CpuKernels.CheckMatrix(x.Length, rows, cols, nameof(x));
        Guard.DestinationLength(destination.Length, rows, nameof(destination));
        NoOverlap(x, nameof(x), destination, nameof(destination));
        RequireFinite(x, nameof(x), cols);
        if (rows > 0) RowReductionCore(x, rows, cols, destination, max);
    }
}
