using System.Numerics.Tensors;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    /// <summary>
    /// Effectively computes the L2 ("weight decay") cost term <c>λ/(2m) · Σ w²</c> over one weight matrix
    /// (the lecture sums ‖W[l]‖²_F over layers; call once per weight matrix and add).
    /// </summary>
    /// <param name="weights">The weights (biases, γ and β are not regularized).</param>
    /// <param name="lambda">λ ≥ 0.</param>
    /// <param name="batchSize">m, the number of examples the cost is averaged over (≥ 1).</param>
    public static float L2Penalty(ReadOnlySpan<float> weights, float lambda, int batchSize)
    {
        CheckL2(lambda, batchSize);
        Guard.AllFinite(weights, nameof(weights));
        // Σw² in double: a large layer's sum of squares loses digits in float.
        double sum = 0;
        foreach (float w in weights) sum += (double)w * w;
        return (float)(lambda / (2.0 * batchSize) * sum);
    }

    /// <summary>Effectively computes <c>dW[i] += (λ/m) · w[i]</c>, the gradient of <see cref="L2Penalty"/> added to the data gradient.</summary>
    public static void L2GradientAccumulate(ReadOnlySpan<float> weights, float lambda, int batchSize, Span<float> dW)
    {
        CheckL2(lambda, batchSize);
        Guard.Length(dW.Length, weights.Length, nameof(dW));
        Guard.NoOverlap(weights, nameof(weights), dW, nameof(dW));
        Guard.AllFinite(weights, nameof(weights));
        TensorPrimitives.MultiplyAdd(weights, lambda / batchSize, dW, dW);
    }

    internal static void CheckL2(float lambda, int batchSize)
    {
        if (!(lambda >= 0f) || !float.IsFinite(lambda))
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, $"lambda: expected a finite value ≥ 0, actual {lambda}.");
        if (batchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"batchSize: expected m ≥ 1 examples, actual {batchSize}.");
    }
}
