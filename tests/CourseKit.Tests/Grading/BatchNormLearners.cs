using CourseKit.Tensors;

namespace CourseKit.Tests.Grading;

/// <summary>Typical Batch Normalization mistakes, for the checks to tell apart from the right answer.</summary>
internal enum BnMistake
{
    None,
    UnbiasedVariance,       // σ² divided by m − 1
    EpsilonOutsideSqrt,     // √σ² + ε
    RowStatistics,          // μ and σ² over each row (example) instead of each column (feature)
    NoGammaBeta,            // returns z_norm
    OnePassFloat,           // σ² = mean(z²) − μ² in float
    FloatSums,              // the right two-pass formulas, summed in float: 10⁴ + noise loses the noise
    ForgetSumDy,            // backward without −Σdy (the path through μ)
    ForgetZHatTerm,         // backward without −ẑ·Σ(dy·ẑ) (the path through σ²)
    MeanInsteadOfSum,       // dγ, dβ divided by m
    BatchStatistics,        // test time with the batch's own μ and σ²
    DivideByVariance,       // test time divided by var + ε instead of its square root
}

/// <summary>What learners write for the three BatchNorm exercises, with one mistake switched on at a time.</summary>
internal static class BatchNormLearners
{
    public static Matrix Forward(Matrix z, Matrix gamma, Matrix beta, float epsilon) => Forward(z, gamma, beta, epsilon, BnMistake.None);

    public static Matrix Forward(Matrix z, Matrix gamma, Matrix beta, float epsilon, BnMistake mistake)
    {
        Matrix zNorm = mistake == BnMistake.RowStatistics ? Normalize(z.Transpose(), epsilon, mistake).Transpose() : Normalize(z, epsilon, mistake);
        return mistake == BnMistake.NoGammaBeta ? zNorm : ScaleShift(zNorm, gamma, beta);
    }

    public static (Matrix, Matrix, Matrix) Backward(Matrix dy, Matrix z, Matrix gamma, float epsilon) => Backward(dy, z, gamma, epsilon, BnMistake.None);

    public static (Matrix, Matrix, Matrix) Backward(Matrix dy, Matrix z, Matrix gamma, float epsilon, BnMistake mistake)
    {
        int m = z.Rows, n = z.Cols;
        var (_, variance) = Statistics(z, mistake);
        Matrix zHat = Normalize(z, epsilon, mistake);
        var (dz, dGamma, dBeta) = (new Matrix(m, n), new Matrix(1, n), new Matrix(1, n));
        for (int j = 0; j < n; j++)
        {
            double sumDy = 0, sumDyZHat = 0;
            for (int i = 0; i < m; i++) { sumDy += dy[i, j]; sumDyZHat += dy[i, j] * zHat[i, j]; }
            double std = mistake == BnMistake.EpsilonOutsideSqrt ? Math.Sqrt(variance[j]) + epsilon : Math.Sqrt(variance[j] + epsilon);
            for (int i = 0; i < m; i++)
            {
                double inner = m * dy[i, j] - (mistake == BnMistake.ForgetSumDy ? 0 : sumDy)
                               - (mistake == BnMistake.ForgetZHatTerm ? 0 : zHat[i, j] * sumDyZHat);
                dz[i, j] = (float)(gamma[0, j] / (m * std) * inner);
            }
            double scale = mistake == BnMistake.MeanInsteadOfSum ? 1.0 / m : 1;
            (dGamma[0, j], dBeta[0, j]) = ((float)(sumDyZHat * scale), (float)(sumDy * scale));
        }
        return (dz, dGamma, dBeta);
    }

    public static Matrix Inference(Matrix z, Matrix gamma, Matrix beta, Matrix runningMean, Matrix runningVar, float epsilon) =>
        Inference(z, gamma, beta, runningMean, runningVar, epsilon, BnMistake.None);

    public static Matrix Inference(Matrix z, Matrix gamma, Matrix beta, Matrix runningMean, Matrix runningVar, float epsilon, BnMistake mistake)
    {
        var (batchMean, batchVar) = Statistics(z, BnMistake.None);
        var y = new Matrix(z.Rows, z.Cols);
        for (int j = 0; j < z.Cols; j++)
        {
            double mean = mistake == BnMistake.BatchStatistics ? batchMean[j] : runningMean[0, j];
            double variance = mistake == BnMistake.BatchStatistics ? batchVar[j] : runningVar[0, j];
            double scale = mistake switch
            {
                BnMistake.EpsilonOutsideSqrt => Math.Sqrt(variance) + epsilon,
                BnMistake.DivideByVariance => variance + epsilon,
                _ => Math.Sqrt(variance + epsilon),
            };
            for (int i = 0; i < z.Rows; i++)
            {
                double zNorm = (z[i, j] - mean) / scale;
                y[i, j] = mistake == BnMistake.NoGammaBeta ? (float)zNorm : (float)(gamma[0, j] * zNorm + beta[0, j]);
            }
        }
        return y;
    }

    /// <summary>Per-column μ and σ² (biased, two passes in double unless the mistake says otherwise).</summary>
    private static (double[] Mean, double[] Var) Statistics(Matrix z, BnMistake mistake)
    {
        int m = z.Rows, n = z.Cols;
        var (mean, variance) = (new double[n], new double[n]);
        for (int j = 0; j < n; j++)
        {
            if (mistake == BnMistake.OnePassFloat)
            {
                float s = 0, s2 = 0;
                for (int i = 0; i < m; i++) { s += z[i, j]; s2 += z[i, j] * z[i, j]; }
                (mean[j], variance[j]) = (s / m, Math.Max(0f, s2 / m - (s / m) * (s / m)));
                continue;
            }
            if (mistake == BnMistake.FloatSums)
            {
                float s = 0, s2 = 0;
                for (int i = 0; i < m; i++) s += z[i, j];
                float mu = s / m;
                for (int i = 0; i < m; i++) s2 += (z[i, j] - mu) * (z[i, j] - mu);
                (mean[j], variance[j]) = (mu, s2 / m);
                continue;
            }
            for (int i = 0; i < m; i++) mean[j] += z[i, j];
            mean[j] /= m;
            for (int i = 0; i < m; i++) variance[j] += (z[i, j] - mean[j]) * (z[i, j] - mean[j]);
            variance[j] /= mistake == BnMistake.UnbiasedVariance ? m - 1 : m;
        }
        return (mean, variance);
    }

    private static Matrix Normalize(Matrix z, float epsilon, BnMistake mistake)
    {
        var (mean, variance) = Statistics(z, mistake);
        var zNorm = new Matrix(z.Rows, z.Cols);
        for (int j = 0; j < z.Cols; j++)
        {
            double std = mistake == BnMistake.EpsilonOutsideSqrt ? Math.Sqrt(variance[j]) + epsilon : Math.Sqrt(variance[j] + epsilon);
            for (int i = 0; i < z.Rows; i++) zNorm[i, j] = (float)((z[i, j] - mean[j]) / std);
        }
        return zNorm;
    }

    private static Matrix ScaleShift(Matrix zNorm, Matrix gamma, Matrix beta)
    {
        var y = new Matrix(zNorm.Rows, zNorm.Cols);
        for (int i = 0; i < y.Rows; i++)
            for (int j = 0; j < y.Cols; j++) y[i, j] = gamma[0, j] * zNorm[i, j] + beta[0, j];
        return y;
    }
}
