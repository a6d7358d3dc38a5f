using CourseKit.Kernels;

namespace CourseKit.Devices;

public abstract partial class Device
{
    /// <summary>
    /// Batch Normalization forward pass in training mode, as <see cref="CpuKernels.BatchNormForwardTraining"/>: per
    /// feature j, μⱼ and the biased σ²ⱼ over the m = <paramref name="rows"/> examples, x̂ = (x − μ)/√(σ² + ε),
    /// y = γ·x̂ + β; running statistics (when given) become momentum·running + (1 − momentum)·batch, with the
    /// unbiased batch variance for the running one.
    /// </summary>
    /// <remarks>Statistics are summed around a shift K ≈ μ (the mean of the first 32 examples), in float blocks
    /// folded into double, as on the CPU. <paramref name="xHat"/>, <paramref name="runningMean"/> and
    /// <paramref name="runningVar"/> may be null (not written; the running pair together).</remarks>
    public void BatchNormForwardTraining(
        DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> gamma, DeviceBuffer<float> beta, float epsilon,
        DeviceBuffer<float> y, DeviceBuffer<float> mean, DeviceBuffer<float> invStd, DeviceBuffer<float>? xHat,
        DeviceBuffer<float>? runningMean, DeviceBuffer<float>? runningVar, float momentum)
    {
        const string operation = nameof(BatchNormForwardTraining);
        foreach (var (buffer, name) in new[] { (x, nameof(x)), (gamma, nameof(gamma)), (beta, nameof(beta)), (y, nameof(y)), (mean, nameof(mean)), (invStd, nameof(invStd)) })
            Require(buffer, name, operation);
        RequireOptional(xHat, nameof(xHat), operation);
        RequireOptional(runningMean, nameof(runningMean), operation);
        RequireOptional(runningVar, nameof(runningVar), operation);
        CpuKernels.BatchNormMatrix(x.Length, rows, cols, nameof(x));
        CpuKernels.BatchNormTrainingBatch(rows);
        Guard.Length(gamma.Length, cols, nameof(gamma));
        Guard.Length(beta.Length, cols, nameof(beta));
        Guard.Epsilon(epsilon);
        Guard.InRange(momentum, 0f, 1f, nameof(momentum), highInclusive: false);
        Guard.DestinationLength(y.Length, x.Length, nameof(y));
        Guard.DestinationLength(mean.Length, cols, nameof(mean));
        Guard.DestinationLength(invStd.Length, cols, nameof(invStd));
        if (xHat is not null) Guard.DestinationLength(xHat.Length, x.Length, nameof(xHat));
        RunningStatistics(runningMean, runningVar, cols);
        RequireFinite(gamma, nameof(gamma));
        RequireFinite(beta, nameof(beta));
        y = Head(y, x.Length);
        mean = Head(mean, cols);
        invStd = Head(invStd, cols);
        xHat = xHat is null ? null : Head(xHat, x.Length);
        NoPartialOverlap(x, nameof(x), y, nameof(y));
        NoPartialOverlap(x, nameof(x), xHat, nameof(xHat));
        NoOverlap(y, nameof(y), xHat, nameof(xHat));
        NoOverlap(mean, nameof(mean), invStd, nameof(invStd));
        NoOverlap(runningMean, nameof(runningMean), runningVar, nameof(runningVar));
        foreach (var (small, smallName) in new[] { (runningMean, nameof(runningMean)), (runningVar, nameof(runningVar)) })
        {
            NoOverlap(mean, nameof(mean), small, smallName);
            NoOverlap(invStd, nameof(invStd), small, smallName);
        }
        foreach (var (small, smallName) in new[] { (mean, nameof(mean)), (invStd, nameof(invStd)), (runningMean, nameof(runningMean)), (runningVar, nameof(runningVar)) })
        {
            NoOverlap(y, nameof(y), small, smallName);
            NoOverlap(xHat, nameof(xHat), small, smallName);
        }
        RequireFinite(x, nameof(x), cols);
        Launching(operation);
        if (cols > 0) BatchNormTrainingCore(x, rows, cols, gamma, beta, epsilon, y, mean, invStd, xHat, runningMean, runningVar, momentum);
    }

    /// <summary>
    /// Batch Normalization forward pass in inference mode: <c>y[i,j] = γⱼ·(x[i,j] − runningMeanⱼ) / √(runningVarⱼ + ε) + βⱼ</c>,
    /// as <see cref="CpuKernels.BatchNormForwardInference"/>; any batch size ≥ 1; <paramref name="y"/> may be x itself.
    /// </summary>
    public void BatchNormForwardInference(
        DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> gamma, DeviceBuffer<float> beta,
        DeviceBuffer<float> runningMean, DeviceBuffer<float> runningVar, float epsilon, DeviceBuffer<float> y)
    {
        const string operation = nameof(BatchNormForwardInference);
        foreach (var (buffer, name) in new[] { (x, nameof(x)), (gamma, nameof(gamma)), (beta, nameof(beta)), (runningMean, nameof(runningMean)), (runningVar, nameof(runningVar)), (y, nameof(y)) })
            Require(buffer, name, operation);
        CpuKernels.BatchNormMatrix(x.Length, rows, cols, nameof(x));
        Guard.NonEmptyBatch(rows, nameof(rows));
        Guard.Length(gamma.Length, cols, nameof(gamma));
        Guard.Length(beta.Length, cols, nameof(beta));
        Guard.Length(runningMean.Length, cols, nameof(runningMean));
        Guard.Length(runningVar.Length, cols, nameof(runningVar));
        Guard.Epsilon(epsilon);
        Guard.DestinationLength(y.Length, x.Length, nameof(y));
        RequireFinite(gamma, nameof(gamma));
        RequireFinite(beta, nameof(beta));
        RequireFinite(runningMean, nameof(runningMean));
        if (!InputsTrusted) CpuKernels.BatchNormVariance(runningVar.ToArray(), nameof(runningVar));
        y = Head(y, x.Length);
        NoPartialOverlap(x, nameof(x), y, nameof(y));
        RequireFinite(x, nameof(x), cols);
        if (cols > 0) BatchNormInferenceCore(x, rows, cols, gamma, beta, runningMean, runningVar, epsilon, y);
    }

    /// <summary>μ, σ², x̂, y and the running statistics on this device; every argument is valid and x is finite.</summary>
    private protected abstract void BatchNormTrainingCore(
        DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> gamma, DeviceBuffer<float> beta, float epsilon,
        DeviceBuffer<float> y, DeviceBuffer<float> mean, DeviceBuffer<float> invStd, DeviceBuffer<float>? xHat,
        DeviceBuffer<float>? runningMean, DeviceBuffer<float>? runningVar, float momentum);

    /// <summary>y from the running statistics; every argument is valid, rows, cols ≥ 1.</summary>
    private protected abstract void BatchNormInferenceCore(
        DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> gamma, DeviceBuffer<float> beta,
        DeviceBuffer<float> runningMean, DeviceBuffer<float> runningVar, float epsilon, DeviceBuffer<float> y);

    /// <summary>The first <paramref name="length"/> elements (the buffer itself when that is all of it).</summary>
    private protected static DeviceBuffer<float> Head(DeviceBuffer<float> buffer, int length) =>
        buffer.Length == length ? buffer : buffer.Slice(0, length);

    private static void RunningStatistics(DeviceBuffer<float>? runningMean, DeviceBuffer<float>? runningVar, int cols)
    {
        if (runningMean is null && runningVar is null) return;
        if (runningMean is null || runningVar is null)
        {
            string missing = runningMean is null ? nameof(runningMean) : nameof(runningVar);
            throw new ArgumentException(
                $"{missing}: expected length {cols} (runningMean and runningVar are updated together, or both left empty: null), actual null.", missing);
        }
        Guard.Length(runningMean.Length, cols, nameof(runningMean));
        Guard.Length(runningVar.Length, cols, nameof(runningVar));
    }
}
