using CourseKit.Kernels;

namespace CourseKit.Devices;

public abstract partial class Device
{
    /// <summary>
    /// Softmax and the cross-entropy cost in one pass, for integer class labels, as
    /// <see cref="CpuKernels.SoftmaxCrossEntropy(ReadOnlySpan{float}, int, int, ReadOnlySpan{int}, Span{float}, Span{float})"/>:
    /// returns <c>J = −(1/m) Σ_i log ŷ[i, labels[i]]</c> (m = <paramref name="rows"/>), and writes, when given,
    /// <c>dLogits = (ŷ − y)/m</c> and <c>probabilities = ŷ</c>.
    /// </summary>
    /// <remarks>Either output may be null (not computed) or the logits themselves (in place), not each other.
    /// The cost is copied to the host, so this waits for the device.</remarks>
    public float SoftmaxCrossEntropy(DeviceBuffer<float> logits, int rows, int cols, DeviceBuffer<int> labels,
        DeviceBuffer<float>? dLogits = null, DeviceBuffer<float>? probabilities = null)
    {
        const string operation = nameof(SoftmaxCrossEntropy);
        Require(labels, nameof(labels), operation);
        CheckCrossEntropy(logits, rows, cols, dLogits, probabilities, operation);
        if (!InputsTrusted) CpuKernels.CheckLabels(labels.ToArray(), rows, cols);  // trusted callers checked them on the host
        RequireFinite(logits, nameof(logits), cols);
        return SoftmaxCrossEntropyCore(logits, rows, cols, labels, null, dLogits, probabilities);
    }

    /// <summary>
    /// Softmax and the cross-entropy cost in one pass, for one-hot or probability <paramref name="targets"/> y
    /// (rows ≥ 0 summing to 1 within 1e-3): <c>J = −(1/m) Σ_i Σ_j y[i, j] log ŷ[i, j]</c>, and, when given,
    /// <c>dLogits = (ŷ − y)/m</c> and <c>probabilities = ŷ</c>.
    /// </summary>
    public float SoftmaxCrossEntropy(DeviceBuffer<float> logits, int rows, int cols, DeviceBuffer<float> targets,
        DeviceBuffer<float>? dLogits = null, DeviceBuffer<float>? probabilities = null)
    {
        const string operation = nameof(SoftmaxCrossEntropy);
        Require(targets, nameof(targets), operation);
        CheckCrossEntropy(logits, rows, cols, dLogits, probabilities, operation);
        Guard.Length(targets.Length, logits.Length, nameof(targets));
        NoOverlap(targets, nameof(targets), dLogits, nameof(dLogits));
        NoOverlap(targets, nameof(targets), probabilities, nameof(probabilities));
        RequireFinite(logits, nameof(logits), cols);
        if (!InputsTrusted) CpuKernels.CheckDistributions(targets.ToArray(), rows, cols, nameof(targets));
        return SoftmaxCrossEntropyCore(logits, rows, cols, null, targets, dLogits, probabilities);
    }

    /// <summary>The fused pass; exactly one of labels and targets is given; rows, cols ≥ 1; arguments are valid.</summary>
    private protected abstract float SoftmaxCrossEntropyCore(DeviceBuffer<float> logits, int rows, int cols,
        DeviceBuffer<int>? labels, DeviceBuffer<float>? targets, DeviceBuffer<float>? dLogits, DeviceBuffer<float>? probabilities);

    private void CheckCrossEntropy(DeviceBuffer<float> logits, int rows, int cols,
        DeviceBuffer<float>? dLogits, DeviceBuffer<float>? probabilities, string operation)
    {
        Require(logits, nameof(logits), operation);
        RequireOptional(dLogits, nameof(dLogits), operation);
        RequireOptional(probabilities, nameof(probabilities), operation);
        CpuKernels.CheckRowsOfClasses(logits.Length, rows, cols, nameof(logits));
        Guard.NonEmptyBatch(rows, nameof(rows));
        if (dLogits is not null) Guard.DestinationLength(dLogits.Length, logits.Length, nameof(dLogits));
        NoPartialOverlap(logits, nameof(logits), dLogits, nameof(dLogits));
        if (probabilities is not null) Guard.DestinationLength(probabilities.Length, logits.Length, nameof(probabilities));
        NoPartialOverlap(logits, nameof(logits), probabilities, nameof(probabilities));
        NoOverlap(probabilities, nameof(probabilities), dLogits, nameof(dLogits));
    }
}
