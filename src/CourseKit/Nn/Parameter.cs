using CourseKit.Devices;
using CourseKit.Tensors;

namespace CourseKit.Nn;

/// <summary>
/// A named tensor a model owns: its value and, when trainable, the gradient of the cost with respect to it.
/// </summary>
/// <remarks>
/// Names are qualified by layer, like <c>dense1.W</c> or <c>bn1.gamma</c>, so optimizers key their state and
/// checkpoints their records by name. BatchNorm's running mean and variance are parameters that are not trainable:
/// they are saved and restored with the model, counted as non-trainable in the summary, and never touched by an optimizer.
/// </remarks>
public sealed class Parameter
{
    /// <summary>Creates a parameter holding <paramref name="value"/> (not copied).</summary>
    public Parameter(string name, Matrix value, bool trainable = true, bool regularized = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        Name = name;
        LocalName = name[(name.LastIndexOf('.') + 1)..];
        _value = new DeviceMirror(value);
        Trainable = trainable;
        Regularized = regularized && trainable;
        _grad = new DeviceMirror(trainable ? new Matrix(value.Rows, value.Cols) : new Matrix(0, 0));
    }

    private readonly DeviceMirror _value, _grad;

    /// <summary>Qualified name, e.g. <c>dense1.W</c> or <c>block1.bn1.gamma</c>.</summary>
    public string Name { get; }

    /// <summary>The name within its layer, e.g. <c>W</c>.</summary>
    public string LocalName { get; internal init; } = "";

    /// <summary>The current value, on the host.</summary>
    /// <remarks>When the model lives on a device (<see cref="Sequential.To"/>), reading it copies the device's newer
    /// values here first, and the next operation on the device copies this matrix back, so writing into it works as on
    /// the CPU. A reference kept from before a step shows that step's values only once <c>Value</c> is read again.</remarks>
    public Matrix Value => _value.Device is null ? _value.HostStorage : _value.Host();

    /// <summary>∂J/∂(this), filled by the backward pass; an empty matrix when not trainable. On a device, as <see cref="Value"/>.</summary>
    public Matrix Grad => _grad.Device is null ? _grad.HostStorage : _grad.Host();

    /// <summary>The device the values live on, or null on the host path (the default).</summary>
    internal Device? Device => _value.Device;

    /// <summary>The value in device memory (up to date); the caller may write it.</summary>
    internal DeviceBuffer<float> DeviceValue => _value.OnDevice();

    /// <summary>The gradient in device memory (up to date); the caller may write it.</summary>
    internal DeviceBuffer<float> DeviceGrad => _grad.OnDevice();

    /// <summary>Moves value and gradient to <paramref name="device"/> (null: back to the host path).</summary>
    internal void MoveTo(Device? device)
    {
        _value.MoveTo(device);
        try { _grad.MoveTo(device); }
        catch { _value.MoveTo(null); throw; }
    }

    /// <summary>Whether optimizers update it (false for BatchNorm's running statistics).</summary>
    public bool Trainable { get; }

    /// <summary>Whether L2 regularization ("weight decay") applies: weights yes; biases, γ and β no.</summary>
    public bool Regularized { get; }

    /// <summary>Number of scalars.</summary>
    public int Count => _value.HostStorage.Length;

    /// <inheritdoc />
    public override string ToString() => $"{Name} {_value.HostStorage.Shape}{(Trainable ? "" : " (non-trainable)")}";
}
