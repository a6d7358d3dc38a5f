using CourseKit.Tensors;
using CourseKit.Kernels;
using In = (CourseKit.Tensors.Matrix Z, CourseKit.Tensors.Matrix Gamma, CourseKit.Tensors.Matrix Beta,
    CourseKit.Tensors.Matrix RunningMean, CourseKit.Tensors.Matrix RunningVar, float Epsilon);

namespace CourseKit.Grading;

public static partial class Checks
{
    internal const string BatchNormRunningHint =
        "at test time normalize with runningMean and runningVar, not with the batch's own mean and variance: the batch may be a single example.";

    /// <summary>
    /// Batch Normalization at test time: z̃ = γ·(z − runningMean)/√(runningVar + ε) + β for every example on its own, with
    /// z m × n and γ, β, runningMean, runningVar 1 × n. Learner function: <c>Func&lt;Matrix, Matrix, Matrix, Matrix,
    /// Matrix, float, Matrix&gt;</c> taking (z, γ, β, runningMean, runningVar, ε). 2 points.
    /// </summary>
    /// <remarks>
    /// Visible cases: one feature by hand (running mean 2, variance 4 → z_norm = (z − 2)/2); one example (m = 1);
    /// several features whose batch statistics differ from the running ones; a small running variance where ε matters.
    /// Hidden cases: a random batch, one example, many features. The reference is <c>Kernels.BatchNormForwardInference</c>.
    /// </remarks>
    public static Check<In, Matrix> BatchNormInference =>
        Check.For<In, Matrix>("batch norm at test time", points: 2)
            .InputNames("z", "gamma", "beta", "runningMean", "runningVar", "epsilon")
            .WriteYourself(Shortcuts.BatchNorm)
            .Reference(input => BatchNormInferenceReference(input))
            .Compare(Tolerance.Of(2e-4, 2e-4))
            .Case("one feature by hand", (Matrix.FromRows([0], [2], [6]), BatchNormInputs.Row(1), BatchNormInputs.Row(0),
                BatchNormInputs.Row(2), BatchNormInputs.Row(4), 1e-5f),
                hint: "with running mean 2 and running variance 4, z_norm = (z − 2)/√(4 + ε) ≈ [−1, 0, 2]; divide by the standard deviation, not the variance.")
            .Case("one example (m = 1)", (Matrix.RowVector(3, -1, 0.5f), BatchNormInputs.Row(2, 0.5f, 1), BatchNormInputs.Row(0.1f, -1, 0),
                BatchNormInputs.Row(1, 0, 2), BatchNormInputs.Row(4, 0.25f, 1), 1e-5f), hint: BatchNormRunningHint)
            .Case("several features, batch statistics ≠ running ones", (BatchNormInputs.SeveralFeatures, BatchNormInputs.Row(1, 2, 0.5f),
                BatchNormInputs.Row(0, -1, 3), BatchNormInputs.Row(3, 250, -2), BatchNormInputs.Row(9, 1.5e4f, 4), 1e-5f),
                hint: "normalize with runningMean and runningVar (not this batch's own statistics), then scale by γ and shift by β: " +
                      "z̃ = γ·z_norm + β, column j with γ[0, j] and β[0, j].")
            .Case("a small running variance (ε matters)", (Matrix.FromRows([0.01f, 1], [-0.02f, 3]), BatchNormInputs.Row(1, 1),
                BatchNormInputs.Row(0, 0), BatchNormInputs.Row(0, 2), BatchNormInputs.Row(1e-4f, 1), 1e-5f), hint: BatchNormEpsilonHint)
            .Hidden("a random batch", r => RandomInferenceInput(r, r.Next(2, 17), r.Next(2, 9)), hint: BatchNormRunningHint)
            .Hidden("one example", r => RandomInferenceInput(r, 1, r.Next(2, 9)), hint: BatchNormRunningHint)
            .Hidden("many features", r => RandomInferenceInput(r, r.Next(2, 9), r.Next(30, 70)));

    private static Matrix BatchNormInferenceReference(In input)
    {
        var (z, gamma, beta, runningMean, runningVar, epsilon) = input;
        var y = new Matrix(z.Rows, z.Cols);
        CpuKernels.BatchNormForwardInference(z.AsSpan(), z.Rows, z.Cols, gamma.AsSpan(), beta.AsSpan(), runningMean.AsSpan(), runningVar.AsSpan(),
            epsilon, y.AsSpan());
        return y;
    }

    /// <summary>Running statistics near, but not equal to, the batch's: as after training on other batches.</summary>
    private static In RandomInferenceInput(Random r, int m, int n)
    {
        var (gamma, beta) = ScaleAndShift(r, n);
        var z = Features(r, m, n);
        var runningMean = Generators.Normal(r, 1, n, std: 3);
        var runningVar = new Matrix(1, n);
        for (int j = 0; j < n; j++) runningVar[0, j] = (float)(0.2 + 5 * r.NextDouble());
        return (z, gamma, beta, runningMean, runningVar, HiddenEpsilon(r));
    }
}
