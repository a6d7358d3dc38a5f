using CourseKit.Devices;
using CourseKit.Kernels;
using CourseKit.Nn;

namespace CourseKit.Optim;

/// <summary>
/// RMSprop. Effectively computes <c>s ← β₂·s + (1 − β₂)·dW²</c> (element-wise square), then
/// <c>W ← W − α·dW / (√s + ε)</c>: ε is added outside the square root. s starts at 0; no bias correction.
/// </summary>
/// <remarks>
/// Lecture "RMSprop" (written with β₂ there, to keep β for momentum). The default β₂ is 0.9 (Hinton's and Keras'
/// choice), not Adam's 0.999: without bias correction s₁ = (1 − β₂)·dW², so the first step is about
/// α/√(1 − β₂) — 3.2·α for 0.9 but 32·α for 0.999, which can throw training off at the start.
/// PyTorch's <c>RMSprop(alpha=β₂, eps=ε)</c> computes the same update (its ε is also outside the root).
/// State slot: <c>name/s</c>.
/// </remarks>
public sealed class RmsProp : Optimizer
{
    private static readonly string[] Slots = ["s"];

    /// <summary>Creates RMSprop with learning rate α, averaging coefficient β₂ and ε.</summary>
    /// <param name="learningRate">α, finite and &gt; 0.</param>
    /// <param name="beta2">β₂ in [0, 1), the squared-gradient average's coefficient (default 0.9, see remarks).</param>
    /// <param name="epsilon">ε &gt; 0, added to √s to avoid dividing by zero.</param>
    public RmsProp(double learningRate, double beta2 = 0.9, double epsilon = 1e-8) : base(learningRate)
    {
        Beta2 = CourseKit.Tensors.ScalarArguments.UnitInterval(beta2, nameof(beta2));
        Epsilon = CourseKit.Tensors.ScalarArguments.Positive(epsilon, nameof(epsilon));
    }

    /// <summary>β₂, the squared-gradient average's coefficient.</summary>
    public float Beta2 { get; }

    /// <summary>ε, added to √s in the denominator.</summary>
    public float Epsilon { get; }

    /// <inheritdoc />
    protected override IReadOnlyList<string> SlotNames => Slots;

    private protected override bool RunsOnDevice => true;

    private protected override void UpdateOnDevice(Device device, Parameter parameter, DeviceBuffer<float> w, DeviceBuffer<float> g,
        DeviceBuffer<float>[] slots) => device.RmsPropStep(w, g, slots[0], LearningRate, Beta2, Epsilon);

    /// <inheritdoc />
    protected override void Update(Parameter parameter)
    {
        float[][] state = State(parameter);
        var rule = new RmsPropRule(LearningRate, Beta2, Epsilon);
        UpdateLoop.Run(rule, parameter.Value.AsSpan(), parameter.Grad.AsSpan(), state[0], default);
    }
}
