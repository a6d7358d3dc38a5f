using ILGPU;
using ILGPU.Algorithms;

namespace CourseKit.Kernels.Ilgpu;

/// <summary>An element-wise map on the device: the result from x (and y, for backward passes and products).</summary>
internal interface IDeviceMap
{
    float Apply(float x, float y);
}

internal readonly struct ReluMap : IDeviceMap
{
    public float Apply(float x, float y) => x > 0f ? x : 0f;
}

internal readonly struct LeakyReluMap(float slope) : IDeviceMap
{
    public float Apply(float x, float y) => x > 0f ? x : slope * x;
}

internal readonly struct TanhMap : IDeviceMap
{
    public float Apply(float x, float y) => XMath.Tanh(x);
}

internal readonly struct SigmoidMap : IDeviceMap
{
    // e^(−x) overflows to +∞ for x < −88, and 1/(1 + ∞) = 0: the right limit, no NaN.
    public float Apply(float x, float y) => 1f / (1f + XMath.Exp(-x));
}

internal readonly struct ReluBackwardMap : IDeviceMap
{
    public float Apply(float z, float dA) => z > 0f ? dA : 0f;
}

internal readonly struct LeakyReluBackwardMap(float slope) : IDeviceMap
{
    public float Apply(float z, float dA) => z > 0f ? dA : slope * dA;
}

internal readonly struct TanhBackwardMap : IDeviceMap
{
    public float Apply(float a, float dA) => dA * (1f - a * a);
}

internal readonly struct SigmoidBackwardMap : IDeviceMap
{
    public float Apply(float a, float dA) => dA * a * (1f - a);
}

internal readonly struct MultiplyMap : IDeviceMap
{
    public float Apply(float x, float y) => x * y;
}

/// <summary>Element-wise kernels: one thread per element (ILGPU groups them).</summary>
internal static class IlgpuElementwise
{
    /// <summary>d[i] = op(x[i], y[i]); unary maps get x as y too.</summary>
    public static void Map<TMap>(Index1D i, ArrayView<float> x, ArrayView<float> y, ArrayView<float> d, TMap map)
        where TMap : struct, IDeviceMap => d[i] = map.Apply(x[i], y[i]);

    /// <summary>y[i] += alpha · x[i].</summary>
    public static void Axpy(Index1D i, ArrayView<float> x, ArrayView<float> y, float alpha) => y[i] += alpha * x[i];

    /// <summary>flag[0] = 1 when x[i] is NaN or ±∞ (all-ones exponent); racing writers all write 1.</summary>
    public static void NonFinite(Index1D i, ArrayView<float> x, ArrayView<int> flag)
    {
        if ((Interop.FloatAsInt(x[i]) & 0x7F800000u) == 0x7F800000u) flag[0] = 1;
    }

    /// <summary>The counter-based dropout mask, exactly <see cref="CpuKernels.DropoutMask(ulong, uint, float, Span{float})"/>'s.</summary>
    public static void DropoutMask(Index1D i, ArrayView<float> mask, ulong key, uint threshold, float scale)
    {
        uint bits = (uint)(CpuKernels.SplitMix64(key + (ulong)(int)i) >> 40);
        mask[i] = bits < threshold ? scale : 0f;
    }
}
