namespace CourseKit.Nn;

public static partial class GradientCheck
{
    /// <summary>
    /// Effectively computes <c>dθ_approx[i] = (J(θ + ε·e_i) − J(θ − ε·e_i)) / 2ε</c> for every component i: the
    /// two-sided difference of the course's gradient check, whose error shrinks like ε².
    /// </summary>
    /// <param name="cost">J(θ); it receives a working copy of θ with one component nudged and must not keep it.</param>
    /// <param name="theta">The point θ (not changed).</param>
    /// <param name="epsilon">The step ε &gt; 0.</param>
    public static double[] TwoSidedDifferences(Func<double[], double> cost, double[] theta, double epsilon) =>
        Differences(cost, theta, epsilon, twoSided: true);

    /// <summary>
    /// Effectively computes <c>(J(θ + ε·e_i) − J(θ)) / ε</c> for every component i: the one-sided difference, whose error
    /// shrinks only like ε (shown beside <see cref="TwoSidedDifferences"/> in the setting-up-optimization chapter).
    /// </summary>
    /// <param name="cost">J(θ); it receives a working copy of θ with one component nudged and must not keep it.</param>
    /// <param name="theta">The point θ (not changed).</param>
    /// <param name="epsilon">The step ε &gt; 0.</param>
    public static double[] OneSidedDifferences(Func<double[], double> cost, double[] theta, double epsilon) =>
        Differences(cost, theta, epsilon, twoSided: false);

    private static double[] Differences(Func<double[], double> cost, double[] theta, double epsilon, bool twoSided)
    {
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(theta);
        if (!(epsilon > 0) || !double.IsFinite(epsilon))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"epsilon: expected a finite value > 0, actual {epsilon}.");
        var work = (double[])theta.Clone();
        double center = twoSided ? 0 : cost(work);
        var approx = new double[theta.Length];
        for (int i = 0; i < theta.Length; i++)
        {
            work[i] = theta[i] + epsilon;
            double plus = cost(work);
            work[i] = theta[i] - epsilon;
            double minus = twoSided ? cost(work) : 0;
            work[i] = theta[i];                     // put θ_i back before nudging the next component
            approx[i] = twoSided ? (plus - minus) / (2 * epsilon) : (plus - center) / epsilon;
        }
        return approx;
    }
}
