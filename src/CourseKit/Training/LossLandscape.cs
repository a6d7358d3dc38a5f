using CourseKit.Nn;
using CourseKit.Tensors;

namespace CourseKit.Training;

/// <summary>The loss and the gradient at one point θ − η·g along the gradient g (<see cref="LossLandscape.AlongGradient"/>).</summary>
/// <param name="Step">η.</param>
/// <param name="Loss">J(θ − η·g) on the batch.</param>
/// <param name="GradientChange">‖∇J(θ − η·g) − g‖₂ / ‖g‖₂: 0 where the gradient is still the one at θ.</param>
public sealed record LandscapePoint(double Step, double Loss, double GradientChange);

/// <summary>
/// How smooth the loss is where training stands: the loss and the gradient at points along the gradient direction, as
/// Santurkar et al. (2018) measured them to explain why Batch Normalization helps — a smoother landscape lets larger
/// steps go where the gradient promised.
/// </summary>
public static class LossLandscape
{
    /// <summary>
    /// Effectively, on the batch (<paramref name="x"/>, <paramref name="labels"/>) in training mode (Batch Norm with
    /// the batch's own statistics, as during a step): g = ∇J(θ) over the trainable parameters, then for each η of
    /// <paramref name="steps"/> the loss J(θ − η·g) and the gradient change ‖∇J(θ − η·g) − g‖₂ / ‖g‖₂. The model is
    /// left exactly as it was: parameters, running statistics, modes (gradients hold the last evaluation's).
    /// </summary>
    /// <exception cref="ArgumentException">Labels that do not match the batch, or no steps, or a step that is not finite.</exception>
    public static IReadOnlyList<LandscapePoint> AlongGradient(Sequential model, ILoss loss, Matrix x, int[] labels, IReadOnlyList<double> steps)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(steps);
        if (labels.Length != x.Rows) throw new ArgumentException($"labels: expected {x.Rows} labels (one per row of x), actual {labels.Length}.", nameof(labels));
        if (steps.Count == 0 || steps.Any(s => !double.IsFinite(s))) throw new ArgumentException("steps: expected at least one finite step η.", nameof(steps));
        var state = ModelState.Save(model);
        var parameters = model.TrainableParameters;
        var theta = parameters.Select(p => p.Value.Data.ToArray()).ToArray();
        try
        {
            model.Train();
            Evaluate(model, loss, x, labels);
            var g = parameters.Select(p => p.Grad.Data.ToArray()).ToArray();
            double gNorm = Math.Sqrt(g.Sum(a => a.Sum(v => (double)v * v)));
            var points = new List<LandscapePoint>();
            foreach (double eta in steps)
            {
                for (int k = 0; k < parameters.Count; k++)
                {
                    float[] value = parameters[k].Value.Data, start = theta[k], direction = g[k];
                    for (int i = 0; i < value.Length; i++) value[i] = (float)(start[i] - eta * direction[i]);
                }
                double j = Evaluate(model, loss, x, labels);
                double change = 0;
                for (int k = 0; k < parameters.Count; k++)
                {
                    // d·d, not Math.Pow(d, 2): the same correctly rounded square without a libm call per parameter
                    // (chapter 6 evaluates 50 points of two 150,000-parameter networks: 0.1 s of pow).
                    float[] gradient = parameters[k].Grad.Data, atTheta = g[k];
                    for (int i = 0; i < gradient.Length; i++)
                    {
                        double d = gradient[i] - (double)atTheta[i];
                        change += d * d;
                    }
                }
                points.Add(new LandscapePoint(eta, j, gNorm > 0 ? Math.Sqrt(change) / gNorm : Math.Sqrt(change)));
            }
            return points;
        }
        finally
        {
            for (int k = 0; k < parameters.Count; k++) theta[k].CopyTo(parameters[k].Value.Data, 0);
            state.Restore();
        }
    }

    // One training-mode forward and backward pass: the loss, and every trainable parameter's gradient in Grad. Running
    // statistics move here; AlongGradient puts them back.
    private static double Evaluate(Sequential model, ILoss loss, Matrix x, int[] labels)
    {
        var output = model.ForwardShared(x);
        var dOutput = new Matrix(output.Rows, output.Cols);
        double j = loss.Compute(output, labels, dOutput);
        model.BackwardParameters(dOutput);
        return j;
    }
}
