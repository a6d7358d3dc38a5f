using CourseKit.Optim.Reference;
using MomentumIn = (double[] W, double[] Dw, double[] V, double LearningRate, double Beta);
using RmsPropIn = (double[] W, double[] Dw, double[] S, double LearningRate, double Beta2, double Epsilon);
using AdamIn = (double[] W, double[] Dw, double[] V, double[] S, int T, double LearningRate);

namespace CourseKit.Grading;

public static partial class Checks
{
    internal const string EpsilonOutsideHint =
        "ε goes OUTSIDE the square root: divide by √s + ε, not by √(s + ε). With gradients near 1e-4, s ≈ 1e-8 is as small as ε " +
        "and the two differ by 40 %.";

    internal const string AdamCorrectionHint =
        "bias-correct both averages for the update only: v̂ = v/(1 − β₁ᵗ) and ŝ = s/(1 − β₂ᵗ) — β₁ for v, β₂ for s, t from 1 — " +
        "and return the UNcorrected v and s as the new state.";

    /// <summary>
    /// One step of gradient descent with momentum: <c>v ← β·v + (1 − β)·dw; w ← w − α·v</c>. Learner function:
    /// <c>Func&lt;double[], double[], double[], double, double, (double[] W, double[] V)&gt;</c> taking (w, dw, v, α, β) and
    /// returning new arrays. 1 point. The reference is <see cref="OptimizerReference.Momentum"/>.
    /// </summary>
    public static Check<MomentumIn, (double[] W, double[] V)> MomentumStep =>
        Check.For<MomentumIn, (double[] W, double[] V)>("momentum step", points: 1)
            .WriteYourself(Shortcuts.OptimizerSteps)
            .InputNames("w", "dw", "v", "learningRate", "beta")
            .Reference(i => { var (w, v) = (Copy(i.W), Copy(i.V)); OptimizerReference.Momentum(w, i.Dw, v, i.LearningRate, i.Beta); return (w, v); })
            .Compare((e, a, t) => Outputs.Tuple(e, a, t, ["w", "v"]))
            .Compare(StepTolerance)
            .Case("first step from v = 0", ([1.0, -2.0], [0.5, -1.0], [0.0, 0.0], 0.1, 0.9),
                hint: "v = β·v + (1 − β)·dw = 0.1·dw on the first step (not β·v + dw), then w = w − α·v with the NEW v.")
            .Case("a later step", ([0.3, 0.2, -0.1], [1.0, -2.0, 0.5], [0.4, -0.6, 0.1], 0.05, 0.9),
                hint: "update v first, then move w by α·v (not by α·dw).")
            .Hidden("random state", r => (Vector(r, 5), Vector(r, 5), Vector(r, 5), 0.01 + r.NextDouble() / 10, 0.8 + r.NextDouble() / 6));

    /// <summary>
    /// One RMSprop step: <c>s ← β₂·s + (1 − β₂)·dw²; w ← w − α·dw/(√s + ε)</c>. Learner function:
    /// <c>Func&lt;double[], double[], double[], double, double, double, (double[] W, double[] S)&gt;</c> taking
    /// (w, dw, s, α, β₂, ε). 1 point. The reference is <see cref="OptimizerReference.RmsProp"/>.
    /// </summary>
    public static Check<RmsPropIn, (double[] W, double[] S)> RmsPropStep =>
        Check.For<RmsPropIn, (double[] W, double[] S)>("RMSprop step", points: 1)
            .WriteYourself(Shortcuts.OptimizerSteps)
            .InputNames("w", "dw", "s", "learningRate", "beta2", "epsilon")
            .Reference(i => { var (w, s) = (Copy(i.W), Copy(i.S)); OptimizerReference.RmsProp(w, i.Dw, s, i.LearningRate, i.Beta2, i.Epsilon); return (w, s); })
            .Compare((e, a, t) => Outputs.Tuple(e, a, t, ["w", "s"]))
            .Compare(StepTolerance)
            .Case("a steep and a flat direction", ([1.0, 1.0], [10.0, 0.1], [4.0, 0.0], 0.01, 0.999, 1e-8),
                hint: "s = β₂·s + (1 − β₂)·dw² (the square, element by element), then divide dw by √s + ε — the square root of s, not s.")
            .Case("tiny gradients (ε matters)", ([0.5, -0.5], [1e-4, -2e-4], [0.0, 0.0], 0.001, 0.0, 1e-8), hint: EpsilonOutsideHint)
            .Hidden("random state", r => (Vector(r, 5), Vector(r, 5), Squares(r, 5), 0.001 + r.NextDouble() / 100, 0.9 + r.NextDouble() / 11, 1e-8));

    /// <summary>
    /// One Adam step at step t (from 1) with the usual β₁ = 0.9, β₂ = 0.999, ε = 1e-8: v and s as in momentum and RMSprop,
    /// v̂ = v/(1 − β₁ᵗ), ŝ = s/(1 − β₂ᵗ), <c>w ← w − α·v̂/(√ŝ + ε)</c>. Learner function: <c>Func&lt;double[], double[], double[],
    /// double[], int, double, (double[] W, double[] V, double[] S)&gt;</c> taking (w, dw, v, s, t, α); returns the new w and the
    /// uncorrected v and s. 2 points. The reference is <see cref="OptimizerReference.Adam"/>.
    /// </summary>
    /// <remarks>
    /// Visible cases: the first step (t = 1, where the correction turns v = 0.1·dw back into dw); a later step (t = 10);
    /// tiny gradients where ε inside the square root changes the step by 40 %. Hidden: random states at random t.
    /// </remarks>
    public static Check<AdamIn, (double[] W, double[] V, double[] S)> AdamStep =>
        Check.For<AdamIn, (double[] W, double[] V, double[] S)>("Adam step", points: 2)
            .WriteYourself(Shortcuts.OptimizerSteps)
            .InputNames("w", "dw", "v", "s", "t", "learningRate")
            .Reference(i =>
            {
                var (w, v, s) = (Copy(i.W), Copy(i.V), Copy(i.S));
                OptimizerReference.Adam(w, i.Dw, v, s, i.T, i.LearningRate, AdamBeta1, AdamBeta2, AdamEpsilon);
                return (w, v, s);
            })
            .Compare((e, a, t) => Outputs.Tuple(e, a, t, ["w", "v", "s"]))
            .Compare(StepTolerance)
            .Case("the first step (t = 1)", ([1.0, -1.0], [0.2, -3.0], [0.0, 0.0], [0.0, 0.0], 1, 0.01), hint: AdamCorrectionHint)
            .Case("a later step (t = 10)", ([0.4, 0.1, -0.3], [0.5, -0.2, 0.05], [0.3, -0.1, 0.02], [0.2, 0.05, 0.001], 10, 0.001),
                hint: AdamCorrectionHint)
            .Case("tiny gradients (ε matters)", ([0.5, -0.5], [1e-4, -2e-4], [0.0, 0.0], [0.0, 0.0], 1, 0.001), hint: EpsilonOutsideHint)
            .Hidden("random state at a random step", r => (Vector(r, 6), Vector(r, 6), Vector(r, 6), Squares(r, 6), r.Next(1, 500),
                0.0005 + r.NextDouble() / 100), hint: AdamCorrectionHint);

    /// <summary>Adam's usual hyperparameters (the lecture's; rarely tuned), fixed in the Adam exercise.</summary>
    internal const double AdamBeta1 = 0.9, AdamBeta2 = 0.999, AdamEpsilon = 1e-8;

    /// <summary>Learner and reference compute the same few operations in double.</summary>
    private static Tolerance StepTolerance => Tolerance.Of(1e-12, 1e-9);

    private static double[] Copy(double[] a) => (double[])a.Clone();

    private static double[] Vector(Random r, int n) => Enumerable.Range(0, n).Select(_ => 2 * r.NextDouble() - 1).ToArray();

    private static double[] Squares(Random r, int n) => Enumerable.Range(0, n).Select(_ => r.NextDouble() * r.NextDouble()).ToArray();
}
