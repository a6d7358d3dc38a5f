using CourseKit.Tuning;

namespace CourseKit.Grading;

public static partial class Checks
{
    /// <summary>"u = 0 gives low; r starts at log10(1 − low)" — the hint shared by the reverse-log cases at the ends.</summary>
    internal const string ReverseEndsHint =
        "u = 0 must give low and u = 1 high (are the ends swapped?): r runs from log10(1 − low) at u = 0 to log10(1 − high) at u = 1, " +
        "and β = 1 − 10^r; use Math.Log10 with Math.Pow(10, r) (Math.Log is the natural log).";

    /// <summary>
    /// A value on a reverse-log scale, for β-like hyperparameters: <c>β = 1 − 10^r</c> with
    /// <c>r = log10(1 − low) + u·(log10(1 − high) − log10(1 − low))</c> for u ∈ [0, 1] — 1 − β is log-uniform, u = 0
    /// gives low and u = 1 gives high. Learner function: <c>Func&lt;double, double, double, double&gt;</c> taking
    /// (u, low, high). 2 points.
    /// </summary>
    /// <remarks>
    /// The reference is the tuner's own <see cref="FloatDistribution.FromUnit"/> on <see cref="Scale.ReverseLog"/>.
    /// Visible cases: the lecture's β ∈ [0.9, 0.999] at u = 0, 1, ½ (→ 0.99) and ¼; Adam's β₂ ∈ [0.99, 0.9999] at
    /// u = 0.75. Hidden cases: random u and ranges, both ends of a random range.
    /// </remarks>
    public static Check<(double U, double Low, double High), double> ReverseLogScale =>
        Check.For<(double U, double Low, double High), double>("reverse-log scale", points: 2)
            .InputNames("u", "low", "high")
            .WriteYourself(Shortcuts.Scales)
            .Reference(input => new FloatDistribution(input.Low, input.High, Scale.ReverseLog).FromUnit(input.U))
            .Compare(ScaleTolerance)
            .Case("u = 0 gives low (β ∈ [0.9, 0.999])", (0, 0.9, 0.999), hint: ReverseEndsHint)
            .Case("u = 1 gives high (β ∈ [0.9, 0.999])", (1, 0.9, 0.999), hint: ReverseEndsHint)
            .Case("the midpoint u = 0.5 (β ∈ [0.9, 0.999])", (0.5, 0.9, 0.999),
                hint: "sample 1 − β on a log scale, not β itself: r half-way between log10(1 − 0.999) = −3 and log10(1 − 0.9) = −1 " +
                      "gives β = 1 − 10^−2 = 0.99 (a log scale on β gives about 0.948, a linear one 0.9495).")
            .Case("u = 0.25 (β ∈ [0.9, 0.999])", (0.25, 0.9, 0.999),
                hint: "r = log10(1 − low) + u·(log10(1 − high) − log10(1 − low)) = −1.5 here, and β = 1 − 10^r.")
            .Case("Adam's β₂ ∈ [0.99, 0.9999], u = 0.75", (0.75, 0.99, 0.9999),
                hint: "use low and high as given: r runs from log10(1 − low) to log10(1 − high), not from the lecture's −1 to −3.")
            .Hidden("a random u and range", r => RandomBetaRange(r, r.NextDouble()), hint: "β = 1 − 10^r with r uniform between log10(1 − high) and log10(1 − low).")
            .Hidden("u = 0 of a random range", r => RandomBetaRange(r, 0), hint: ReverseEndsHint)
            .Hidden("u = 1 of a random range", r => RandomBetaRange(r, 1), hint: ReverseEndsHint);

    /// <summary>u with low in [0.5, 0.99) and 1 − high 1 to 4 decades below 1 − low.</summary>
    private static (double U, double Low, double High) RandomBetaRange(Random r, double u)
    {
        double low = 0.5 + 0.49 * r.NextDouble();
        return (u, low, 1 - (1 - low) * Math.Pow(10, -1 - 3 * r.NextDouble()));
    }
}
