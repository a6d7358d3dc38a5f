using CourseKit.Devices;

namespace CourseKit.Nn;

// A model on a device, as in PyTorch: model.To(device) moves every parameter; forward, backward and the optimizer
// step then run there, and Value, Grad, Forward and Predict still hand back host matrices.
public sealed partial class Sequential
{
    /// <summary>
    /// The device the model's parameters live on and its passes run on: <see cref="Devices.Device.Cpu"/> (the host
    /// path, the default) until <see cref="To"/> moves it.
    /// </summary>
    public Device Device => Placement ?? Device.Cpu;

    /// <summary>
    /// Moves every parameter (and gradient) to <paramref name="device"/>, where the forward and backward passes, the
    /// loss, L2 and the optimizer step of <see cref="Training.Trainer"/> then run without copying activations to the
    /// host; <c>To(Device.Cpu)</c> brings the model back to the host path. Returns this model (PyTorch's <c>model.to(device)</c>).
    /// </summary>
    /// <remarks>
    /// <para>Mini-batches go up one at a time; <see cref="Layer.Forward"/>, <see cref="Predict"/> and
    /// <see cref="Parameter.Value"/> still return host matrices (copied back when asked for). An optimizer's state moves
    /// with the parameters it steps.</para>
    /// <para>Only the built-in layers run on a device; a model holding another layer is refused before anything moves.</para>
    /// </remarks>
    /// <exception cref="DeviceException">A layer without a device implementation (named with the device), or the device failed.</exception>
    /// <exception cref="DeviceOutOfMemoryException">The parameters do not fit; the model stays where it was.</exception>
    public Sequential To(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        RequireBuilt();
        var target = device.Kind == DeviceKind.Cpu ? null : device;
        if (target == Placement) return this;
        if (target is not null)
            foreach (var layer in Leaves)
                if (!layer.HasDeviceImplementation) throw layer.NoDeviceImplementation(target, nameof(To));
        MoveTo(target);
        return this;
    }

    internal override bool HasDeviceImplementation => _layers.All(l => l.HasDeviceImplementation);

    /// <inheritdoc />
    internal override void MoveTo(Device? device)
    {
        var previous = Placement;
        var moved = new List<Layer>();
        try
        {
            foreach (var layer in _layers)
            {
                layer.MoveTo(device);
                moved.Add(layer);
            }
        }
        catch
        {
            foreach (var layer in moved) layer.MoveTo(previous);
            throw;
        }
        base.MoveTo(device);
    }

    /// <inheritdoc />
    private protected override DeviceBuffer<float> OnForwardDevice(Device device, DeviceBuffer<float> x, int rows)
    {
        foreach (var layer in _layers) x = layer.ForwardDevice(x, rows);
        return x;
    }

    /// <inheritdoc />
    private protected override DeviceBuffer<float> OnBackwardDevice(Device device, DeviceBuffer<float> dOutput, int rows, bool consuming)
    {
        dOutput = _layers[^1].BackwardDevice(dOutput, rows, consuming);
        for (int i = _layers.Count - 2; i >= 0; i--) dOutput = _layers[i].BackwardDevice(dOutput, rows, consuming: true);
        return dOutput;
    }

    /// <inheritdoc />
    internal override void BackwardParametersDevice(DeviceBuffer<float> dOutput, int rows)
    {
        RequireForwardCache();
        if (_layers.Count > 1) dOutput = _layers[^1].BackwardDevice(dOutput, rows, consuming: true);
        for (int i = _layers.Count - 2; i > 0; i--) dOutput = _layers[i].BackwardDevice(dOutput, rows, consuming: true);
        _layers[0].BackwardParametersDevice(dOutput, rows);
    }

    /// <summary>The L2 cost term on the device (adding λ/m·W to each weight's gradient when <paramref name="addGradients"/>).</summary>
    internal float L2OnDevice(float lambda, int batchSize, bool addGradients)
    {
        var device = Placement!;
        float penalty = 0f;
        foreach (var p in Parameters)
        {
            if (!p.Regularized) continue;
            penalty += device.L2Penalty(p.DeviceValue, lambda, batchSize);
            if (addGradients) device.L2GradientAccumulate(p.DeviceValue, lambda, batchSize, p.DeviceGrad);
        }
        return penalty;
    }
}
