using CourseKit.Devices;
using CourseKit.Tensors;

namespace CourseKit.Nn;

// The device path of a layer: the same forward and backward passes on DeviceBuffers, for a model moved to a device
// with Sequential.To. Every built-in layer implements it; a learner's custom layer does not, and To says so.
public abstract partial class Layer
{
    private readonly DeviceScratch<float> _hostInput = new(), _hostGradient = new();
    private Matrix? _downloadedInput, _downloadedOutput, _downloadedGradient;

    /// <summary>The device the layer's parameters and passes live on; null on the host path (the default).</summary>
    internal Device? Placement { get; private set; }

    /// <summary>Whether this layer runs on a device (built-in layers do; a custom layer runs on the CPU only).</summary>
    internal virtual bool HasDeviceImplementation => false;

    /// <summary>Moves this layer's parameters to <paramref name="device"/> (null: the host) and frees its device buffers.</summary>
    internal virtual void MoveTo(Device? device)
    {
        var moved = new List<Parameter>();
        try
        {
            foreach (var p in _parameters)
            {
                p.MoveTo(device);
                moved.Add(p);
            }
        }
        catch
        {
            foreach (var p in moved) p.MoveTo(Placement);  // all or nothing: back where they were
            throw;
        }
        Placement = device;
        _hostInput.Dispose();
        _hostGradient.Dispose();
        ReleaseDeviceBuffers();
    }

    /// <summary>Frees the buffers the device passes reuse (the model moved).</summary>
    private protected virtual void ReleaseDeviceBuffers() { }

    /// <summary>
    /// The forward pass on the device: <paramref name="x"/> is <paramref name="rows"/> × <see cref="InputFeatures"/>
    /// and stays valid until the backward pass; the result is a buffer this layer reuses.
    /// </summary>
    internal DeviceBuffer<float> ForwardDevice(DeviceBuffer<float> x, int rows)
    {
        var device = Placement ?? throw new InvalidOperationException($"{Describe()}: not on a device.");
        if (x.Length != rows * InputFeatures)
            throw new ArgumentException($"x: {Describe()} expects {rows} × {InputFeatures} = {rows * InputFeatures} values, actual {x.Length}.", nameof(x));
        var y = OnForwardDevice(device, x, rows);
        _hasTrainingForward = Training;
        if (_observers.Length > 0)
            NotifyHooks(Download(x, rows, InputFeatures, ref _downloadedInput), Download(y, rows, OutputFeatures(InputFeatures), ref _downloadedOutput));
        return y;
    }

    /// <summary>The backward pass on the device; with <paramref name="consuming"/> the layer may write ∂J/∂(input) over <paramref name="dy"/>.</summary>
    internal DeviceBuffer<float> BackwardDevice(DeviceBuffer<float> dy, int rows, bool consuming)
    {
        RequireForwardCache();
        return OnBackwardDevice(Placement!, dy, rows, consuming);
    }

    /// <summary>Parameter gradients only (the first layer of a model needs no gradient for the data).</summary>
    internal virtual void BackwardParametersDevice(DeviceBuffer<float> dy, int rows) => BackwardDevice(dy, rows, consuming: true);

    /// <summary>The device forward computation of a built-in layer.</summary>
    private protected virtual DeviceBuffer<float> OnForwardDevice(Device device, DeviceBuffer<float> x, int rows) =>
        throw NoDeviceImplementation(device, "Forward");

    /// <summary>The device backward computation of a built-in layer.</summary>
    private protected virtual DeviceBuffer<float> OnBackwardDevice(Device device, DeviceBuffer<float> dy, int rows, bool consuming) =>
        throw NoDeviceImplementation(device, "Backward");

    /// <summary>The error for a layer that cannot run on <paramref name="device"/>, naming both.</summary>
    internal DeviceException NoDeviceImplementation(Device device, string operation) => new(device.Name, operation,
        $"{Describe()} ({GetType().FullName}) has no {device.Name} implementation: only CourseKit's built-in layers (Dense, " +
        "BatchNorm, Dropout, ReLU, leaky ReLU, tanh, sigmoid, Sequential) run on a device. Keep this model on the CPU " +
        "(the default, or model.To(Device.Cpu)), or build the layer from the built-in ones.");

    /// <summary>The Matrix API on a device: the batch goes up, the output comes back (checked on the host first).</summary>
    private Matrix ForwardThroughDevice(Matrix x)
    {
        var device = Placement!;
        CourseKit.Kernels.Guard.AllFinite(x.AsSpan(), nameof(x), x.Cols);
        var input = _hostInput.Get(device, x.Length);
        input.CopyFrom(x.AsSpan());
        using (Device.TrustInputs())
        {
            var y = ForwardDevice(input, x.Rows);
            return Download(y, x.Rows, y.Length / x.Rows, ref _downloadedOutput);
        }
    }

    /// <summary>The Matrix API's backward pass on a device: ∂J/∂(output) goes up, ∂J/∂(input) comes back.</summary>
    private Matrix BackwardThroughDevice(Matrix dy)
    {
        var device = Placement!;
        CourseKit.Kernels.Guard.AllFinite(dy.AsSpan(), nameof(dy), dy.Cols);
        var gradient = _hostGradient.Get(device, dy.Length);
        gradient.CopyFrom(dy.AsSpan());
        using (Device.TrustInputs())
        {
            var dx = BackwardDevice(gradient, dy.Rows, consuming: false);
            return Download(dx, dy.Rows, InputFeatures, ref _downloadedGradient);
        }
    }

    private static Matrix Download(DeviceBuffer<float> buffer, int rows, int cols, ref Matrix? host)
    {
        var matrix = Reuse(ref host, rows, cols);
        buffer.CopyTo(matrix.AsSpan());
        return matrix;
    }
}
