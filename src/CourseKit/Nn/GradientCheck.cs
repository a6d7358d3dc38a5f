using CourseKit.Tensors;

namespace CourseKit.Nn;

/// <summary>In which arithmetic a gradient check ran.</summary>
public enum GradientCheckPrecision
{
    /// <summary>Double on the reference kernels (every layer and the loss offer that path): the course's 1e-7 threshold applies.</summary>
    Double,

    /// <summary>Float on the model's own layers (a custom layer without the double path): thresholds 1e-3 great, 1e-2 check, 1e-1 worry.</summary>
    Float,
}

/// <summary>
/// Gradient checking ("Gradient checking" in the course): compares backpropagation with two-sided differences
/// (J(θ + ε) − J(θ − ε)) / 2ε using ‖dθ_approx − dθ‖₂ / (‖dθ_approx‖₂ + ‖dθ‖₂).
/// </summary>
/// <remarks>
/// <para>When every layer implements <see cref="IDoublePrecisionLayer"/> and the loss <see cref="IDoublePrecisionLoss"/>
/// (all built-in ones do), the model runs on the double-precision reference kernels with the parameters copied to
/// double, so the check can reach the course's 1e-7; the report also says how far the float SIMD backward is from the
/// double gradient. Otherwise — a custom layer that offers only forward and backward, or a custom loss — the check runs
/// the model's own float layers with ε = 1e-3, and its report says so: float's rounding of J then leaves a few 1e-4
/// even for a correct gradient (a larger ε would cross ReLU's kink more often), so its verdicts use the thresholds
/// 1e-3 great, 1e-2 check, 1e-1 worry; a forgotten factor in a backward pass still shows as ≈ 0.3. It refuses models
/// with dropout on: with random masks the cost is not a function of θ. The model is left exactly as it was.</para>
/// </remarks>
public static partial class GradientCheck
{
    /// <summary>Maps a relative difference to the course's verdict (1e-7 great, 1e-5 check, 1e-3 worry).</summary>
    public static GradientVerdict VerdictFor(double relativeDifference) => VerdictFor(relativeDifference, GradientCheckPrecision.Double);

    /// <summary>
    /// The verdict for a relative difference measured in <paramref name="precision"/>: the course's thresholds in
    /// double (1e-7 great, 1e-5 check, 1e-3 worry); in float, where rounding alone leaves a few 1e-4, 1e-3 great,
    /// 1e-2 check, 1e-1 worry — a factor forgotten in a backward pass still gives ≈ 0.3.
    /// </summary>
    public static GradientVerdict VerdictFor(double relativeDifference, GradientCheckPrecision precision)
    {
        var (great, check, worry) = precision == GradientCheckPrecision.Double ? (1e-7, 1e-5, 1e-3) : (1e-3, 1e-2, 1e-1);
        return relativeDifference <= great ? GradientVerdict.Great
            : relativeDifference <= check ? GradientVerdict.Check
            : relativeDifference <= worry ? GradientVerdict.Worry
            : GradientVerdict.Wrong;
    }

    /// <summary>Checks every trainable parameter of <paramref name="model"/> on one batch.</summary>
    /// <param name="model">A built model in training mode, without dropout (keepProb = 1).</param>
    /// <param name="loss">The cost on the model's output.</param>
    /// <param name="x">A batch, m × n_in.</param>
    /// <param name="labels">One label per row of <paramref name="x"/>.</param>
    /// <param name="lambda">L2 strength λ (0 for none); the penalty λ/(2m)·Σ‖W‖² is part of the checked cost.</param>
    /// <param name="epsilon">The two-sided step ε; by default 1e-7 in double (the course's) and 1e-3 in float.</param>
    /// <param name="maxPerParameter">Check at most this many components per parameter (a seeded sample), to bound time.</param>
    /// <param name="seed">Seed of the sample.</param>
    /// <param name="precision">Double or float; null picks double when the model and the loss offer it, else float.</param>
    public static GradientCheckReport Run(Sequential model, ILoss loss, Matrix x, int[] labels,
        double lambda = 0, double? epsilon = null, int maxPerParameter = int.MaxValue, int seed = 0, GradientCheckPrecision? precision = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        model.RequireBuilt();
        if (labels.Length != x.Rows) throw new ArgumentException($"labels: expected one label per row of x ({x.Rows}), actual {labels.Length}.", nameof(labels));
        if (maxPerParameter < 1)
            throw new ArgumentOutOfRangeException(nameof(maxPerParameter), maxPerParameter, $"maxPerParameter: expected ≥ 1, actual {maxPerParameter}.");
        // Backward runs only after a training-mode forward, so inference mode cannot be checked; dropout is switched off
        // by building the network with keepProb = 1 (Eval() would also swap BatchNorm to its running statistics).
        if (!model.IsTraining)
            throw new InvalidOperationException("model: expected training mode for a gradient check (model.Train()), actual inference mode (Eval()): " +
                "backward runs only after a training-mode forward. To check a network with dropout, build it with keepProb = 1.");
        var dropout = model.AllLayers.OfType<Dropout>().FirstOrDefault(d => d.KeepProb < 1f);
        if (dropout is not null)
            throw new InvalidOperationException($"Gradient checking refuses to run with dropout on ({dropout.Describe()}, keepProb {dropout.KeepProb}): build the network with keepProb = 1 while checking.");
        // λ in float, as training uses it: the double cost and the float kernels then regularize with the same value.
        float l2 = ScalarArguments.NonNegative(lambda, nameof(lambda));
        string? missing = MissingDoublePath(model, loss);
        var chosen = precision ?? (missing is null ? GradientCheckPrecision.Double : GradientCheckPrecision.Float);
        if (chosen == GradientCheckPrecision.Double && missing is not null)
            throw new ArgumentException($"precision: expected a model and loss with the double-precision path, actual {missing}.", nameof(precision));
        double step = epsilon ?? (chosen == GradientCheckPrecision.Double ? 1e-7 : 1e-3);
        if (!(step > 0) || !double.IsFinite(step))
            throw new ArgumentOutOfRangeException(nameof(epsilon), step, $"epsilon: expected a finite value > 0, actual {step}.");

        ICheckedCost cost = chosen == GradientCheckPrecision.Double
            ? new DoubleCost(model, (IDoublePrecisionLoss)loss, model.Leaves.Cast<IDoublePrecisionLayer>().ToArray(), x, labels, l2)
            : new FloatCost(model, loss, x, labels, l2);
        var floatGradients = chosen == GradientCheckPrecision.Double ? FloatBackprop.Gradients(model, loss, x, labels, l2) : null;
        var results = Compare(cost, model.TrainableParameters, step, maxPerParameter, seed, floatGradients, chosen);
        return new GradientCheckReport(results, step) { Precision = chosen, FloatReason = chosen == GradientCheckPrecision.Float ? missing ?? "float was asked for" : null };
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

    /// <summary>What lacks the double path (a layer or the loss, named), or null when the whole model and its loss have it.</summary>
    private static string? MissingDoublePath(Sequential model, ILoss loss)
    {
        var layer = model.Leaves.FirstOrDefault(l => l is not IDoublePrecisionLayer);
        if (layer is not null) return $"{layer.Describe()} does not implement IDoublePrecisionLayer";
        return loss is IDoublePrecisionLoss ? null : $"the loss {loss.GetType().Name} does not implement IDoublePrecisionLoss";
    }
}
