using CourseKit.Tuning;

namespace CourseKit.Grading;

public static partial class Checks
{
    /// <summary>
    /// One axis of a grid search: <c>count</c> ≥ 2 values from low to high, evenly spaced on the axis's scale — value i
    /// is at <c>u = i / (count − 1)</c>, mapped linearly (<c>low + u·(high − low)</c>) or, when <c>log</c> is set, on
    /// the log scale (<c>10^r</c>, r interpolated between log10 low and log10 high). Learner function:
    /// <c>Func&lt;double, double, int, bool, double[]&gt;</c> taking (low, high, count, log). 1 point.
    /// </summary>
    /// <remarks>
    /// The reference is the axis the tuner's own <see cref="GridSampler"/> builds. Visible cases: 5 log-spaced values
    /// of α ∈ [1e-4, 1] (the decades), 5 linear values of [0, 1], 2 values (just the ends), 4 log-spaced values of
    /// [0.001, 0.1]. Hidden cases: random log and linear axes.
    /// </remarks>
    public static Check<(double Low, double High, int Count, bool Log), double[]> GridValues =>
        Check.For<(double Low, double High, int Count, bool Log), double[]>("grid values", points: 1)
            .InputNames("low", "high", "count", "log")
            .WriteYourself(Shortcuts.Scales)
            .Reference(input => new GridSampler(new SearchSpace().Float("x", input.Low, input.High, input.Log ? Scale.Log : Scale.Linear), input.Count)
                .Axes[0].Values)
            .Compare(ScaleTolerance)
            .Case("5 values of α ∈ [1e-4, 1] on a log axis", (1e-4, 1, 5, true),
                hint: "on a log axis the values are evenly spaced in log10: for [1e-4, 1] and 5 values they are 1e-4, 1e-3, 1e-2, 0.1 and 1 — " +
                      "value i is at u = i / (count − 1), mapped to 10^r on the log scale.")
            .Case("5 values of [0, 1] on a linear axis", (0, 1, 5, false),
                hint: "the first value is low and the last is high: the step is (high − low) / (count − 1), not / count.")
            .Case("2 values: just the ends", (0.5, 2, 2, true), hint: "with 2 values the axis is [low, high].")
            .Case("4 values of [0.001, 0.1] on a log axis", (0.001, 0.1, 4, true),
                hint: "value i is 10^r with r = log10(low) + i/(count − 1)·(log10(high) − log10(low)).")
            .Hidden("a random log axis", r => (Math.Pow(10, -6 + 4 * r.NextDouble()), Math.Pow(10, -1 + r.NextDouble()), r.Next(2, 12), true))
            .Hidden("a random linear axis", r => (-r.NextDouble(), 1 + 9 * r.NextDouble(), r.Next(2, 12), false));
}
