using CourseKit.Devices;
using CourseKit.Kernels.Reference;
using CourseKit.Tensors;
using CourseKit.Kernels;

namespace CourseKit.Nn;

/// <summary>The shared shape of an element-wise activation: output has the input's shape, no parameters.</summary>
public abstract partial class Activation : Layer, IDoublePrecisionLayer
{
    private Matrix? _output, _dx;
    private double[]? _cacheDouble;

    /// <summary>The matrix the backward pass needs (the input z, or the output a), kept from the last forward.</summary>
    protected Matrix? Cache { get; set; }

    /// <summary>An activation named <paramref name="name"/>, or kind + count by its model when null.</summary>
    protected Activation(string? name) : base(name) { }

    /// <summary>Applies the activation to <paramref name="x"/>, writing <paramref name="y"/>.</summary>
    protected abstract void Apply(ReadOnlySpan<float> x, Span<float> y);

    /// <summary>dZ from dA and the cached matrix.</summary>
    protected abstract void ApplyBackward(ReadOnlySpan<float> cache, ReadOnlySpan<float> dA, Span<float> dZ);

    /// <summary>Whether the backward pass uses the output a (tanh, sigmoid) rather than the input z (ReLU).</summary>
    protected abstract bool BackwardUsesOutput { get; }

    /// <summary>Reference forward on doubles.</summary>
    protected abstract double[] ApplyDouble(double[] x);

    /// <summary>Reference backward on doubles.</summary>
    protected abstract double[] ApplyBackwardDouble(double[] cache, double[] dA);

    /// <inheritdoc />
    protected override Matrix OnForward(Matrix x)
    {
        var y = Reuse(ref _output, x.Rows, x.Cols);
        Apply(x.AsSpan(), y.AsSpan());
        Cache = Training ? (BackwardUsesOutput ? y : x) : null;
        return y;
    }

    /// <inheritdoc />
    protected override Matrix OnBackward(Matrix dA)
    {
        Cache!.Shape.RequireSame(dA.Shape, nameof(dA));
        var dz = Reuse(ref _dx, dA.Rows, dA.Cols);
        ApplyBackward(Cache.AsSpan(), dA.AsSpan(), dz.AsSpan());
        return dz;
    }

    /// <summary>
    /// Writes dZ over dA when dA is the model's scratch gradient, as on a device: one buffer fewer for the caches to
    /// hold during the backward pass. Only the built-in activations, whose kernels are element-wise and allow the
    /// destination to be an input; a subclass's <see cref="ApplyBackward"/> keeps its own output buffer.
    /// </summary>
    internal override Matrix BackwardConsuming(Matrix dA)
    {
        if (!BackwardInPlace || Placement is not null) return BackwardShared(dA);
        RequireForwardCache();
        Cache!.Shape.RequireSame(dA.Shape, nameof(dA));
        ApplyBackward(Cache.AsSpan(), dA.AsSpan(), dA.AsSpan());
        return dA;
    }

    /// <summary>Whether <see cref="ApplyBackward"/> may write dZ over dA (true for the built-in element-wise kernels).</summary>
    private protected virtual bool BackwardInPlace => false;

    /// <inheritdoc />
    public double[] ForwardDouble(double[] x, int rows, IReadOnlyDictionary<string, double[]> parameters)
    {
        var y = ApplyDouble(x);
        _cacheDouble = BackwardUsesOutput ? y : x;
        return y;
    }

    /// <inheritdoc />
    public double[] BackwardDouble(double[] dy, int rows, IDictionary<string, double[]> gradients) =>
        ApplyBackwardDouble(_cacheDouble ?? throw new InvalidOperationException($"{Describe()}: BackwardDouble needs ForwardDouble first."), dy);
}

/// <summary>ReLU: g(z) = max(0, z).</summary>
/// <param name="name">The layer's name; relu1, relu2, … (given by its model) when null.</param>
public sealed class Relu(string? name = null) : Activation(name)
{
    /// <inheritdoc />
    public override string Kind => "relu";
    /// <inheritdoc />
    protected override bool BackwardUsesOutput => false;
    // The layer's own kernels: one pass forward (y is this layer's buffer), and backward no second scan of z, which
    // the forward pass checked (see CpuKernels.ReluLayerForward).
    /// <inheritdoc />
    protected override void Apply(ReadOnlySpan<float> x, Span<float> y) => CpuKernels.ReluLayerForward(x, y, rowLength: 0);
    /// <inheritdoc />
    protected override void ApplyBackward(ReadOnlySpan<float> z, ReadOnlySpan<float> dA, Span<float> dZ) => CpuKernels.ReluLayerBackward(z, dA, dZ, rowLength: 0);
    /// <inheritdoc />
    protected override double[] ApplyDouble(double[] x) => ReferenceKernels.Relu(x);
    /// <inheritdoc />
    protected override double[] ApplyBackwardDouble(double[] z, double[] dA) => ReferenceKernels.ReluBackward(z, dA);
    internal override bool HasDeviceImplementation => true;
    private protected override bool BackwardInPlace => true;
    private protected override void ApplyOnDevice(Device device, DeviceBuffer<float> x, DeviceBuffer<float> y) => device.Relu(x, y);
    private protected override void ApplyBackwardOnDevice(Device device, DeviceBuffer<float> cache, DeviceBuffer<float> dA, DeviceBuffer<float> dZ) =>
        device.ReluBackward(cache, dA, dZ);
}

/// <summary>Leaky ReLU: g(z) = z for z &gt; 0, slope·z otherwise.</summary>
/// <param name="slope">The slope for negative inputs, in [0, 1).</param>
/// <param name="name">The layer's name; leaky_relu1, … (given by its model) when null.</param>
public sealed class LeakyRelu(double slope = 0.01, string? name = null) : Activation(name)
{
    /// <summary>The slope for negative inputs.</summary>
    public float Slope { get; } = ScalarArguments.UnitInterval(slope, nameof(slope));
    /// <inheritdoc />
    public override string Kind => "leaky_relu";
    /// <inheritdoc />
    protected override bool BackwardUsesOutput => false;
    /// <inheritdoc />
    protected override void Apply(ReadOnlySpan<float> x, Span<float> y) => CpuKernels.LeakyRelu(x, Slope, y);
    /// <inheritdoc />
    protected override void ApplyBackward(ReadOnlySpan<float> z, ReadOnlySpan<float> dA, Span<float> dZ) => CpuKernels.LeakyReluBackward(z, dA, Slope, dZ);
    /// <inheritdoc />
    protected override double[] ApplyDouble(double[] x) => ReferenceKernels.LeakyRelu(x, Slope);
    /// <inheritdoc />
    protected override double[] ApplyBackwardDouble(double[] z, double[] dA) => ReferenceKernels.LeakyReluBackward(z, dA, Slope);
    internal override bool HasDeviceImplementation => true;
    private protected override bool BackwardInPlace => true;
    private protected override void ApplyOnDevice(Device device, DeviceBuffer<float> x, DeviceBuffer<float> y) => device.LeakyRelu(x, Slope, y);
    private protected override void ApplyBackwardOnDevice(Device device, DeviceBuffer<float> cache, DeviceBuffer<float> dA, DeviceBuffer<float> dZ) =>
        device.LeakyReluBackward(cache, dA, Slope, dZ);
}

/// <summary>tanh activation.</summary>
/// <param name="name">The layer's name; tanh1, tanh2, … (given by its model) when null.</param>
public sealed class Tanh(string? name = null) : Activation(name)
{
    /// <inheritdoc />
    public override string Kind => "tanh";
    /// <inheritdoc />
    protected override bool BackwardUsesOutput => true;
    /// <inheritdoc />
    protected override void Apply(ReadOnlySpan<float> x, Span<float> y) => CpuKernels.Tanh(x, y);
    /// <inheritdoc />
    protected override void ApplyBackward(ReadOnlySpan<float> a, ReadOnlySpan<float> dA, Span<float> dZ) => CpuKernels.TanhBackward(a, dA, dZ);
    /// <inheritdoc />
    protected override double[] ApplyDouble(double[] x) => ReferenceKernels.Tanh(x);
    /// <inheritdoc />
    protected override double[] ApplyBackwardDouble(double[] a, double[] dA) => ReferenceKernels.TanhBackward(a, dA);
    internal override bool HasDeviceImplementation => true;
    private protected override bool BackwardInPlace => true;
    private protected override void ApplyOnDevice(Device device, DeviceBuffer<float> x, DeviceBuffer<float> y) => device.Tanh(x, y);
    private protected override void ApplyBackwardOnDevice(Device device, DeviceBuffer<float> cache, DeviceBuffer<float> dA, DeviceBuffer<float> dZ) =>
        device.TanhBackward(cache, dA, dZ);
}

/// <summary>Sigmoid activation σ(z) = 1/(1 + e^(−z)) as a hidden layer (for an output layer use <see cref="BinaryCrossEntropyLoss"/>).</summary>
/// <param name="name">The layer's name; sigmoid1, … (given by its model) when null.</param>
public sealed class Sigmoid(string? name = null) : Activation(name)
{
    /// <inheritdoc />
    public override string Kind => "sigmoid";
    /// <inheritdoc />
    protected override bool BackwardUsesOutput => true;
    /// <inheritdoc />
    protected override void Apply(ReadOnlySpan<float> x, Span<float> y) => CpuKernels.Sigmoid(x, y);
    /// <inheritdoc />
    protected override void ApplyBackward(ReadOnlySpan<float> a, ReadOnlySpan<float> dA, Span<float> dZ) => CpuKernels.SigmoidBackward(a, dA, dZ);
    /// <inheritdoc />
    protected override double[] ApplyDouble(double[] x) => ReferenceKernels.Sigmoid(x);
    /// <inheritdoc />
    protected override double[] ApplyBackwardDouble(double[] a, double[] dA) => ReferenceKernels.SigmoidBackward(a, dA);
    internal override bool HasDeviceImplementation => true;
    private protected override bool BackwardInPlace => true;
    private protected override void ApplyOnDevice(Device device, DeviceBuffer<float> x, DeviceBuffer<float> y) => device.Sigmoid(x, y);
    private protected override void ApplyBackwardOnDevice(Device device, DeviceBuffer<float> cache, DeviceBuffer<float> dA, DeviceBuffer<float> dZ) =>
        device.SigmoidBackward(cache, dA, dZ);
}
