using CourseKit.Devices;

namespace CourseKit.Nn;

// BatchNorm on a device: the same fused kernels (statistics around a shift, x̂ recomputed in the backward pass),
// with γ, β, the running statistics and the batch's μ and 1/σ in device memory.
public sealed partial class BatchNorm
{
    private readonly DeviceScratch<float> _yOnDevice = new(), _dxOnDevice = new(), _meanOnDevice = new(), _invStdOnDevice = new();
    private DeviceBuffer<float>? _inputOnDevice;

    internal override bool HasDeviceImplementation => true;

    /// <inheritdoc />
    private protected override DeviceBuffer<float> OnForwardDevice(Device device, DeviceBuffer<float> x, int rows)
    {
        int n = InputFeatures;
        var y = _yOnDevice.Get(device, x.Length);
        if (Training)
        {
            device.BatchNormForwardTraining(x, rows, n, Gamma.DeviceValue, Beta.DeviceValue, Epsilon, y,
                _meanOnDevice.Get(device, n), _invStdOnDevice.Get(device, n), null,
                RunningMean.DeviceValue, RunningVariance.DeviceValue, Momentum);
            _inputOnDevice = x;
        }
        else
        {
            device.BatchNormForwardInference(x, rows, n, Gamma.DeviceValue, Beta.DeviceValue,
                RunningMean.DeviceValue, RunningVariance.DeviceValue, Epsilon, y);
            _inputOnDevice = null;
        }
        return y;
    }

    /// <inheritdoc />
    private protected override DeviceBuffer<float> OnBackwardDevice(Device device, DeviceBuffer<float> dy, int rows, bool consuming)
    {
        int n = InputFeatures;
        var x = _inputOnDevice!;
        if (dy.Length != x.Length)
            throw new ArgumentException($"dy: {Describe()} expects {x.Length} values (its forward input's shape), actual {dy.Length}.", nameof(dy));
        var dx = consuming ? dy : _dxOnDevice.Get(device, dy.Length);
        device.BatchNormBackward(dy, x, rows, n, Gamma.DeviceValue, _meanOnDevice.Get(device, n), _invStdOnDevice.Get(device, n),
            dx, Gamma.DeviceGrad, Beta.DeviceGrad);
        return dx;
    }

    /// <inheritdoc />
    private protected override void ReleaseDeviceBuffers()
    {
        foreach (var scratch in new[] { _yOnDevice, _dxOnDevice, _meanOnDevice, _invStdOnDevice }) scratch.Dispose();
        _inputOnDevice = null;
    }
}
