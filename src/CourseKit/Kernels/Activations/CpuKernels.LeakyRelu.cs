using System.Runtime.Intrinsics;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    /// <summary>Effectively computes <c>destination[i] = x[i] &gt; 0 ? x[i] : slope · x[i]</c>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="slope">The slope for negative inputs, in [0, 1) (0.01 is the usual choice).</param>
    /// <param name="destination">Output; may be the same span as <paramref name="x"/>.</param>
    public static void LeakyRelu(ReadOnlySpan<float> x, float slope, Span<float> destination)
    {
        Guard.InRange(slope, 0f, 1f, nameof(slope), highInclusive: false);
        Elementwise.Map(new LeakyReluOp(slope), x, destination, nameof(x));
    }

    /// <summary>Effectively computes <c>dZ[i] = dA[i] · (z[i] &gt; 0 ? 1 : slope)</c>.</summary>
    public static void LeakyReluBackward(ReadOnlySpan<float> z, ReadOnlySpan<float> dA, float slope, Span<float> dZ)
    {
        Guard.InRange(slope, 0f, 1f, nameof(slope), highInclusive: false);
        Elementwise.Map(new LeakyReluBackwardOp(slope), z, dA, dZ, nameof(z), nameof(dA), nameof(dZ));
    }

    private readonly struct LeakyReluOp(float slope) : IUnaryOp
    {
        public float Invoke(float x) => x > 0f ? x : slope * x;
        public Vector512<float> Invoke(Vector512<float> x) => Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<float>.Zero), x, x * slope);
        public Vector256<float> Invoke(Vector256<float> x) => Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<float>.Zero), x, x * slope);
        public Vector128<float> Invoke(Vector128<float> x) => Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128<float>.Zero), x, x * slope);
    }

    private readonly struct LeakyReluBackwardOp(float slope) : IBinaryOp
    {
        public float Invoke(float z, float dA) => z > 0f ? dA : slope * dA;
        public Vector512<float> Invoke(Vector512<float> z, Vector512<float> dA) => Vector512.ConditionalSelect(Vector512.GreaterThan(z, Vector512<float>.Zero), dA, dA * slope);
        public Vector256<float> Invoke(Vector256<float> z, Vector256<float> dA) => Vector256.ConditionalSelect(Vector256.GreaterThan(z, Vector256<float>.Zero), dA, dA * slope);
        public Vector128<float> Invoke(Vector128<float> z, Vector128<float> dA) => Vector128.ConditionalSelect(Vector128.GreaterThan(z, Vector128<float>.Zero), dA, dA * slope);
    }
}
