using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    /// <summary>Effectively computes <c>destination[i] = tanh(x[i])</c> (TensorPrimitives' vectorized tanh).</summary>
    public static void Tanh(ReadOnlySpan<float> x, Span<float> destination)
    {
        CheckActivationInput(x, destination);
        TensorPrimitives.Tanh(x, destination);
    }

    /// <summary>Effectively computes <c>dZ[i] = dA[i] · (1 − a[i]²)</c>, where a = tanh(z) is the forward output.</summary>
    public static void TanhBackward(ReadOnlySpan<float> a, ReadOnlySpan<float> dA, Span<float> dZ) =>
        Elementwise.Map(new TanhBackwardOp(), a, dA, dZ, nameof(a), nameof(dA), nameof(dZ));

    /// <summary>Effectively computes <c>destination[i] = σ(x[i]) = 1 / (1 + e^(−x[i]))</c> (TensorPrimitives' vectorized sigmoid).</summary>
    public static void Sigmoid(ReadOnlySpan<float> x, Span<float> destination)
    {
        CheckActivationInput(x, destination);
        if (!x.IsEmpty) TensorPrimitives.Sigmoid(x, destination); // TensorPrimitives.Sigmoid throws on empty input
    }

    /// <summary>Effectively computes <c>dZ[i] = dA[i] · a[i] · (1 − a[i])</c>, where a = σ(z) is the forward output.</summary>
    public static void SigmoidBackward(ReadOnlySpan<float> a, ReadOnlySpan<float> dA, Span<float> dZ) =>
        Elementwise.Map(new SigmoidBackwardOp(), a, dA, dZ, nameof(a), nameof(dA), nameof(dZ));

    private static void CheckActivationInput(ReadOnlySpan<float> x, Span<float> destination)
    {
        Guard.DestinationLength(destination.Length, x.Length, nameof(destination));
        Guard.NoPartialOverlap(x, nameof(x), destination, nameof(destination));
        Guard.AllFinite(x, nameof(x));
    }

    private readonly struct TanhBackwardOp : IBinaryOp
    {
        public float Invoke(float a, float dA) => dA * (1f - a * a);
        public Vector512<float> Invoke(Vector512<float> a, Vector512<float> dA) => dA * (Vector512<float>.One - a * a);
        public Vector256<float> Invoke(Vector256<float> a, Vector256<float> dA) => dA * (Vector256<float>.One - a * a);
        public Vector128<float> Invoke(Vector128<float> a, Vector128<float> dA) => dA * (Vector128<float>.One - a * a);
    }

    private readonly struct SigmoidBackwardOp : IBinaryOp
    {
        public float Invoke(float a, float dA) => dA * a * (1f - a);
        public Vector512<float> Invoke(Vector512<float> a, Vector512<float> dA) => dA * a * (Vector512<float>.One - a);
        public Vector256<float> Invoke(Vector256<float> a, Vector256<float> dA) => dA * a * (Vector256<float>.One - a);
        public Vector128<float> Invoke(Vector128<float> a, Vector128<float> dA) => dA * a * (Vector128<float>.One - a);
    }
}
