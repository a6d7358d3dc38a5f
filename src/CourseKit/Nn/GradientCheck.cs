using CourseKit.Tensors;

namespace CourseKit.Nn;

/// <summary>
/// Gradient checking ("Gradient checking" in the course): compares backpropagation with two-sided differences
/// (J(θ + ε) − J(θ − ε)) / 2ε using ‖dθ_approx − dθ‖₂ / (‖dθ_approx‖₂ + ‖dθ‖₂), in double precision.
/// </summary>
/// <remarks>
/// The model runs on the double-precision reference kernels with the parameters copied to double, so the check can
/// reach 1e-7. It also reports how far the float SIMD backward is from the double gradient. It refuses models with
/// dropout on: with random masks the cost is not a function of θ.
/// </remarks>
public static class GradientCheck
{
    /// <summary>Maps a relative difference to the course's verdict (1e-7 great, 1e-5 check, 1e-3 worry).</summary>
    public static GradientVerdict VerdictFor(double relativeDifference) => relativeDifference switch
    {
        <= 1e-7 => GradientVerdict.Great,
        <= 1e-5 => GradientVerdict.Check,
        <= 1e-3 => GradientVerdict.Worry,
        _ => GradientVerdict.Wrong,
    };

    /// <summary>Checks every trainable parameter of <paramref name="model"/> on one batch.</summary>
    /// <param name="model">A built model; its mode (training or inference) is used as is.</param>
    /// <param name="loss">The cost on the model's output.</param>
    /// <param name="x">A batch, m × n_in.</param>
    /// <param name="labels">One label per row of <paramref name="x"/>.</param>
    /// <param name="lambda">L2 strength λ (0 for none); the penalty λ/(2m)·Σ‖W‖² is part of the checked cost.</param>
    /// <param name="epsilon">The two-sided step ε (the course uses 1e-7).</param>
    /// <param name="maxPerParameter">Check at most this many components per parameter (a seeded sample), to bound time.</param>
    /// <param name="seed">Seed of the sample.</param>
    public static GradientCheckReport Run(Sequential model, ILoss loss, Matrix x, int[] labels,
        float lambda = 0f, double epsilon = 1e-7, int maxPerParameter = int.MaxValue, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        if (!(epsilon > 0) || !double.IsFinite(epsilon))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"epsilon: expected a finite value > 0, actual {epsilon}.");
        if (maxPerParameter < 1)
            throw new ArgumentOutOfRangeException(nameof(maxPerParameter), maxPerParameter, $"maxPerParameter: expected ≥ 1, actual {maxPerParameter}.");
        var dropout = model.AllLayers.OfType<Dropout>().FirstOrDefault(d => d.Training && d.KeepProb < 1f);
        if (dropout is not null)
            throw new InvalidOperationException($"Gradient checking refuses to run with dropout on ({dropout.Describe()}, keepProb {dropout.KeepProb}): switch it off (keepProb = 1 or Eval()) while checking.");

        var theta = model.Parameters.ToDictionary(p => p.Name, p => Array.ConvertAll(p.Value.Data, v => (double)v));
        var cost = new DoubleCost(model, loss, x, labels, lambda);
        var analytic = cost.Gradients(theta);
        // Rounding in J(θ ± ε) leaves ≈ |J|·2⁻⁵²/ε of noise in each difference quotient; allow 100× that.
        double noise = 100 * Math.Max(1, Math.Abs(cost.Value(theta))) * Math.Pow(2, -52) / epsilon;
        var floatGrads = FloatGradients(model, loss, x, labels, lambda);

        var rng = new Random(seed);
        var results = new List<ParameterCheck>();
        foreach (var p in model.TrainableParameters)
        {
            double[] values = theta[p.Name], grad = analytic[p.Name];
            int[] indices = Sample(values.Length, maxPerParameter, rng);
            var approx = new double[indices.Length];
            var exact = new double[indices.Length];
            for (int k = 0; k < indices.Length; k++)
            {
                int i = indices[k];
                double saved = values[i];
                values[i] = saved + epsilon;
                double plus = cost.Value(theta);
                values[i] = saved - epsilon;
                double minus = cost.Value(theta);
                values[i] = saved;
                approx[k] = (plus - minus) / (2 * epsilon);
                exact[k] = grad[i];
            }
            double floor = noise * Math.Sqrt(indices.Length);
            bool belowFloor = Norm(approx) < floor && Norm(exact) < floor;
            results.Add(new ParameterCheck(p.Name, indices.Length, belowFloor ? 0 : RelativeDifference(approx, exact),
                belowFloor ? 0 : RelativeDifference(grad, floatGrads[p.Name]), belowFloor));
        }
        return new GradientCheckReport(results, epsilon);
    }

    /// <summary>‖a − b‖₂ / (‖a‖₂ + ‖b‖₂), and 0 when both are zero.</summary>
    public static double RelativeDifference(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"b: expected length {a.Length}, actual {b.Length}.", nameof(b));
        double diff = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++) { diff += (a[i] - b[i]) * (a[i] - b[i]); na += a[i] * a[i]; nb += b[i] * b[i]; }
        double denominator = Math.Sqrt(na) + Math.Sqrt(nb);
        return denominator == 0 ? 0 : Math.Sqrt(diff) / denominator;
    }

    private static double Norm(ReadOnlySpan<double> v)
    {
        double sum = 0;
        foreach (double x in v) sum += x * x;
        return Math.Sqrt(sum);
    }

    private static Dictionary<string, double[]> FloatGradients(Sequential model, ILoss loss, Matrix x, int[] labels, float lambda)
    {
        // A training-mode forward updates running statistics and counters: put them back, the check must not change the model.
        var saved = ModelState.Save(model);
        try { return BackpropagateFloat(model, loss, x, labels, lambda); }
        finally { saved.Restore(); }
    }

    private static Dictionary<string, double[]> BackpropagateFloat(Sequential model, ILoss loss, Matrix x, int[] labels, float lambda)
    {
        var output = model.Forward(x);
        var dOut = new Matrix(output.Rows, output.Cols);
        loss.Compute(output, labels, dOut);
        model.Backward(dOut);
        if (lambda > 0) model.AddL2Gradients(lambda, x.Rows);
        return model.TrainableParameters.ToDictionary(p => p.Name, p => Array.ConvertAll(p.Grad.Data, v => (double)v));
    }

    private static int[] Sample(int length, int max, Random rng)
    {
        var all = Enumerable.Range(0, length).ToArray();
        if (length <= max) return all;
        rng.Shuffle(all);
        return all[..max];
    }
}
