using CourseKit.Nn;
using In = (System.Func<double[], double> Cost, double[] Theta, double Epsilon);

namespace CourseKit.Grading;

public static partial class Checks
{
    internal const string TwoSidedHint =
        "two-sided: (J(θ + ε) − J(θ − ε)) / (2ε). For J = θ³ at θ = 1 with ε = 0.01 that is 3.0001; the one-sided " +
        "(J(θ + ε) − J(θ))/ε gives 3.0301, and dividing by ε instead of 2ε gives 6.0002.";

    internal const string RestoreHint =
        "nudge one component at a time and put it back before the next: when θ₂ is nudged, θ₁ must hold its own value " +
        "again (work on a copy of θ, or restore θ[i] after computing J(θ + ε) and J(θ − ε)).";

    /// <summary>
    /// The numerical gradient of gradient checking: <c>dθ_approx[i] = (J(θ + ε·e_i) − J(θ − ε·e_i)) / 2ε</c> for each
    /// component of θ. Learner function: <c>Func&lt;Func&lt;double[], double&gt;, double[], double, double[]&gt;</c> taking
    /// (cost, θ, ε). 2 points.
    /// </summary>
    /// <remarks>
    /// The reference is <see cref="GradientCheck.TwoSidedDifferences"/>. Visible cases: the lecture's J = θ³ at θ = 1,
    /// ε = 0.01 (3.0001; one-sided gives 3.0301); J = θ₁²θ₂ + θ₂³, where a component left nudged changes the next one;
    /// J = Σ sin(θ_i)·θ_i² over five components. Hidden cases: random cubic costs of 2 to 8 parameters.
    /// </remarks>
    public static Check<In, double[]> TwoSidedGradient =>
        Check.For<In, double[]>("two-sided gradient", points: 2)
            .WriteYourself(Shortcuts.NumericalGradient)
            .InputNames("cost", "theta", "epsilon")
            .Reference(input => GradientCheck.TwoSidedDifferences(input.Cost, input.Theta, input.Epsilon))
            .Compare(Tolerance.Of(1e-8, 1e-7))
            .Case("the lecture's J = θ³ at θ = 1, ε = 0.01", (WireFunctions.Cost("cube"), [1.0], 0.01), hint: TwoSidedHint)
            .Case("J = θ₁²·θ₂ + θ₂³ (components interact)", (WireFunctions.Cost("square-times-next-plus-cube"), [1.5, -2.0], 1e-3), hint: RestoreHint)
            .Case("J = Σ sin(θ_i)·θ_i² over five components", (WireFunctions.Cost("sum-of-sine-times-square"), [0.3, -1.2, 2.0, 0.0, -0.7], 1e-4), hint: TwoSidedHint)
            .Hidden("a random cubic cost", r => RandomCubic(r, r.Next(2, 9)), hint: RestoreHint)
            .Hidden("a random cubic cost of one parameter", r => RandomCubic(r, 1), hint: TwoSidedHint);

    /// <summary>J(θ) = Σ_i a_i θ_i³ + Σ_i b_i θ_i θ_(i+1) — every component interacts with its neighbour (built by <see cref="WireFunctions"/>, so it can be sent).</summary>
    private static In RandomCubic(Random r, int n)
    {
        double[] a = Enumerable.Range(0, n).Select(_ => 2 * r.NextDouble() - 1).ToArray();
        double[] b = Enumerable.Range(0, n).Select(_ => 2 * r.NextDouble() - 1).ToArray();
        double[] theta = Enumerable.Range(0, n).Select(_ => 4 * r.NextDouble() - 2).ToArray();
        return (WireFunctions.Cost("cubic-chain", [.. a, .. b]), theta, Math.Pow(10, -2 - 3 * r.NextDouble()));
    }
}
