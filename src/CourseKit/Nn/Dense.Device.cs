using CourseKit.Devices;

namespace CourseKit.Nn;

// Dense on a device: Z = X·W + b, dW = Xᵀ·dZ, db = Σ dZ, dX = dZ·Wᵀ, with W, b and their gradients in device memory.
public sealed partial class Dense
{
    private readonly DeviceScratch<float> _zOnDevice = new(), _dxOnDevice = new();
    private DeviceBuffer<float>? _inputOnDevice;

    internal override bool HasDeviceImplementation => true;

    /// <inheritdoc />
    private protected override DeviceBuffer<float> OnForwardDevice(Device device, DeviceBuffer<float> x, int rows)
    {
        var z = _zOnDevice.Get(device, rows * Units);
        device.GemmUnchecked(x, W.DeviceValue, z, rows, Units, InputFeatures);
        if (_b is not null) device.AddRowVector(z, rows, Units, _b.DeviceValue, z);
        _inputOnDevice = Training ? x : null;
        return z;
    }

    /// <inheritdoc />
    private protected override DeviceBuffer<float> OnBackwardDevice(Device device, DeviceBuffer<float> dz, int rows, bool consuming)
    {
        BackwardParametersDevice(dz, rows);
        var dx = _dxOnDevice.Get(device, rows * InputFeatures);
        device.GemmUnchecked(dz, W.DeviceValue, dx, rows, InputFeatures, Units, transposeB: true);
        return dx;
    }

    /// <inheritdoc />
    internal override void BackwardParametersDevice(DeviceBuffer<float> dz, int rows)
    {
        RequireForwardCache();
        var x = _inputOnDevice!;
        if (dz.Length != rows * Units || x.Length != rows * InputFeatures)
            throw new ArgumentException($"dz: {Describe()} expects {rows} × {Units} values for a batch of {x.Length / InputFeatures}, actual {dz.Length}.", nameof(dz));
        var device = Placement!;
        device.GemmUnchecked(x, dz, W.DeviceGrad, InputFeatures, Units, rows, transposeA: true);
        if (_b is not null) device.ColumnSums(dz, rows, Units, _b.DeviceGrad);
    }

    /// <inheritdoc />
    private protected override void ReleaseDeviceBuffers()
    {
        _zOnDevice.Dispose();
        _dxOnDevice.Dispose();
        _inputOnDevice = null;
    }
}
