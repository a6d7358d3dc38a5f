using CourseKit.Devices;
using CourseKit.Kernels;

namespace CourseKit.Nn;

// Dropout on a device: the counter-based mask of pass k is the very mask the CPU draws for (seed, k), bit for bit.
public sealed partial class Dropout
{
    private readonly DeviceScratch<float> _yOnDevice = new(), _maskOnDevice = new(), _dxOnDevice = new();
    private DeviceBuffer<float>? _maskInUse;

    internal override bool HasDeviceImplementation => true;

    /// <inheritdoc />
    private protected override DeviceBuffer<float> OnForwardDevice(Device device, DeviceBuffer<float> x, int rows)
    {
        var y = _yOnDevice.Get(device, x.Length);
        if (!Training)
        {
            x.Device.CopyWithin(x, y);
            return y;
        }
        _maskInUse = _maskOnDevice.Get(device, x.Length);
        device.DropoutForward(x, KeepProb, CpuKernels.SplitMix64(_key + (ulong)Passes), _maskInUse, y);
        Passes++;
        return y;
    }

    /// <inheritdoc />
    private protected override DeviceBuffer<float> OnBackwardDevice(Device device, DeviceBuffer<float> dy, int rows, bool consuming)
    {
        var mask = _maskInUse!;
        if (dy.Length != mask.Length)
            throw new ArgumentException($"dy: {Describe()} expects {mask.Length} values (its forward output), actual {dy.Length}.", nameof(dy));
        var dx = consuming ? dy : _dxOnDevice.Get(device, dy.Length);
        device.DropoutBackward(dy, mask, dx);
        return dx;
    }

    /// <summary>Sets the mask counter back (a failed training step on a device is undone).</summary>
    internal void RestorePasses(long passes) => Passes = passes;

    /// <inheritdoc />
    private protected override void ReleaseDeviceBuffers()
    {
        foreach (var scratch in new[] { _yOnDevice, _maskOnDevice, _dxOnDevice }) scratch.Dispose();
        _maskInUse = null;
    }
}
