using System.Runtime.Intrinsics;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    /// <summary>Effectively computes <c>destination[i] = max(x[i], 0)</c>. In place when both are the same span.</summary>
    public static void Relu(ReadOnlySpan<float> x, Span<float> destination) => Elementwise.Map(new ReluOp(), x, destination, nameof(x));

    /// <summary>
    /// Effectively computes <c>dZ[i] = dA[i] · g′(z[i])</c> with g′(z) = 1 for z &gt; 0 and 0 otherwise
    /// (the subgradient at 0 is taken as 0, as PyTorch does).
    /// </summary>
    public static void ReluBackward(ReadOnlySpan<float> z, ReadOnlySpan<float> dA, Span<float> dZ) =>
        Elementwise.Map(new ReluBackwardOp(), z, dA, dZ, nameof(z), nameof(dA), nameof(dZ));

    /// <summary>
    /// <see cref="Relu"/> for the layer's forward pass, in one pass: its destination is the layer's own buffer, which
    /// may be written before NaN or ±∞ in x is reported (x itself stays untouched).
    /// </summary>
    internal static void ReluLayerForward(ReadOnlySpan<float> x, Span<float> destination, int rowLength) =>
        Elementwise.MapScanning(new ReluOp(), x, destination, nameof(x), rowLength);

    /// <summary><see cref="ReluBackward"/> for the layer, whose z is its forward pass's checked input: only dA is scanned.</summary>
    internal static void ReluLayerBackward(ReadOnlySpan<float> z, ReadOnlySpan<float> dA, Span<float> dZ, int rowLength) =>
        Elementwise.MapCheckingSecond(new ReluBackwardOp(), z, dA, dZ, nameof(z), nameof(dA), nameof(dZ), rowLength);

    private readonly struct ReluOp : IUnaryOp
    {
        public float Invoke(float x) => x > 0f ? x : 0f;
        public Vector512<float> Invoke(Vector512<float> x) => Vector512.Max(x, Vector512<float>.Zero);
        public Vector256<float> Invoke(Vector256<float> x) => Vector256.Max(x, Vector256<float>.Zero);
        public Vector128<float> Invoke(Vector128<float> x) => Vector128.Max(x, Vector128<float>.Zero);
    }

    private readonly struct ReluBackwardOp : IBinaryOp
    {
        public float Invoke(float z, float dA) => z > 0f ? dA : 0f;
        public Vector512<float> Invoke(Vector512<float> z, Vector512<float> dA) => Vector512.GreaterThan(z, Vector512<float>.Zero) & dA;
        public Vector256<float> Invoke(Vector256<float> z, Vector256<float> dA) => Vector256.GreaterThan(z, Vector256<float>.Zero) & dA;
        public Vector128<float> Invoke(Vector128<float> z, Vector128<float> dA) => Vector128.GreaterThan(z, Vector128<float>.Zero) & dA;
    }
}
