using CourseKit.Tensors;
using CourseKit.Kernels;
using In = (CourseKit.Tensors.Matrix Dy, CourseKit.Tensors.Matrix Z, CourseKit.Tensors.Matrix Gamma, float Epsilon);
using Out = (CourseKit.Tensors.Matrix Dz, CourseKit.Tensors.Matrix DGamma, CourseKit.Tensors.Matrix DBeta);

namespace CourseKit.Grading;

public static partial class Checks
{
    /// <summary>
    /// Batch Normalization backward in training mode, closed form: from dy = ∂J/∂z̃ (m × n), the forward input z and γ
    /// (1 × n), with ẑ = (z − μ)/√(σ² + ε) recomputed per column: dβ = Σᵢ dy, dγ = Σᵢ dy·ẑ (each 1 × n) and
    /// dz = γ/(m·√(σ² + ε))·(m·dy − dβ − ẑ·dγ). Learner function: <c>Func&lt;Matrix, Matrix, Matrix, float,
    /// (Matrix, Matrix, Matrix)&gt;</c> taking (dy, z, γ, ε) and returning (dz, dγ, dβ). 3 points.
    /// </summary>
    /// <remarks>
    /// Visible cases: one feature by hand; several features; dy the same for every example (dz = 0); a feature with
    /// σ² = 1e-4 where ε matters. Hidden cases: a random batch, a batch of 2, many features, a large offset. A wrong
    /// output is named (dz, dGamma or dBeta). The reference is <c>Kernels.BatchNormBackward</c> on the training-mode
    /// forward's ẑ and 1/√(σ² + ε).
    /// </remarks>
    public static Check<In, Out> BatchNormBackward =>
        Check.For<In, Out>("batch norm backward", points: 3)
            .InputNames("dy", "z", "gamma", "epsilon")
            .WriteYourself(Shortcuts.BatchNorm)
            .Reference(input => BatchNormBackwardReference(input.Dy, input.Z, input.Gamma, input.Epsilon))
            .Compare((expected, actual, tolerance) => Outputs.Tuple(expected, actual, tolerance, ["dz", "dGamma", "dBeta"]))
            .Compare(Tolerance.Of(2e-4, 2e-4))
            .Case("one feature by hand", (Matrix.FromRows([1], [0], [0], [-2]), BatchNormInputs.OneFeature, BatchNormInputs.Row(2), 1e-5f),
                hint: "here z_norm ≈ [−1, 1, −1, 1], so dβ = Σdy = −1, dγ = Σ dy·z_norm ≈ −3 and dz = γ/(m·√(σ² + ε))·(m·dy − dβ − z_norm·dγ) ≈ [1, 2, −1, −2].")
            .Case("several features", (Matrix.FromRows([1, 0.5f, -1], [-2, 0, 3], [0.5f, 1, 0], [2, -1, 1]), BatchNormInputs.SeveralFeatures,
                BatchNormInputs.Row(1, 2, 0.5f), 1e-5f), hint: BatchNormColumnsHint + " dγ and dβ are sums over the examples, 1 × n.")
            .Case("dy the same for every example (dz = 0)", (Matrix.FromRows([1, -3], [1, -3], [1, -3], [1, -3]), BatchNormInputs.SmallVariance,
                BatchNormInputs.Row(1.5f, 1), 1e-5f), hint: "adding the same dy to every example moves only μ, which BatchNorm subtracts: " +
                "m·dy − Σdy = 0 and Σ dy·z_norm = 0, so dz = 0. Keep the −Σdy term (the path through μ).")
            .Case("a feature with small variance (ε matters)", (Matrix.FromRows([1, 0], [0, 1], [2, 0], [0, -1]), BatchNormInputs.SmallVariance,
                BatchNormInputs.Row(1, 1), 1e-5f), hint: BatchNormEpsilonHint + " Keep the −z_norm·Σ(dy·z_norm) term (the path through σ²).")
            .Hidden("a random batch", r => RandomBackwardInput(r, r.Next(3, 17), r.Next(2, 9)))
            .Hidden("a batch of 2", r => RandomBackwardInput(r, 2, r.Next(1, 6)), hint: BatchNormBiasedHint)
            .Hidden("many features", r => RandomBackwardInput(r, r.Next(4, 9), r.Next(30, 70)), hint: BatchNormColumnsHint)
            .Hidden("a large offset", r => RandomBackwardInput(r, r.Next(8, 33), r.Next(1, 4), largeOffset: true), hint: BatchNormOffsetHint);

    private static Out BatchNormBackwardReference(Matrix dy, Matrix z, Matrix gamma, float epsilon)
    {
        var (_, zHat, invStd) = BatchNormTraining(z, gamma, new Matrix(1, z.Cols), epsilon);
        var dz = new Matrix(z.Rows, z.Cols);
        var (dGamma, dBeta) = (new Matrix(1, z.Cols), new Matrix(1, z.Cols));
        CpuKernels.BatchNormBackward(dy.AsSpan(), zHat.AsSpan(), z.Rows, z.Cols, gamma.AsSpan(), invStd, dz.AsSpan(), dGamma.AsSpan(), dBeta.AsSpan());
        return (dz, dGamma, dBeta);
    }

    private static In RandomBackwardInput(Random r, int m, int n, bool largeOffset = false)
    {
        var (gamma, _) = ScaleAndShift(r, n);
        var dy = Generators.Normal(r, m, n);
        return largeOffset ? (dy, LargeOffset(r, m, n), gamma, 1e-5f) : (dy, Features(r, m, n), gamma, HiddenEpsilon(r));
    }
}
