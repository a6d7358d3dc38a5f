namespace CourseKit.Optim.Reference;

/// <summary>
/// The update rules as the lectures write them: one step, in double precision, on plain arrays, updated in place.
/// Tests compare the vectorized optimizers with them; notebooks show them.
/// </summary>
/// <remarks>No argument validation, to stay readable; the optimizers in <see cref="CourseKit.Optim"/> validate.</remarks>
public static class OptimizerReference
{
    /// <summary>Gradient descent: w ← w − α·g.</summary>
    public static void Sgd(double[] w, double[] g, double alpha)
    {
        for (int i = 0; i < w.Length; i++) w[i] -= alpha * g[i];
    }

    /// <summary>Momentum: v ← β·v + (1 − β)·g; w ← w − α·v.</summary>
    public static void Momentum(double[] w, double[] g, double[] v, double alpha, double beta)
    {
        for (int i = 0; i < w.Length; i++)
        {
            v[i] = beta * v[i] + (1 - beta) * g[i];
            w[i] -= alpha * v[i];
        }
    }

    /// <summary>RMSprop: s ← β₂·s + (1 − β₂)·g²; w ← w − α·g/(√s + ε).</summary>
    public static void RmsProp(double[] w, double[] g, double[] s, double alpha, double beta2, double epsilon)
    {
        for (int i = 0; i < w.Length; i++)
        {
            s[i] = beta2 * s[i] + (1 - beta2) * g[i] * g[i];
            w[i] -= alpha * g[i] / (Math.Sqrt(s[i]) + epsilon);
        }
    }

    /// <summary>
    /// Adam at step <paramref name="t"/> (from 1): v ← β₁·v + (1 − β₁)·g; s ← β₂·s + (1 − β₂)·g²;
    /// v̂ = v/(1 − β₁ᵗ); ŝ = s/(1 − β₂ᵗ); w ← w − α·λ·w − α·v̂/(√ŝ + ε) (λ = 0: Adam; λ &gt; 0: AdamW on a weight).
    /// </summary>
    public static void Adam(double[] w, double[] g, double[] v, double[] s, long t,
        double alpha, double beta1, double beta2, double epsilon, double weightDecay = 0)
    {
        for (int i = 0; i < w.Length; i++)
        {
            v[i] = beta1 * v[i] + (1 - beta1) * g[i];
            s[i] = beta2 * s[i] + (1 - beta2) * g[i] * g[i];
            double vHat = v[i] / (1 - Math.Pow(beta1, t));
            double sHat = s[i] / (1 - Math.Pow(beta2, t));
            w[i] = w[i] - alpha * weightDecay * w[i] - alpha * vHat / (Math.Sqrt(sHat) + epsilon);
        }
    }
}
