namespace CourseKit.Kernels.Reference;

public static partial class ReferenceKernels
{
    /// <summary>
    /// Effectively computes the cost <c>J = (1/m) Σ_i L(ŷ_i, y_i)</c> with <c>L(ŷ, y) = −Σ_j y_j log ŷ_j</c>;
    /// for a one-hot y only the true class survives: <c>L = −log ŷ[label]</c>. +∞ when that probability is 0.
    /// </summary>
    public static double CrossEntropy(double[] probabilities, int rows, int cols, int[] labels)
    {
        double total = 0;
        for (int i = 0; i < rows; i++)
            total += -Math.Log(probabilities[i * cols + labels[i]]);
        return total / rows;
    }

    /// <summary>
    /// Effectively computes <c>J = −(1/m) Σ_i Σ_j y[i, j] log ŷ[i, j]</c>, with <c>0 · log 0 = 0</c>.
    /// </summary>
    public static double CrossEntropy(double[] probabilities, int rows, int cols, double[] targets)
    {
        double total = 0;
        for (int k = 0; k < rows * cols; k++)
        {
            if (targets[k] != 0)  // 0 · log 0 = 0 (the limit of y log y as y → 0)
                total += -targets[k] * Math.Log(probabilities[k]);
        }
        return total / rows;
    }

    /// <summary>
    /// Effectively computes <c>J = −(1/m) Σ_i log softmax(z_i)[label_i]</c> and its gradient
    /// <c>dZ = ∂J/∂z = (ŷ − y)/m</c>, y being the one-hot vector of the label.
    /// </summary>
    public static double SoftmaxCrossEntropy(double[] logits, int rows, int cols, int[] labels, out double[] dLogits)
    {
        var targets = new double[rows * cols];
        for (int i = 0; i < rows; i++)
            targets[i * cols + labels[i]] = 1;  // one-hot: y_j = 1 for the true class, 0 elsewhere
        return SoftmaxCrossEntropy(logits, rows, cols, targets, out dLogits);
    }

    /// <summary>
    /// Effectively computes <c>J = −(1/m) Σ_i Σ_j y[i, j] log ŷ[i, j]</c> with <c>ŷ = softmax(z)</c> row-wise, and
    /// <c>dZ = (ŷ − y)/m</c> (each row of y sums to 1).
    /// </summary>
    public static double SoftmaxCrossEntropy(double[] logits, int rows, int cols, double[] targets, out double[] dLogits)
    {
        // log ŷ from log-softmax, not log(softmax): a probability that rounds to 0 would give log 0 = −∞.
        double[] logY = LogSoftmax(logits, rows, cols);
        double[] yHat = Softmax(logits, rows, cols);
        double total = 0;
        dLogits = new double[rows * cols];
        for (int k = 0; k < rows * cols; k++)
        {
            if (targets[k] != 0)
                total += -targets[k] * logY[k];
            dLogits[k] = (yHat[k] - targets[k]) / rows;  // ∂J/∂z = (ŷ − y) / m
        }
        return total / rows;
    }
}
