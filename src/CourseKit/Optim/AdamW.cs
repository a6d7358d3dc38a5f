using CourseKit.Nn;

namespace CourseKit.Optim;

/// <summary>
/// Adam with decoupled weight decay. Effectively computes <see cref="Adam"/>'s bias-corrected update and, for
/// parameters with <see cref="Parameter.Regularized"/> (weights; not biases, γ or β), also <c>W ← W − α·λ·W</c>
/// from the same (pre-step) W: <c>W ← W·(1 − α·λ) − α·v̂ / (√ŝ + ε)</c>.
/// </summary>
/// <remarks>
/// Loshchilov &amp; Hutter, "Decoupled weight decay regularization": unlike an L2 term in the cost, the decay is not
/// divided by √ŝ, so every weight shrinks by the same fraction α·λ per step. PyTorch's <c>AdamW(weight_decay=λ)</c>
/// computes the same update (its decay is also multiplied by the learning rate); give biases a group with
/// weight_decay 0 there to match. State slots: <c>name/v</c> and <c>name/s</c>, as for Adam.
/// </remarks>
public sealed class AdamW : Adam
{
    /// <summary>Creates AdamW with learning rate α, weight decay λ, β₁, β₂ and ε.</summary>
    /// <param name="learningRate">α, finite and &gt; 0.</param>
    /// <param name="weightDecay">λ, finite and ≥ 0 (PyTorch's default 0.01); 0 makes this plain Adam.</param>
    /// <param name="beta1">β₁ in [0, 1).</param>
    /// <param name="beta2">β₂ in [0, 1).</param>
    /// <param name="epsilon">ε &gt; 0, added to √ŝ in the denominator.</param>
    public AdamW(double learningRate = 0.001, double weightDecay = 0.01, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
        : base(learningRate, beta1, beta2, epsilon) => WeightDecay = CourseKit.Tensors.ScalarArguments.NonNegative(weightDecay, nameof(weightDecay));

    /// <summary>λ, the decoupled weight decay applied to regularized parameters.</summary>
    public float WeightDecay { get; }

    private protected override float DecayFor(Parameter parameter) => parameter.Regularized ? WeightDecay : 0f;
}
