using CourseKit.Kernels.Reference;
using CourseKit.Tensors;
using CourseKit.Kernels;

namespace CourseKit.Nn;

/// <summary>
/// Softmax output fused with cross-entropy: J = −(1/m)·Σᵢ log ŷ⁽ⁱ⁾[yᵢ] with ŷ = softmax(z), and dZ = (ŷ − y)/m.
/// </summary>
/// <remarks>Computed through log-softmax, so no log(0) and no overflow for large logits ("Training a softmax classifier").</remarks>
public sealed class SoftmaxCrossEntropyLoss : ILoss, IDoublePrecisionLoss
{
    /// <inheritdoc />
    public string Name => "softmax_cross_entropy";

    /// <inheritdoc />
    public float Compute(Matrix logits, ReadOnlySpan<int> labels, Matrix? gradient)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (gradient is not null) logits.Shape.RequireSame(gradient.Shape, nameof(gradient));
        return CpuKernels.SoftmaxCrossEntropy(logits.AsSpan(), logits.Rows, logits.Cols, labels, gradient is null ? [] : gradient.AsSpan());
    }

    /// <summary>The same with one-hot or probability targets (rows × classes, each row summing to 1).</summary>
    public float Compute(Matrix logits, Matrix targets, Matrix? gradient)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(targets);
        logits.Shape.RequireSame(targets.Shape, nameof(targets));
        if (gradient is not null) logits.Shape.RequireSame(gradient.Shape, nameof(gradient));
        return CpuKernels.SoftmaxCrossEntropy(logits.AsSpan(), logits.Rows, logits.Cols, targets.AsSpan(), gradient is null ? [] : gradient.AsSpan());
    }

    /// <inheritdoc />
    public double ComputeDouble(double[] logits, int rows, int cols, int[] labels, out double[] gradient) =>
        ReferenceKernels.SoftmaxCrossEntropy(logits, rows, cols, labels, out gradient);

    /// <inheritdoc />
    public int[] Predict(Matrix logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var classes = new int[logits.Rows];
        CpuKernels.ArgMax(logits.AsSpan(), logits.Rows, logits.Cols, classes);
        return classes;
    }
}

/// <summary>
/// Sigmoid output fused with binary cross-entropy on one logit per example (m × 1):
/// J = −(1/m)·Σ [y·log σ(z) + (1 − y)·log(1 − σ(z))], computed stably as max(z, 0) − z·y + log(1 + e^(−|z|));
/// dZ = (σ(z) − y)/m. Labels are 0 or 1.
/// </summary>
public sealed class BinaryCrossEntropyLoss : ILoss, IDoublePrecisionLoss
{
    /// <inheritdoc />
    public string Name => "binary_cross_entropy";

    /// <inheritdoc />
    public float Compute(Matrix logits, ReadOnlySpan<int> labels, Matrix? gradient)
    {
        Check(logits, labels);
        if (gradient is not null) logits.Shape.RequireSame(gradient.Shape, nameof(gradient));
        double sum = 0;
        int m = logits.Rows;
        for (int i = 0; i < m; i++)
        {
            double z = logits.Data[i];
            int y = labels[i];
            if (!double.IsFinite(z)) throw new ArgumentException($"logits: expected finite values, actual {z} at logits[{i}, 0].", nameof(logits));
            sum += Math.Max(z, 0) - z * y + Math.Log(1 + Math.Exp(-Math.Abs(z)));
            if (gradient is not null) gradient.Data[i] = (float)((1 / (1 + Math.Exp(-z)) - y) / m);
        }
        return (float)(sum / m);
    }

    /// <inheritdoc />
    public double ComputeDouble(double[] logits, int rows, int cols, int[] labels, out double[] gradient)
    {
        gradient = new double[rows];
        double sum = 0;
        for (int i = 0; i < rows; i++)
        {
            double z = logits[i], y = labels[i], a = 1 / (1 + Math.Exp(-z));
            // The stable form, as the float path: the lecture's −[y·log a + (1 − y)·log(1 − a)] loses 1 − a to cancellation
            // for large z even in double (z = 30: an error of 1e-3 in the cost, found against torch's BCEWithLogitsLoss).
            sum += Math.Max(z, 0) - z * y + Math.Log(1 + Math.Exp(-Math.Abs(z)));
            gradient[i] = (a - y) / rows;
        }
        return sum / rows;
    }

    /// <inheritdoc />
    public int[] Predict(Matrix logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        return logits.Data.Select(z => z > 0f ? 1 : 0).ToArray();
    }

    private static void Check(Matrix logits, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (logits.Cols != 1) throw new ArgumentException($"logits: expected one logit per example (m × 1), actual {logits.Shape}.", nameof(logits));
        if (logits.Rows < 1) throw new ArgumentException($"logits: expected a batch of at least 1 example, actual {logits.Shape}.", nameof(logits));
        if (labels.Length != logits.Rows) throw new ArgumentException($"labels: expected {logits.Rows} labels (one per example), actual {labels.Length}.", "labels");
        for (int i = 0; i < labels.Length; i++)
            if (labels[i] is not (0 or 1)) throw new ArgumentException($"labels: expected 0 or 1, actual {labels[i]} at labels[{i}].", "labels");
    }
}
