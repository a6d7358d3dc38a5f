using CourseKit.Nn;
using CourseKit.Tensors;
using In = (CourseKit.Tensors.Matrix Z, CourseKit.Tensors.Matrix RunningMean, CourseKit.Tensors.Matrix RunningVar, float Momentum);
using Out = (CourseKit.Tensors.Matrix RunningMean, CourseKit.Tensors.Matrix RunningVar);

namespace CourseKit.Grading;

public static partial class Checks
{
    internal const string RunningMomentumHint =
        "the old value keeps the weight momentum and the batch gets 1 − momentum: running ← momentum·running + (1 − momentum)·batch " +
        "(with momentum 0.9 a running average moves a tenth of the way to the batch's value per step).";

    internal const string RunningUnbiasedHint =
        "the running variance averages the batch's UNBIASED variance, Σ(z − μ)²/(m − 1), as PyTorch and the BatchNorm layer do — " +
        "while normalizing the batch itself uses the biased one.";

    /// <summary>
    /// One training step's update of Batch Normalization's running statistics, per feature (column) of a batch z (m × n,
    /// m ≥ 2): <c>runningMean ← momentum·runningMean + (1 − momentum)·μ</c> and <c>runningVar ← momentum·runningVar +
    /// (1 − momentum)·m/(m − 1)·σ²</c>, μ and σ² the batch's mean and biased variance. Learner function:
    /// <c>Func&lt;Matrix, Matrix, Matrix, float, (Matrix, Matrix)&gt;</c> taking (z, runningMean, runningVar, momentum)
    /// and returning the new (runningMean, runningVar), both 1 × n. 2 points.
    /// </summary>
    /// <remarks>
    /// The reference is the library's <see cref="BatchNorm"/> layer itself: a training-mode forward pass of a layer whose
    /// running statistics are set to the inputs, read back afterwards. Visible cases: one feature by hand from the
    /// layer's initial statistics (0 and 1); several features with other running values; momentum 0 (the batch's own
    /// statistics); two examples (m − 1 = 1). Hidden cases: random batches and momenta.
    /// </remarks>
    public static Check<In, Out> BatchNormRunning =>
        Check.For<In, Out>("batch norm running statistics", points: 2)
            .InputNames("z", "runningMean", "runningVar", "momentum")
            .WriteYourself(Shortcuts.BatchNorm)
            .Reference(input => RunningReference(input))
            .Compare((expected, actual, tolerance) => Outputs.Tuple(expected, actual, tolerance, ["runningMean", "runningVar"]))
            .Compare(Tolerance.Of(1e-5, 1e-5))
            .Case("one feature from the layer's start (running mean 0, variance 1)", (BatchNormInputs.OneFeature, BatchNormInputs.Row(0),
                BatchNormInputs.Row(1), 0.9f), hint: RunningMomentumHint + " Here μ = 2, so the running mean becomes 0.2.")
            .Case("several features", (BatchNormInputs.SeveralFeatures, BatchNormInputs.Row(1, 150, -2), BatchNormInputs.Row(4, 900, 1), 0.9f),
                hint: BatchNormColumnsHint + " " + RunningUnbiasedHint)
            .Case("momentum 0: the batch's own statistics", (BatchNormInputs.SeveralFeatures, BatchNormInputs.Row(5, 5, 5), BatchNormInputs.Row(2, 2, 2), 0f),
                hint: RunningUnbiasedHint)
            .Case("two examples (m − 1 = 1)", (Matrix.FromRows([1, -2], [3, 2]), BatchNormInputs.Row(0.5f, 0), BatchNormInputs.Row(1, 3), 0.99f),
                hint: RunningUnbiasedHint + " With m = 2, the unbiased variance is twice the biased one.")
            .Hidden("a random batch", r => RandomRunningInput(r, r.Next(2, 17), r.Next(1, 7)), hint: RunningMomentumHint)
            .Hidden("a random batch of many features", r => RandomRunningInput(r, r.Next(2, 9), r.Next(8, 33)), hint: RunningUnbiasedHint);

    private static Out RunningReference(In input)
    {
        var model = new Sequential(new BatchNorm(input.Momentum)).Build(input.Z.Cols, seed: 0);
        var layer = model.Get<BatchNorm>();
        input.RunningMean.CopyTo(layer.RunningMean.Value);
        input.RunningVar.CopyTo(layer.RunningVariance.Value);
        model.Forward(input.Z);                                   // training mode: normalizes with the batch, updates the running statistics
        return (layer.RunningMean.Value.Clone(), layer.RunningVariance.Value.Clone());
    }

    private static In RandomRunningInput(Random r, int m, int n)
    {
        var variance = Generators.Normal(r, 1, n, mean: 2, std: 0.5);
        for (int j = 0; j < n; j++) variance[0, j] = Math.Abs(variance[0, j]) + 0.1f;
        return (Generators.Normal(r, m, n, mean: r.NextDouble() * 4 - 2, std: 1 + 3 * r.NextDouble()), Generators.Normal(r, 1, n), variance,
            (float)Math.Round(0.5 + 0.49 * r.NextDouble(), 2));
    }
}
