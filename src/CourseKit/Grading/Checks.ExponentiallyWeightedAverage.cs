using CourseKit.Optim;
using In = (double[] Theta, double Beta, bool BiasCorrection);

namespace CourseKit.Grading;

public static partial class Checks
{
    internal const string EwaRecursionHint =
        "v_t = β·v_(t−1) + (1 − β)·θ_t from v_0 = 0: β weighs the OLD average, 1 − β the new value. With β = 0.98, v_1 = 0.02·θ_1 " +
        "and v_2 = 0.0196·θ_1 + 0.02·θ_2.";

    internal const string EwaCorrectionHint =
        "bias correction divides what you RETURN by 1 − β^t (t = 1 for the first value), while the running v_t itself stays " +
        "uncorrected: feeding v_t/(1 − β^t) back into the next step corrects twice.";

    /// <summary>
    /// Exponentially weighted averages v_1 … v_n of θ_1 … θ_n: <c>v_t = β·v_(t−1) + (1 − β)·θ_t</c> from v_0 = 0, each
    /// returned as <c>v_t/(1 − β^t)</c> when bias correction is on. Learner function: <c>Func&lt;double[], double, bool,
    /// double[]&gt;</c> taking (θ, β, biasCorrection). 2 points.
    /// </summary>
    /// <remarks>
    /// The reference is <see cref="ExponentiallyWeightedAverage.Series"/>. Visible cases: the lecture's two values with
    /// β = 0.98, without and with correction (0.0196·θ₁ + 0.02·θ₂, divided by 0.0396); a series with β = 0.9 corrected;
    /// β = 0.5. Hidden cases: random series and β, both settings.
    /// </remarks>
    public static Check<In, double[]> ExponentiallyWeightedAverages =>
        Check.For<In, double[]>("exponentially weighted averages", points: 2)
            .WriteYourself(Shortcuts.WeightedAverages)
            .InputNames("theta", "beta", "biasCorrection")
            .Reference(input => ExponentiallyWeightedAverage.Series(input.Theta, input.Beta, input.BiasCorrection))
            .Compare(Tolerance.Of(1e-10, 1e-9))
            .Case("the lecture's β = 0.98, two values, no correction", ([10.0, 20.0], 0.98, false), hint: EwaRecursionHint)
            .Case("the same two values with bias correction", ([10.0, 20.0], 0.98, true),
                hint: "with bias correction v̂_2 = (0.0196·θ_1 + 0.02·θ_2)/(1 − 0.98²) = (0.0196·10 + 0.02·20)/0.0396 ≈ 15.05. " + EwaCorrectionHint)
            .Case("β = 0.9 with bias correction, 6 values", ([4.0, 6.0, 5.0, 9.0, 7.0, 8.0], 0.9, true), hint: EwaCorrectionHint)
            .Case("β = 0.5 without correction", ([1.0, -1.0, 3.0, 0.0], 0.5, false), hint: EwaRecursionHint)
            .Hidden("a random series with correction", r => RandomSeries(r, true), hint: EwaCorrectionHint)
            .Hidden("a random series without correction", r => RandomSeries(r, false), hint: EwaRecursionHint);

    private static In RandomSeries(Random r, bool correction) =>
        (Enumerable.Range(0, r.Next(3, 40)).Select(_ => 20 * r.NextDouble() - 5).ToArray(), 1 - Math.Pow(10, -0.3 - 1.7 * r.NextDouble()), correction);
}
