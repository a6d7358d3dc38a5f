using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace CourseKit.Kernels;

// The optimizers' element rules for UpdateLoop: float operations in a fixed order (no FMA), the same in scalar and
// vector form. Each Create checks its hyperparameters and folds what is constant per step (bias corrections) in double.

/// <summary>v ← β·v + (1 − β)·g; w ← w − α·v.</summary>
internal readonly struct MomentumRule(float alpha, float beta) : IUpdateRule
{
    private readonly float _oneMinusBeta = 1f - beta;

    public static int Slots => 1;

    public static MomentumRule Create(float alpha, float beta)
    {
        Guard.InRange(beta, 0f, 1f, nameof(beta), highInclusive: false);
        return new MomentumRule(alpha, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float w, float g, ref float v, ref float unused) { v = beta * v + _oneMinusBeta * g; return w - alpha * v; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> w, Vector512<float> g, ref Vector512<float> v, ref Vector512<float> unused) { v = beta * v + _oneMinusBeta * g; return w - alpha * v; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> w, Vector256<float> g, ref Vector256<float> v, ref Vector256<float> unused) { v = beta * v + _oneMinusBeta * g; return w - alpha * v; }
}

/// <summary>s ← β₂·s + (1 − β₂)·g²; w ← w − α·g / (√s + ε).</summary>
internal readonly struct RmsPropRule(float alpha, float beta2, float epsilon) : IUpdateRule
{
    private readonly float _oneMinusBeta2 = 1f - beta2;

    public static int Slots => 1;

    public static RmsPropRule Create(float alpha, float beta2, float epsilon)
    {
        Guard.InRange(beta2, 0f, 1f, nameof(beta2), highInclusive: false);
        Guard.Epsilon(epsilon);
        return new RmsPropRule(alpha, beta2, epsilon);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float w, float g, ref float s, ref float unused) { s = beta2 * s + _oneMinusBeta2 * (g * g); return w - alpha * g / (MathF.Sqrt(s) + epsilon); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> w, Vector512<float> g, ref Vector512<float> s, ref Vector512<float> unused)
    { s = beta2 * s + _oneMinusBeta2 * (g * g); return w - alpha * g / (Vector512.Sqrt(s) + Vector512.Create(epsilon)); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> w, Vector256<float> g, ref Vector256<float> s, ref Vector256<float> unused)
    { s = beta2 * s + _oneMinusBeta2 * (g * g); return w - alpha * g / (Vector256.Sqrt(s) + Vector256.Create(epsilon)); }
}

/// <summary>v ← β₁·v + (1 − β₁)·g; s ← β₂·s + (1 − β₂)·g²; w ← w·keep − stepSize·v / (√s·c2 + ε).</summary>
/// <remarks>stepSize = α/(1 − β₁ᵗ), c2 = 1/√(1 − β₂ᵗ) and keep = 1 − α·λ: then the last line is w − α·λ·w − α·v̂/(√ŝ + ε).</remarks>
internal readonly struct AdamRule(float stepSize, float c2, float keep, float beta1, float beta2, float epsilon) : IUpdateRule
{
    private readonly float _oneMinusBeta1 = 1f - beta1, _oneMinusBeta2 = 1f - beta2;

    public static int Slots => 2;

    public float StepSize => stepSize;

    public float C2 => c2;

    public float Keep => keep;

    public static AdamRule Create(long step, float alpha, float beta1, float beta2, float epsilon, float weightDecay)
    {
        if (step < 1) throw new ArgumentOutOfRangeException(nameof(step), step, $"step: expected t ≥ 1 (the first step is 1), actual {step}.");
        Guard.InRange(beta1, 0f, 1f, nameof(beta1), highInclusive: false);
        Guard.InRange(beta2, 0f, 1f, nameof(beta2), highInclusive: false);
        Guard.Epsilon(epsilon);
        if (!(weightDecay >= 0f) || !float.IsFinite(weightDecay))
            throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, $"weightDecay: expected a finite value ≥ 0, actual {weightDecay}.");
        // In double: 1 − 0.999ᵗ loses digits in float for small t.
        float c1 = (float)(1.0 / (1.0 - Math.Pow(beta1, step)));
        float c2 = (float)(1.0 / Math.Sqrt(1.0 - Math.Pow(beta2, step)));
        return new AdamRule(alpha * c1, c2, 1f - alpha * weightDecay, beta1, beta2, epsilon);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float w, float g, ref float v, ref float s)
    {
        v = beta1 * v + _oneMinusBeta1 * g;
        s = beta2 * s + _oneMinusBeta2 * (g * g);
        return w * keep - stepSize * v / (MathF.Sqrt(s) * c2 + epsilon);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> w, Vector512<float> g, ref Vector512<float> v, ref Vector512<float> s)
    {
        v = beta1 * v + _oneMinusBeta1 * g;
        s = beta2 * s + _oneMinusBeta2 * (g * g);
        return w * keep - stepSize * v / (Vector512.Sqrt(s) * c2 + Vector512.Create(epsilon));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> w, Vector256<float> g, ref Vector256<float> v, ref Vector256<float> s)
    {
        v = beta1 * v + _oneMinusBeta1 * g;
        s = beta2 * s + _oneMinusBeta2 * (g * g);
        return w * keep - stepSize * v / (Vector256.Sqrt(s) * c2 + Vector256.Create(epsilon));
    }
}
