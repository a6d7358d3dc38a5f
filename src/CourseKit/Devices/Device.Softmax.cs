using CourseKit.Kernels;

namespace CourseKit.Devices;

public abstract partial class Device
{
    /// <summary>
    /// Effectively computes, for every row i of the <paramref name="rows"/> × <paramref name="cols"/> logits
    /// <paramref name="z"/>, <c>destination[i, j] = exp(z[i, j] − max_k z[i, k]) / Σ_k exp(z[i, k] − max_k z[i, k])</c>,
    /// as <see cref="CpuKernels.Softmax"/>: logits like ±1000 stay finite; <paramref name="destination"/> may be z itself.
    /// </summary>
    public void Softmax(DeviceBuffer<float> z, int rows, int cols, DeviceBuffer<float> destination) =>
        RowMap(RowOp.Softmax, z, rows, cols, destination, nameof(Softmax));

    /// <summary>
    /// Effectively computes <c>destination[i, j] = (z[i, j] − m_i) − log Σ_k exp(z[i, k] − m_i)</c> with
    /// <c>m_i = max_k z[i, k]</c>: log-softmax without taking log of a probability rounded to 0.
    /// </summary>
    public void LogSoftmax(DeviceBuffer<float> z, int rows, int cols, DeviceBuffer<float> destination) =>
        RowMap(RowOp.LogSoftmax, z, rows, cols, destination, nameof(LogSoftmax));

    /// <summary>Effectively computes the one-hot rows <c>destination[i, j] = 1 if j = argmax_k z[i, k] else 0</c> (ties → lowest index).</summary>
    public void Hardmax(DeviceBuffer<float> z, int rows, int cols, DeviceBuffer<float> destination) =>
        RowMap(RowOp.Hardmax, z, rows, cols, destination, nameof(Hardmax));

    /// <summary>Effectively computes <c>destination[i] = argmax_j z[i, j]</c> (ties → lowest index): each example's predicted class.</summary>
    public void ArgMax(DeviceBuffer<float> z, int rows, int cols, DeviceBuffer<int> destination)
    {
        Require(z, nameof(z), nameof(ArgMax));
        Require(destination, nameof(destination), nameof(ArgMax));
        CpuKernels.CheckRowsOfClasses(z.Length, rows, cols, nameof(z));
        Guard.DestinationLength(destination.Length, rows, nameof(destination));
        RequireFinite(z, nameof(z), cols);
        if (rows > 0) ArgMaxCore(z, rows, cols, destination);
    }

    /// <summary>Applies <paramref name="op"/> to every row; rows, cols ≥ 1, z finite.</summary>
    private protected abstract void RowMapCore(RowOp op, DeviceBuffer<float> z, int rows, int cols, DeviceBuffer<float> destination);

    /// <summary>destination[i] = argmax of row i; rows, cols ≥ 1, z finite.</summary>
    private protected abstract void ArgMaxCore(DeviceBuffer<float> z, int rows, int cols, DeviceBuffer<int> destination);

    private void RowMap(RowOp op, DeviceBuffer<float> z, int rows, int cols, DeviceBuffer<float> destination, string operation)
    {
        Require(z, nameof(z), operation);
        Require(destination, nameof(destination), operation);
        CpuKernels.CheckRowsOfClasses(z.Length, rows, cols, nameof(z));
        Guard.DestinationLength(destination.Length, z.Length, nameof(destination));
        NoPartialOverlap(z, nameof(z), destination, nameof(destination));
        RequireFinite(z, nameof(z), cols);
        if (rows > 0) RowMapCore(op, z, rows, cols, destination);
    }
}
