using CourseKit.Devices;
using CourseKit.Kernels;
using CourseKit.Nn;

namespace CourseKit.Optim;

/// <summary>
/// Gradient descent with momentum, in the course's form. Effectively computes
/// <c>v ← β·v + (1 − β)·dW</c>, then <c>W ← W − α·v</c>, with v starting at 0 and no bias correction.
/// </summary>
/// <remarks>
/// Lecture "Gradient descent with momentum": v is an exponentially weighted average of the gradients over about
/// 1/(1 − β) steps. PyTorch's <c>SGD(momentum=β)</c> drops the (1 − β) factor; it takes the same steps when its
/// learning rate is α·(1 − β). State slot: <c>name/v</c>.
/// </remarks>
public sealed class Momentum : Optimizer
{
    private static readonly string[] Slots = ["v"];

    /// <summary>Creates momentum with learning rate α and averaging coefficient β.</summary>
    /// <param name="learningRate">α, finite and &gt; 0.</param>
    /// <param name="beta">β in [0, 1); 0.9 averages over about the last 10 gradients. β = 0 is plain gradient descent.</param>
    public Momentum(double learningRate, double beta = 0.9) : base(learningRate) => Beta = CourseKit.Tensors.ScalarArguments.UnitInterval(beta, nameof(beta));

    /// <summary>β, the velocity's averaging coefficient.</summary>
    public float Beta { get; }

    /// <inheritdoc />
    protected override IReadOnlyList<string> SlotNames => Slots;

    private protected override bool RunsOnDevice => true;

    private protected override void UpdateOnDevice(Device device, Parameter parameter, DeviceBuffer<float> w, DeviceBuffer<float> g,
        DeviceBuffer<float>[] slots) => device.MomentumStep(w, g, slots[0], LearningRate, Beta);

    /// <inheritdoc />
    protected override void Update(Parameter parameter)
    {
        float[][] state = State(parameter);
        var rule = new MomentumRule(LearningRate, Beta);
        UpdateLoop.Run(rule, parameter.Value.AsSpan(), parameter.Grad.AsSpan(), state[0], default);
    }
}
