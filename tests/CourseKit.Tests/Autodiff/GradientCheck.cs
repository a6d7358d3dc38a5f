using CourseKit.Autodiff;
using CourseKit.Tensors;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Autodiff;

/// <summary>
/// Compares autodiff gradients (float32) with central finite differences of a double re-implementation of the same
/// scalar cost, using the course metric ‖numeric − autodiff‖ / (‖numeric‖ + ‖autodiff‖).
/// </summary>
internal static class GradientCheck
{
    // The course's 1e-7 rule assumes both sides in double; the autodiff side is float32 (ε ≈ 6e-8 per rounding,
    // a few roundings deep), so its errors alone reach a few 1e-8. 1e-6 still catches any wrong rule (those give ≳ 1e-2).
    public const double Float32Threshold = 1e-6;
    private const double ForwardRel = 1e-5;
    private const double Epsilon = 1e-6;

    /// <summary>
    /// Builds the cost with every input as a parameter, checks its value against <paramref name="reference"/> and each
    /// input's gradient against finite differences of <paramref name="reference"/> (inputs as row-major doubles).
    /// </summary>
    public static void Check(Func<Variable[], Variable> cost, Func<double[][], double> reference, params Matrix[] inputs)
    {
        Variable[] xs = inputs.Select((m, k) => Variable.Parameter(m.Clone(), $"x{k}")).ToArray();
        double[][] x = inputs.Select(D).ToArray();
        Variable j = cost(xs);
        double expected = reference(x);
        Assert.True(Math.Abs(j.Item - expected) <= ForwardRel * (1 + Math.Abs(expected)), $"cost: expected {expected:R}, actual {j.Item:R}");
        j.Backward();
        for (int k = 0; k < inputs.Length; k++)
        {
            double[] numeric = CentralDifferences(reference, x, k);
            double[] analytic = xs[k].Grad is { } g ? D(g) : new double[numeric.Length];
            double metric = Tolerance.RelativeDifference(numeric, analytic);
            int worst = Enumerable.Range(0, numeric.Length).MaxBy(i => Math.Abs(numeric[i] - analytic[i]));
            Assert.True(metric < Float32Threshold,
                $"input {k} {inputs[k].Shape}: gradient-check metric {metric:E2} ≥ {Float32Threshold:E0}; " +
                $"worst element {worst}: numeric {numeric[worst]:R}, autodiff {analytic[worst]:R}");
        }
    }

    public static double[] D(Matrix m) => Array.ConvertAll(m.Data, v => (double)v);

    /// <summary>Element (i, j) of a row-major operand of shape rows × cols, broadcast as CourseKit allows (1 × n rows, 1 × 1 scalars).</summary>
    public static double At(double[] x, Shape s, int i, int j) => x[(s.Rows == 1 ? 0 : i) * s.Cols + (s.Cols == 1 ? 0 : j)];

    private static double[] CentralDifferences(Func<double[][], double> f, double[][] x, int k)
    {
        var grad = new double[x[k].Length];
        for (int i = 0; i < grad.Length; i++)
        {
            double saved = x[k][i];
            x[k][i] = saved + Epsilon;
            double plus = f(x);
            x[k][i] = saved - Epsilon;
            double minus = f(x);
            x[k][i] = saved;
            grad[i] = (plus - minus) / (2 * Epsilon);
        }
        return grad;
    }
}
