using CourseKit.Kernels;

namespace CourseKit.Devices;

public abstract partial class Device
{
    /// <summary>
    /// Batch Normalization backward pass (training mode), fused closed form, from the cached x̂: per feature
    /// dβⱼ = Σᵢ dy[i,j], dγⱼ = Σᵢ dy[i,j]·x̂[i,j], dx[i,j] = (γⱼ·invStdⱼ / m)·(m·dy[i,j] − dβⱼ − x̂[i,j]·dγⱼ),
    /// as <see cref="CpuKernels.BatchNormBackward(ReadOnlySpan{float}, ReadOnlySpan{float}, int, int, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, Span{float}, Span{float})"/>.
    /// </summary>
    /// <remarks><paramref name="dGamma"/> and <paramref name="dBeta"/> are overwritten; <paramref name="dx"/> may be dy or x̂ itself.</remarks>
    public void BatchNormBackward(
        DeviceBuffer<float> dy, DeviceBuffer<float> xHat, int rows, int cols, DeviceBuffer<float> gamma, DeviceBuffer<float> invStd,
        DeviceBuffer<float> dx, DeviceBuffer<float> dGamma, DeviceBuffer<float> dBeta) =>
        BatchNormBackward(dy, xHat, nameof(xHat), null, rows, cols, gamma, invStd, dx, dGamma, dBeta);

    /// <summary>
    /// The same backward pass recomputing x̂ = (x − mean)·invStd on the fly from the forward input, so the forward pass
    /// need not store x̂.
    /// </summary>
    public void BatchNormBackward(
        DeviceBuffer<float> dy, DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> gamma, DeviceBuffer<float> mean,
        DeviceBuffer<float> invStd, DeviceBuffer<float> dx, DeviceBuffer<float> dGamma, DeviceBuffer<float> dBeta)
    {
        Require(mean, nameof(mean), nameof(BatchNormBackward));
        Guard.Length(mean.Length, cols, nameof(mean));
        BatchNormBackward(dy, x, nameof(x), mean, rows, cols, gamma, invStd, dx, dGamma, dBeta);
    }

    /// <summary>The sums and dx on this device; x̂ = (b − mean)·invStd when <paramref name="mean"/> is given, else b. Valid, finite arguments.</summary>
    private protected abstract void BatchNormBackwardCore(
        DeviceBuffer<float> dy, DeviceBuffer<float> b, DeviceBuffer<float>? mean, int rows, int cols, DeviceBuffer<float> gamma,
        DeviceBuffer<float> invStd, DeviceBuffer<float> dx, DeviceBuffer<float> dGamma, DeviceBuffer<float> dBeta);

    private void BatchNormBackward(
        DeviceBuffer<float> dy, DeviceBuffer<float> b, string bName, DeviceBuffer<float>? mean, int rows, int cols,
        DeviceBuffer<float> gamma, DeviceBuffer<float> invStd, DeviceBuffer<float> dx, DeviceBuffer<float> dGamma, DeviceBuffer<float> dBeta)
    {
        const string operation = nameof(BatchNormBackward);
        foreach (var (buffer, name) in new[] { (dy, nameof(dy)), (b, bName), (gamma, nameof(gamma)), (invStd, nameof(invStd)), (dx, nameof(dx)), (dGamma, nameof(dGamma)), (dBeta, nameof(dBeta)) })
            Require(buffer, name, operation);
        CpuKernels.BatchNormMatrix(dy.Length, rows, cols, nameof(dy));
        CpuKernels.BatchNormMatrix(b.Length, rows, cols, bName);
        Guard.NonEmptyBatch(rows, nameof(rows));
        Guard.Length(gamma.Length, cols, nameof(gamma));
        Guard.Length(invStd.Length, cols, nameof(invStd));
        Guard.DestinationLength(dx.Length, dy.Length, nameof(dx));
        Guard.DestinationLength(dGamma.Length, cols, nameof(dGamma));
        Guard.DestinationLength(dBeta.Length, cols, nameof(dBeta));
        RequireFinite(gamma, nameof(gamma));
        RequireFinite(invStd, nameof(invStd));
        if (mean is not null) RequireFinite(mean, "mean");
        dx = Head(dx, dy.Length);
        dGamma = Head(dGamma, cols);
        dBeta = Head(dBeta, cols);
        NoPartialOverlap(dy, nameof(dy), dx, nameof(dx));
        NoPartialOverlap(b, bName, dx, nameof(dx));
        NoOverlap(dGamma, nameof(dGamma), dBeta, nameof(dBeta));
        NoOverlap(dx, nameof(dx), dGamma, nameof(dGamma));
        NoOverlap(dx, nameof(dx), dBeta, nameof(dBeta));
        RequireFinite(dy, nameof(dy), cols);
        RequireFinite(b, bName, cols);
        if (cols > 0) BatchNormBackwardCore(dy, b, mean, rows, cols, gamma, invStd, dx, dGamma, dBeta);
    }
}
