using CourseKit.Tensors;
using In = (CourseKit.Tensors.Matrix Z, CourseKit.Tensors.Matrix Gamma, CourseKit.Tensors.Matrix Beta, float Epsilon);

namespace CourseKit.Grading;

public static partial class Checks
{
    /// <summary>
    /// Batch Normalization forward in training mode: for z (m × n, one example per row) and γ, β (1 × n), per column j
    /// μ = (1/m)·Σᵢ z, σ² = (1/m)·Σᵢ (z − μ)², z_norm = (z − μ)/√(σ² + ε), z̃ = γ·z_norm + β. Learner function:
    /// <c>Func&lt;Matrix, Matrix, Matrix, float, Matrix&gt;</c> taking (z, γ, β, ε) and returning z̃. 3 points.
    /// </summary>
    /// <remarks>
    /// Visible cases: one feature by hand (z = [1, 3, 1, 3], γ = 2, β = 0.5 → about [−1.5, 2.5, −1.5, 2.5]); several
    /// features on different scales; a feature with σ² = 1e-4 where ε matters; z ≈ 10⁴ + N(0, 1); γ = √(σ² + ε), β = μ,
    /// which gives back z; a batch of 2. Hidden cases: a random batch, a large offset, one feature with many examples,
    /// many features. The reference is <c>Kernels.BatchNormForwardTraining</c>.
    /// </remarks>
    public static Check<In, Matrix> BatchNormForward =>
        Check.For<In, Matrix>("batch norm forward", points: 3)
            .InputNames("z", "gamma", "beta", "epsilon")
            .WriteYourself(Shortcuts.BatchNorm)
            .Reference(input => BatchNormForwardReference(input.Z, input.Gamma, input.Beta, input.Epsilon))
            .Compare(Tolerance.Of(2e-4, 2e-4))
            .Case("one feature by hand (γ = 2, β = 0.5)", (BatchNormInputs.OneFeature, BatchNormInputs.Row(2), BatchNormInputs.Row(0.5f), 1e-5f),
                hint: "μ = 2 and σ² = 1 here (divide by m = 4, not m − 1), so z_norm ≈ [−1, 1, −1, 1] and z̃ = γ·z_norm + β ≈ [−1.5, 2.5, −1.5, 2.5].")
            .Case("several features: statistics per column", (BatchNormInputs.SeveralFeatures, BatchNormInputs.Row(1, 2, 0.5f),
                BatchNormInputs.Row(0, -1, 3), 1e-5f), hint: BatchNormColumnsHint)
            .Case("a feature with small variance (ε matters)", (BatchNormInputs.SmallVariance, BatchNormInputs.Row(1, 1),
                BatchNormInputs.Row(0, 0), 1e-5f), hint: BatchNormEpsilonHint)
            .Case("large offset: 10⁴ + noise", (BatchNormInputs.LargeOffset, BatchNormInputs.Row(1, 1), BatchNormInputs.Row(0, 0), 1e-5f),
                hint: BatchNormOffsetHint)
            .Case("γ = √(σ² + ε), β = μ gives back z", IdentityCase(), hint: BatchNormGammaBetaHint)
            .Case("a batch of 2", (Matrix.FromRows([1, -2, 5], [3, 2, 5.5f]), BatchNormInputs.Row(1, 1, 1), BatchNormInputs.Row(0, 0, 0), 1e-3f),
                hint: BatchNormBiasedHint)
            .Hidden("a random batch", r => RandomForwardInput(r, r.Next(2, 17), r.Next(2, 9)), hint: BatchNormColumnsHint)
            .Hidden("a large offset", r => OffsetForwardInput(r), hint: BatchNormOffsetHint)
            .Hidden("one feature, many examples", r => RandomForwardInput(r, r.Next(50, 200), 1))
            .Hidden("many features", r => RandomForwardInput(r, r.Next(4, 9), r.Next(30, 70)));

    private static In RandomForwardInput(Random r, int m, int n)
    {
        var (gamma, beta) = ScaleAndShift(r, n);
        return (Features(r, m, n), gamma, beta, HiddenEpsilon(r));
    }

    private static In OffsetForwardInput(Random r)
    {
        int n = r.Next(1, 4);
        return (LargeOffset(r, r.Next(8, 33), n), Matrix.Full(1, n, 1), new Matrix(1, n), 1e-5f);
    }

    /// <summary>z with γ = √(σ² + ε) and β = μ of its own columns (computed in double): the layer is then the identity.</summary>
    private static In IdentityCase()
    {
        var z = Matrix.FromRows([2, -1], [4, 0], [7, 5], [3, 2], [4, -6]);
        const float epsilon = 1e-5f;
        var (gamma, beta) = (new Matrix(1, z.Cols), new Matrix(1, z.Cols));
        for (int j = 0; j < z.Cols; j++)
        {
            double mean = 0, squares = 0;
            for (int i = 0; i < z.Rows; i++) mean += z[i, j] / (double)z.Rows;
            for (int i = 0; i < z.Rows; i++) squares += (z[i, j] - mean) * (z[i, j] - mean);
            gamma[0, j] = (float)Math.Sqrt(squares / z.Rows + epsilon);
            beta[0, j] = (float)mean;
        }
        return (z, gamma, beta, epsilon);
    }
}
