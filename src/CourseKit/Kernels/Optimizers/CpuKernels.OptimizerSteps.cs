using System.Numerics.Tensors;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    /// <summary>Gradient descent: effectively computes <c>w ← w − α·g</c>.</summary>
    public static void SgdStep(Span<float> w, ReadOnlySpan<float> g, float learningRate)
    {
        CheckStep(w, g, learningRate);
        TensorPrimitives.MultiplyAdd(g, -learningRate, w, w);  // negation is exact: w + (−α)·g = w − α·g
    }

    /// <summary>Momentum in the course's form: effectively computes <c>v ← β·v + (1 − β)·g</c>, then <c>w ← w − α·v</c>.</summary>
    public static void MomentumStep(Span<float> w, ReadOnlySpan<float> g, Span<float> v, float learningRate, float beta)
    {
        CheckStep(w, g, learningRate);
        CheckState(w, g, v, nameof(v));
        UpdateLoop.Run(MomentumRule.Create(learningRate, beta), w, g, v, default);
    }

    /// <summary>RMSprop: effectively computes <c>s ← β₂·s + (1 − β₂)·g²</c>, then <c>w ← w − α·g / (√s + ε)</c>.</summary>
    public static void RmsPropStep(Span<float> w, ReadOnlySpan<float> g, Span<float> s, float learningRate, float beta2, float epsilon)
    {
        CheckStep(w, g, learningRate);
        CheckState(w, g, s, nameof(s));
        UpdateLoop.Run(RmsPropRule.Create(learningRate, beta2, epsilon), w, g, s, default);
    }

    /// <summary>
    /// Adam at step <paramref name="step"/> = t ≥ 1: effectively computes <c>v ← β₁·v + (1 − β₁)·g</c>,
    /// <c>s ← β₂·s + (1 − β₂)·g²</c>, then <c>w ← w·(1 − α·λ) − α·v̂ / (√ŝ + ε)</c> with the bias-corrected
    /// <c>v̂ = v/(1 − β₁ᵗ)</c>, <c>ŝ = s/(1 − β₂ᵗ)</c>; λ = <paramref name="weightDecay"/> &gt; 0 is AdamW's decoupled decay.
    /// </summary>
    public static void AdamStep(Span<float> w, ReadOnlySpan<float> g, Span<float> v, Span<float> s, long step,
        float learningRate, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0f)
    {
        CheckStep(w, g, learningRate);
        CheckState(w, g, v, nameof(v));
        CheckState(w, g, s, nameof(s));
        Guard.NoOverlap(v, nameof(v), s, nameof(s));
        UpdateLoop.Run(AdamRule.Create(step, learningRate, beta1, beta2, epsilon, weightDecay), w, g, v, s);
    }

    /// <summary>α finite and &gt; 0, g as long as w, apart from it and finite (checked before anything is written).</summary>
    private static void CheckStep(Span<float> w, ReadOnlySpan<float> g, float learningRate)
    {
        if (!(learningRate > 0f) || !float.IsFinite(learningRate))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, $"learningRate: expected a finite value > 0, actual {learningRate}.");
        Guard.Length(g.Length, w.Length, nameof(g));
        Guard.NoOverlap(g, nameof(g), w, nameof(w));
        Guard.AllFinite(g, nameof(g));
    }

    /// <summary>An optimizer state (v or s) is as long as w and shares memory with neither w nor g.</summary>
    private static void CheckState(Span<float> w, ReadOnlySpan<float> g, Span<float> state, string name)
    {
        Guard.Length(state.Length, w.Length, name);
        Guard.NoOverlap(w, nameof(w), state, name);
        Guard.NoOverlap(g, nameof(g), state, name);
    }
}
