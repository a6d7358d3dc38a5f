using CourseKit.Devices;

namespace CourseKit.Nn;

// An activation on a device: the element-wise kernel forward, its derivative backward (written over dA when the
// gradient is the model's own scratch). A learner's own Activation subclass has no device kernel and says so.
public abstract partial class Activation
{
    private readonly DeviceScratch<float> _outputOnDevice = new(), _dzOnDevice = new();
    private DeviceBuffer<float>? _cacheOnDevice;

    /// <summary>y = g(x) on the device.</summary>
    private protected virtual void ApplyOnDevice(Device device, DeviceBuffer<float> x, DeviceBuffer<float> y) =>
        throw NoDeviceImplementation(device, "Forward");

    /// <summary>dZ from dA and the cached z or a on the device.</summary>
    private protected virtual void ApplyBackwardOnDevice(Device device, DeviceBuffer<float> cache, DeviceBuffer<float> dA, DeviceBuffer<float> dZ) =>
        throw NoDeviceImplementation(device, "Backward");

    /// <inheritdoc />
    private protected override DeviceBuffer<float> OnForwardDevice(Device device, DeviceBuffer<float> x, int rows)
    {
        var y = _outputOnDevice.Get(device, x.Length);
        ApplyOnDevice(device, x, y);
        _cacheOnDevice = Training ? (BackwardUsesOutput ? y : x) : null;
        return y;
    }

    /// <inheritdoc />
    private protected override DeviceBuffer<float> OnBackwardDevice(Device device, DeviceBuffer<float> dA, int rows, bool consuming)
    {
        var cache = _cacheOnDevice!;
        if (dA.Length != cache.Length)
            throw new ArgumentException($"dA: {Describe()} expects {cache.Length} values (its forward output), actual {dA.Length}.", nameof(dA));
        var dz = consuming ? dA : _dzOnDevice.Get(device, dA.Length);
        ApplyBackwardOnDevice(device, cache, dA, dz);
        return dz;
    }

    /// <inheritdoc />
    private protected override void ReleaseDeviceBuffers()
    {
        _outputOnDevice.Dispose();
        _dzOnDevice.Dispose();
        _cacheOnDevice = null;
    }
}
