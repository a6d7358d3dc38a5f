namespace CourseKit.Kernels.Reference;

public static partial class ReferenceKernels
{
    /// <summary>
    /// Batch Normalization forward pass in training mode, written as the lecture states it. x is m × n row-major
    /// (example i in row i, feature j in column j); per feature: μ = (1/m)·Σ x, σ² = (1/m)·Σ (x − μ)² (biased),
    /// x̂ = (x − μ)/√(σ² + ε), y = γ·x̂ + β.
    /// </summary>
    /// <returns>y and x̂ (m × n), μ, σ² (biased) and 1/√(σ² + ε) (each n).</returns>
    public static (double[] Y, double[] XHat, double[] Mean, double[] Var, double[] InvStd) BatchNormForwardTraining(
        double[] x, int rows, int cols, double[] gamma, double[] beta, double epsilon)
    {
        int m = rows, n = cols;
        var mean = new double[n];
        var variance = new double[n];
        var invStd = new double[n];
        for (int j = 0; j < n; j++)
        {
            // μ = (1/m) Σᵢ x⁽ⁱ⁾
            double sum = 0;
            for (int i = 0; i < m; i++) sum += x[i * n + j];
            mean[j] = sum / m;

            // σ² = (1/m) Σᵢ (x⁽ⁱ⁾ − μ)²   (two passes: subtract the mean first, then square)
            double squares = 0;
            for (int i = 0; i < m; i++) squares += (x[i * n + j] - mean[j]) * (x[i * n + j] - mean[j]);
            variance[j] = squares / m;
            invStd[j] = 1.0 / Math.Sqrt(variance[j] + epsilon);
        }

        var xHat = new double[m * n];
        var y = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                // x̂ = (x − μ) / √(σ² + ε);   ỹ = γ x̂ + β
                xHat[i * n + j] = (x[i * n + j] - mean[j]) * invStd[j];
                y[i * n + j] = gamma[j] * xHat[i * n + j] + beta[j];
            }
        }
        return (y, xHat, mean, variance, invStd);
    }

    /// <summary>
    /// Updates running statistics as exponentially weighted averages, running = momentum·running + (1 − momentum)·batch.
    /// The variance averaged is the unbiased one, m/(m − 1)·σ², as in PyTorch (whose momentum is 1 − ours).
    /// </summary>
    public static void BatchNormUpdateRunning(
        double[] runningMean, double[] runningVar, double[] batchMean, double[] batchVar, int rows, double momentum)
    {
        for (int j = 0; j < runningMean.Length; j++)
        {
            double unbiasedVar = batchVar[j] * rows / (rows - 1);
            runningMean[j] = momentum * runningMean[j] + (1 - momentum) * batchMean[j];
            runningVar[j] = momentum * runningVar[j] + (1 - momentum) * unbiasedVar;
        }
    }

    /// <summary>
    /// Batch Normalization at test time: y = γ·(x − running mean)/√(running var + ε) + β, example by example.
    /// </summary>
    public static double[] BatchNormForwardInference(
        double[] x, int rows, int cols, double[] gamma, double[] beta, double[] runningMean, double[] runningVar, double epsilon)
    {
        var y = new double[rows * cols];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                double xHat = (x[i * cols + j] - runningMean[j]) / Math.Sqrt(runningVar[j] + epsilon);
                y[i * cols + j] = gamma[j] * xHat + beta[j];
            }
        }
        return y;
    }

    /// <summary>
    /// Batch Normalization backward pass, closed form: dβ = Σᵢ dy, dγ = Σᵢ dy·x̂,
    /// dx = (γ/(m·√(σ² + ε)))·(m·dy − dβ − x̂·dγ). It is the chain rule through x̂, μ and σ² collected into one line.
    /// </summary>
    /// <returns>dx (m × n), dγ and dβ (each n).</returns>
    public static (double[] Dx, double[] DGamma, double[] DBeta) BatchNormBackward(
        double[] dy, double[] xHat, int rows, int cols, double[] gamma, double[] invStd)
    {
        int m = rows, n = cols;
        var dGamma = new double[n];
        var dBeta = new double[n];
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < m; i++)
            {
                dBeta[j] += dy[i * n + j];                      // dβ = Σᵢ dy⁽ⁱ⁾
                dGamma[j] += dy[i * n + j] * xHat[i * n + j];   // dγ = Σᵢ dy⁽ⁱ⁾ x̂⁽ⁱ⁾
            }
        }

        var dx = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                // dx = γ / (m √(σ² + ε)) · (m dy − dβ − x̂ dγ)
                dx[i * n + j] = gamma[j] * invStd[j] / m * (m * dy[i * n + j] - dBeta[j] - xHat[i * n + j] * dGamma[j]);
            }
        }
        return (dx, dGamma, dBeta);
    }
}
