using CourseKit.Tensors;
using CourseKit.Kernels;

namespace CourseKit.Grading;

// What the three Batch Normalization checks share: the hints for typical mistakes, the references (the library's own
// kernels) and the inputs of their cases. γ, β and the running statistics are 1 × n, like the BatchNorm layer's.
public static partial class Checks
{
    internal const string BatchNormColumnsHint =
        "statistics per feature: μ and σ² of each column, over the m examples (rows) — not over each row.";

    internal const string BatchNormBiasedHint =
        "σ² = (1/m)·Σ(z − μ)² divides by m, not m − 1: BatchNorm normalizes with the batch's biased variance.";

    internal const string BatchNormEpsilonHint =
        "ε goes inside the square root: divide by √(σ² + ε) — not by √σ² + ε, nor by σ² + ε.";

    internal const string BatchNormGammaBetaHint =
        "scale and shift after normalizing: z̃ = γ·z_norm + β, column j with γ[0, j] and β[0, j].";

    internal const string BatchNormOffsetHint =
        "with z ≈ 10⁴ + noise, float sums lose the noise: accumulate the sums for μ and σ² in double, and subtract μ before " +
        "squaring (mean(z²) − μ² cancels catastrophically).";

    /// <summary>y = γ·(z − μ)/√(σ² + ε) + β with the batch's statistics, by the library's training-mode kernel.</summary>
    internal static Matrix BatchNormForwardReference(Matrix z, Matrix gamma, Matrix beta, float epsilon) =>
        BatchNormTraining(z, gamma, beta, epsilon).Y;

    /// <summary>The training-mode kernel's outputs: y, ẑ and 1/√(σ² + ε) per feature (running statistics untouched).</summary>
    internal static (Matrix Y, Matrix ZHat, float[] InvStd) BatchNormTraining(Matrix z, Matrix gamma, Matrix beta, float epsilon)
    {
        var y = new Matrix(z.Rows, z.Cols);
        var zHat = new Matrix(z.Rows, z.Cols);
        float[] mean = new float[z.Cols], invStd = new float[z.Cols];
        CpuKernels.BatchNormForwardTraining(z.AsSpan(), z.Rows, z.Cols, gamma.AsSpan(), beta.AsSpan(), epsilon,
            y.AsSpan(), mean, invStd, zHat.AsSpan(), [], [], momentum: 0.9f);
        return (y, zHat, invStd);
    }

    /// <summary>γ ~ N(1, 0.5²) and β ~ N(0, 1), each 1 × n.</summary>
    private static (Matrix Gamma, Matrix Beta) ScaleAndShift(Random r, int n) =>
        (Generators.Normal(r, 1, n, mean: 1, std: 0.5), Generators.Normal(r, 1, n));

    /// <summary>m × n pre-activations whose columns have their own mean (in [−5, 5]) and spread (in [0.3, 3]).</summary>
    private static Matrix Features(Random r, int m, int n)
    {
        var z = Generators.Normal(r, m, n);
        for (int j = 0; j < n; j++)
        {
            double mean = 10 * r.NextDouble() - 5, std = 0.3 + 2.7 * r.NextDouble();
            for (int i = 0; i < m; i++) z[i, j] = (float)(mean + std * z[i, j]);
        }
        return z;
    }

    /// <summary>m × n pre-activations 10⁴ + N(0, 1): float sums of them lose the noise.</summary>
    private static Matrix LargeOffset(Random r, int m, int n)
    {
        var z = Generators.Normal(r, m, n);
        Span<float> data = z.AsSpan();
        for (int k = 0; k < data.Length; k++) data[k] += 1e4f;
        return z;
    }

    /// <summary>ε for a hidden case: PyTorch's 1e-5 or Keras's 1e-3.</summary>
    private static float HiddenEpsilon(Random r) => r.Next(2) == 0 ? 1e-5f : 1e-3f;

    /// <summary>The visible cases' inputs, shared by the forward and backward checks.</summary>
    private static class BatchNormInputs
    {
        /// <summary>One feature, m = 4: μ = 2, σ² = 1, so z_norm = [−1, 1, −1, 1] up to ε.</summary>
        public static Matrix OneFeature => Matrix.FromRows([1], [3], [1], [3]);

        /// <summary>4 examples × 3 features on very different scales.</summary>
        public static Matrix SeveralFeatures => Matrix.FromRows([1, 200, -3], [2, 100, -1], [4, 400, -2], [9, 300, -6]);

        /// <summary>Column 0 has σ² = 1e-4, so ε = 1e-5 changes z_norm by 5 %.</summary>
        public static Matrix SmallVariance => Matrix.FromRows([0.01f, 1], [-0.01f, 4], [0.01f, 2], [-0.01f, 5]);

        /// <summary>10⁴ + N(0, 1), 32 × 2 (a fixed seed).</summary>
        public static Matrix LargeOffset => Checks.LargeOffset(new Random(2024), 32, 2);

        public static Matrix Row(params float[] values) => Matrix.RowVector(values);
    }
}
