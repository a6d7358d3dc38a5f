using CourseKit.Tuning;

namespace CourseKit.Grading;

public static partial class Checks
{
    /// <summary>"Interpolate the exponent with log10" — the hint shared by the log-scale cases at the ends.</summary>
    internal const string LogEndsHint =
        "u = 0 must give low and u = 1 high (are the ends swapped?); r = log10(low) + u·(log10(high) − log10(low)) and α = 10^r — " +
        "use Math.Log10 with Math.Pow(10, r) (Math.Log is the natural log, which does not undo 10^r).";

    /// <summary>
    /// A value on a log scale: <c>α = 10^r</c> with <c>r = log10(low) + u·(log10(high) − log10(low))</c> for a unit
    /// coordinate u ∈ [0, 1], so that u = 0 gives low, u = 1 gives high and every decade gets the same share of u.
    /// Learner function: <c>Func&lt;double, double, double, double&gt;</c> taking (u, low, high). 1 point.
    /// </summary>
    /// <remarks>
    /// The reference is the tuner's own <see cref="FloatDistribution.FromUnit"/> on <see cref="Scale.Log"/>. Visible
    /// cases: the lecture's α ∈ [1e-4, 1] at u = 0, 1, ½ (→ 10⁻²) and ¼ (→ 10⁻³); another range. Hidden cases: random u
    /// and ranges of 1 to 6 decades, both ends of a random range.
    /// </remarks>
    public static Check<(double U, double Low, double High), double> LogScale =>
        Check.For<(double U, double Low, double High), double>("log scale", points: 1)
            .InputNames("u", "low", "high")
            .WriteYourself(Shortcuts.Scales)
            .Reference(input => new FloatDistribution(input.Low, input.High, Scale.Log).FromUnit(input.U))
            .Compare(ScaleTolerance)
            .Case("u = 0 gives low (α ∈ [1e-4, 1])", (0, 1e-4, 1), hint: LogEndsHint)
            .Case("u = 1 gives high (α ∈ [1e-4, 1])", (1, 1e-4, 1), hint: LogEndsHint)
            .Case("the midpoint u = 0.5 (α ∈ [1e-4, 1])", (0.5, 1e-4, 1),
                hint: "half-way in u is half-way in the exponent r: 10^−2 on [1e-4, 1], not (low + high)/2 — interpolate r, not α.")
            .Case("u = 0.25 is one decade up (α ∈ [1e-4, 1])", (0.25, 1e-4, 1),
                hint: "on [1e-4, 1] each quarter of u is one decade: u = 0.25 gives 10^−3.")
            .Case("another range (α ∈ [0.002, 0.5], u = 0.7)", (0.7, 0.002, 0.5),
                hint: "use low and high as given: r runs from log10(low) to log10(high), not from the lecture's −4 to 0.")
            .Hidden("a random u and range", r => RandomRange(r, r.NextDouble()), hint: "r = log10(low) + u·(log10(high) − log10(low)), α = 10^r.")
            .Hidden("u = 0 of a random range", r => RandomRange(r, 0), hint: LogEndsHint)
            .Hidden("u = 1 of a random range", r => RandomRange(r, 1), hint: LogEndsHint);

    /// <summary>Learner and reference agree to rounding: both compute one power of ten of an interpolated exponent.</summary>
    internal static Tolerance ScaleTolerance => Tolerance.Of(1e-12, 1e-9);

    /// <summary>u with low = 10^[−7, −1) and high 1 to 6 decades above it.</summary>
    private static (double U, double Low, double High) RandomRange(Random r, double u)
    {
        double low = Math.Pow(10, -7 + 6 * r.NextDouble());
        return (u, low, low * Math.Pow(10, 1 + 5 * r.NextDouble()));
    }
}
