using CourseKit.Kernels;

namespace CourseKit.Devices;

public abstract partial class Device
{
    /// <summary>Effectively computes <c>destination[i] = max(x[i], 0)</c>; in place when both are the same buffer.</summary>
    public void Relu(DeviceBuffer<float> x, DeviceBuffer<float> destination) => Unary(ElementwiseOp.Relu, x, destination, 0f, nameof(Relu));

    /// <summary>Effectively computes <c>dZ[i] = dA[i] · (z[i] &gt; 0 ? 1 : 0)</c> (the subgradient at 0 is 0, as in PyTorch).</summary>
    public void ReluBackward(DeviceBuffer<float> z, DeviceBuffer<float> dA, DeviceBuffer<float> dZ) =>
        Binary(ElementwiseOp.ReluBackward, z, dA, dZ, 0f, nameof(ReluBackward), nameof(z), nameof(dA), nameof(dZ));

    /// <summary>Effectively computes <c>destination[i] = x[i] &gt; 0 ? x[i] : slope · x[i]</c>, slope in [0, 1).</summary>
    public void LeakyRelu(DeviceBuffer<float> x, float slope, DeviceBuffer<float> destination)
    {
        Guard.InRange(slope, 0f, 1f, nameof(slope), highInclusive: false);
        Unary(ElementwiseOp.LeakyRelu, x, destination, slope, nameof(LeakyRelu));
    }

    /// <summary>Effectively computes <c>dZ[i] = dA[i] · (z[i] &gt; 0 ? 1 : slope)</c>.</summary>
    public void LeakyReluBackward(DeviceBuffer<float> z, DeviceBuffer<float> dA, float slope, DeviceBuffer<float> dZ)
    {
        Guard.InRange(slope, 0f, 1f, nameof(slope), highInclusive: false);
        Binary(ElementwiseOp.LeakyReluBackward, z, dA, dZ, slope, nameof(LeakyReluBackward), nameof(z), nameof(dA), nameof(dZ));
    }

    /// <summary>Effectively computes <c>destination[i] = tanh(x[i])</c>.</summary>
    public void Tanh(DeviceBuffer<float> x, DeviceBuffer<float> destination) => Unary(ElementwiseOp.Tanh, x, destination, 0f, nameof(Tanh));

    /// <summary>Effectively computes <c>dZ[i] = dA[i] · (1 − a[i]²)</c>, where a = tanh(z) is the forward output.</summary>
    public void TanhBackward(DeviceBuffer<float> a, DeviceBuffer<float> dA, DeviceBuffer<float> dZ) =>
        Binary(ElementwiseOp.TanhBackward, a, dA, dZ, 0f, nameof(TanhBackward), nameof(a), nameof(dA), nameof(dZ));

    /// <summary>Effectively computes <c>destination[i] = σ(x[i]) = 1 / (1 + e^(−x[i]))</c>.</summary>
    public void Sigmoid(DeviceBuffer<float> x, DeviceBuffer<float> destination) => Unary(ElementwiseOp.Sigmoid, x, destination, 0f, nameof(Sigmoid));

    /// <summary>Effectively computes <c>dZ[i] = dA[i] · a[i] · (1 − a[i])</c>, where a = σ(z) is the forward output.</summary>
    public void SigmoidBackward(DeviceBuffer<float> a, DeviceBuffer<float> dA, DeviceBuffer<float> dZ) =>
        Binary(ElementwiseOp.SigmoidBackward, a, dA, dZ, 0f, nameof(SigmoidBackward), nameof(a), nameof(dA), nameof(dZ));

    /// <summary>Applies <paramref name="op"/> to the first x.Length elements; arguments are valid.</summary>
    private protected abstract void ElementwiseCore(ElementwiseOp op, DeviceBuffer<float> x, DeviceBuffer<float>? y,
        DeviceBuffer<float> destination, float parameter);

    private void Unary(ElementwiseOp op, DeviceBuffer<float> x, DeviceBuffer<float> destination, float parameter, string operation)
    {
        Require(x, nameof(x), operation);
        Require(destination, nameof(destination), operation);
        Guard.DestinationLength(destination.Length, x.Length, nameof(destination));
        NoPartialOverlap(x, nameof(x), destination, nameof(destination));
        RequireFinite(x, nameof(x));
        Launching(operation);
        if (x.Length > 0) ElementwiseCore(op, x, null, destination, parameter);
    }

    private void Binary(ElementwiseOp op, DeviceBuffer<float> x, DeviceBuffer<float> y, DeviceBuffer<float> destination, float parameter,
        string operation, string xName, string yName, string destinationName)
    {
        Require(x, xName, operation);
        Require(y, yName, operation);
        Require(destination, destinationName, operation);
        Guard.Length(y.Length, x.Length, yName);
        Guard.DestinationLength(destination.Length, x.Length, destinationName);
        NoPartialOverlap(x, xName, destination, destinationName);
        NoPartialOverlap(y, yName, destination, destinationName);
        RequireFinite(x, xName);
        RequireFinite(y, yName);
        Launching(operation);
        if (x.Length > 0) ElementwiseCore(op, x, y, destination, parameter);
    }
}
