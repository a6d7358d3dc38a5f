using CourseKit.Devices;
using System.Numerics.Tensors;
using CourseKit.Nn;

namespace CourseKit.Optim;

/// <summary>
/// (Mini-batch) gradient descent. Effectively computes <c>W ← W − α·dW</c> for every trainable parameter; keeps no state.
/// </summary>
/// <remarks>The baseline the lectures "Mini-batch gradient descent" and "Gradient descent with momentum" improve on.</remarks>
public sealed class Sgd : Optimizer
{
    /// <summary>Creates gradient descent with learning rate α.</summary>
    /// <param name="learningRate">α, finite and &gt; 0.</param>
    public Sgd(double learningRate) : base(learningRate) { }

    private protected override bool RunsOnDevice => true;

    private protected override void UpdateOnDevice(Device device, Parameter parameter, DeviceBuffer<float> w, DeviceBuffer<float> g,
        DeviceBuffer<float>[] slots) => device.SgdStep(w, g, LearningRate);

    /// <inheritdoc />
    protected override void Update(Parameter parameter) =>
        // W + (−α)·dW in one fused, vectorized pass; negation is exact, so this is W − α·dW.
        TensorPrimitives.MultiplyAdd(parameter.Grad.AsSpan(), -LearningRate, parameter.Value.AsSpan(), parameter.Value.AsSpan());
}
