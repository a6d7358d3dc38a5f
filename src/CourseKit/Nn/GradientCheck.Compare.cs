namespace CourseKit.Nn;

public static partial class GradientCheck
{
    /// <summary>Two-sided differences against backprop for a seeded sample of each parameter's components.</summary>
    private static List<ParameterCheck> Compare(ICheckedCost cost, IReadOnlyList<Parameter> parameters, double epsilon, int maxPerParameter,
        int seed, Dictionary<string, double[]>? floatGradients, GradientCheckPrecision precision)
    {
        var analytic = cost.Gradients();
        // Rounding in J(θ ± ε) leaves ≈ |J|·u/ε of noise in each difference quotient (u the unit roundoff); allow 100× that.
        double noise = 100 * Math.Max(1, Math.Abs(cost.Value())) * cost.UnitRoundoff / epsilon;
        var rng = new Random(seed);
        var results = new List<ParameterCheck>();
        foreach (var p in parameters)
        {
            double[] grad = analytic[p.Name];
            int[] indices = Sample(grad.Length, maxPerParameter, rng);
            var approx = new double[indices.Length];
            var exact = new double[indices.Length];
            for (int k = 0; k < indices.Length; k++)
            {
                approx[k] = Difference(cost, p.Name, indices[k], epsilon);
                exact[k] = grad[indices[k]];
            }
            double floor = noise * Math.Sqrt(indices.Length);
            bool belowFloor = Norm(approx) < floor && Norm(exact) < floor;
            double kernels = floatGradients is null ? double.NaN : belowFloor ? 0 : RelativeDifference(grad, floatGradients[p.Name]);
            results.Add(new ParameterCheck(p.Name, indices.Length, belowFloor ? 0 : RelativeDifference(approx, exact), kernels, belowFloor)
            {
                Precision = precision,
            });
        }
        return results;
    }

    /// <summary>(J(θᵢ + ε) − J(θᵢ − ε)) / (the step actually taken: in float, θᵢ ± ε rounds).</summary>
    private static double Difference(ICheckedCost cost, string name, int index, double epsilon)
    {
        double saved = cost.Get(name, index);
        double up = cost.Set(name, index, saved + epsilon);
        double plus = cost.Value();
        double down = cost.Set(name, index, saved - epsilon);
        double minus = cost.Value();
        cost.Set(name, index, saved);
        return (plus - minus) / (up - down);
    }

    private static double Norm(ReadOnlySpan<double> v)
    {
        double sum = 0;
        foreach (double x in v) sum += x * x;
        return Math.Sqrt(sum);
    }

    private static int[] Sample(int length, int max, Random rng)
    {
        var all = Enumerable.Range(0, length).ToArray();
        if (length <= max) return all;
        rng.Shuffle(all);
        return all[..max];
    }
}
