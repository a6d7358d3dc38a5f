using CourseKit.Kernels;

namespace CourseKit.Devices;

public abstract partial class Device
{
    /// <summary>Effectively computes the L2 cost term <c>λ/(2m) · Σ w²</c> over one weight matrix (Σw² summed in double).</summary>
    /// <param name="weights">The weights (biases, γ and β are not regularized).</param>
    /// <param name="lambda">λ ≥ 0.</param>
    /// <param name="batchSize">m ≥ 1, the number of examples the cost is averaged over.</param>
    public float L2Penalty(DeviceBuffer<float> weights, float lambda, int batchSize)
    {
        Require(weights, nameof(weights), nameof(L2Penalty));
        CpuKernels.CheckL2(lambda, batchSize);
        RequireFinite(weights, nameof(weights));
        double sum = weights.Length == 0 ? 0 : SumOfSquaresCore(weights);
        return (float)(lambda / (2.0 * batchSize) * sum);
    }

    /// <summary>Effectively computes <c>dW[i] += (λ/m) · w[i]</c>, the gradient of <see cref="L2Penalty"/> added to the data gradient.</summary>
    public void L2GradientAccumulate(DeviceBuffer<float> weights, float lambda, int batchSize, DeviceBuffer<float> dW)
    {
        Require(weights, nameof(weights), nameof(L2GradientAccumulate));
        Require(dW, nameof(dW), nameof(L2GradientAccumulate));
        CpuKernels.CheckL2(lambda, batchSize);
        Guard.Length(dW.Length, weights.Length, nameof(dW));
        NoOverlap(weights, nameof(weights), dW, nameof(dW));
        RequireFinite(weights, nameof(weights));
        if (weights.Length > 0) AxpyCore(lambda / batchSize, weights, dW);
    }

    /// <summary>Σ x² in double precision.</summary>
    private protected abstract double SumOfSquaresCore(DeviceBuffer<float> x);

    /// <summary>y[i] += alpha · x[i].</summary>
    private protected abstract void AxpyCore(float alpha, DeviceBuffer<float> x, DeviceBuffer<float> y);
}
