using CourseKit.Devices;
using CourseKit.Kernels;
using CourseKit.Nn;
using CourseKit.Tensors;

namespace CourseKit.Optim;

/// <summary>
/// Adam: momentum and RMSprop together, with bias correction. Effectively computes, at step t (from 1),
/// <c>v ← β₁·v + (1 − β₁)·dW</c>, <c>s ← β₂·s + (1 − β₂)·dW²</c>, <c>v̂ = v/(1 − β₁ᵗ)</c>, <c>ŝ = s/(1 − β₂ᵗ)</c>,
/// then <c>W ← W − α·v̂ / (√ŝ + ε)</c>: ε is added outside the square root of the bias-corrected ŝ.
/// </summary>
/// <remarks>
/// Lecture "Adam optimization algorithm"; defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8 as recommended there. The first
/// step is about α·sign(dW). PyTorch's <c>Adam(betas=(β₁, β₂), eps=ε)</c> computes the same update when its
/// weight_decay is 0 (its weight_decay is an L2 term added to the gradient, not <see cref="AdamW"/>'s decoupled decay).
/// t is <see cref="Optimizer.Steps"/>, shared by all parameters. State slots: <c>name/v</c> and <c>name/s</c>.
/// </remarks>
public class Adam : Optimizer
{
    private static readonly string[] Slots = ["v", "s"];
    private long _correctedFor = -1;
    private float _c1, _c2;

    /// <summary>Creates Adam with learning rate α, β₁, β₂ and ε.</summary>
    /// <param name="learningRate">α, finite and &gt; 0.</param>
    /// <param name="beta1">β₁ in [0, 1), the gradient average's (momentum's) coefficient.</param>
    /// <param name="beta2">β₂ in [0, 1), the squared-gradient average's (RMSprop's) coefficient.</param>
    /// <param name="epsilon">ε &gt; 0, added to √ŝ in the denominator.</param>
    public Adam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8) : base(learningRate)
    {
        Beta1 = ScalarArguments.UnitInterval(beta1, nameof(beta1));
        Beta2 = ScalarArguments.UnitInterval(beta2, nameof(beta2));
        Epsilon = ScalarArguments.Positive(epsilon, nameof(epsilon));
    }

    /// <summary>β₁, the gradient average's coefficient.</summary>
    public float Beta1 { get; }

    /// <summary>β₂, the squared-gradient average's coefficient.</summary>
    public float Beta2 { get; }

    /// <summary>ε, added to √ŝ in the denominator.</summary>
    public float Epsilon { get; }

    /// <inheritdoc />
    protected override IReadOnlyList<string> SlotNames => Slots;

    private protected override bool RunsOnDevice => true;

    private protected override void UpdateOnDevice(Device device, Parameter parameter, DeviceBuffer<float> w, DeviceBuffer<float> g,
        DeviceBuffer<float>[] slots) =>
        device.AdamStep(w, g, slots[0], slots[1], Steps, LearningRate, Beta1, Beta2, Epsilon, DecayFor(parameter));

    /// <summary>λ for <paramref name="parameter"/> in the decoupled decay W ← W − α·λ·W; 0 for Adam.</summary>
    private protected virtual float DecayFor(Parameter parameter) => 0f;

    /// <inheritdoc />
    protected sealed override void Update(Parameter parameter)
    {
        if (_correctedFor != Steps)
        {
            // 1/(1 − β₁ᵗ) and 1/√(1 − β₂ᵗ) once per step, in double: 1 − 0.999ᵗ loses digits in float for small t.
            _c1 = (float)(1.0 / (1.0 - Math.Pow(Beta1, Steps)));
            _c2 = (float)(1.0 / Math.Sqrt(1.0 - Math.Pow(Beta2, Steps)));
            _correctedFor = Steps;
        }
        float[][] state = State(parameter);
        var rule = new AdamRule(LearningRate * _c1, _c2, 1f - LearningRate * DecayFor(parameter), Beta1, Beta2, Epsilon);
        UpdateLoop.Run(rule, parameter.Value.AsSpan(), parameter.Grad.AsSpan(), state[0], state[1]);
    }
}
