using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    /// <summary>
    /// Inverted dropout: effectively computes <c>mask[i] = (u_i &lt; keepProb) / keepProb</c> and <c>y[i] = x[i] · mask[i]</c>,
    /// so the expected value of each activation is unchanged and nothing needs rescaling at test time.
    /// </summary>
    /// <remarks>
    /// u_i is a counter-based random number, a hash of (<paramref name="seed"/>, i): the same seed gives the same mask
    /// on every machine, in any thread, whatever was drawn before. keepProb = 1 keeps everything (mask of ones).
    /// </remarks>
    /// <param name="x">Activations.</param>
    /// <param name="keepProb">Probability of keeping a unit, in (0, 1].</param>
    /// <param name="seed">Seed of the mask; use a new one per mini-batch (e.g. derived from the step number).</param>
    /// <param name="mask">Receives the scaled mask (kept for the backward pass).</param>
    /// <param name="y">Receives the dropped-out activations; may be the same span as <paramref name="x"/>.</param>
    public static void DropoutForward(ReadOnlySpan<float> x, float keepProb, ulong seed, Span<float> mask, Span<float> y)
    {
        Guard.InRange(keepProb, 0f, 1f, nameof(keepProb), lowInclusive: false);
        Guard.DestinationLength(mask.Length, x.Length, nameof(mask));
        Guard.DestinationLength(y.Length, x.Length, nameof(y));
        Guard.NoOverlap(x, nameof(x), mask, nameof(mask));
        Guard.NoPartialOverlap(x, nameof(x), y, nameof(y));
        Guard.AllFinite(x, nameof(x));
        DropoutMask(keepProb, seed, mask[..x.Length]);
        TensorPrimitives.Multiply(x, mask[..x.Length], y);
    }

    /// <summary>Effectively computes <c>dx[i] = dy[i] · mask[i]</c>, with the mask the forward pass produced.</summary>
    public static void DropoutBackward(ReadOnlySpan<float> dy, ReadOnlySpan<float> mask, Span<float> dx)
    {
        Guard.Length(mask.Length, dy.Length, nameof(mask));
        Guard.DestinationLength(dx.Length, dy.Length, nameof(dx));
        Guard.NoPartialOverlap(dy, nameof(dy), dx, nameof(dx));
        Guard.AllFinite(dy, nameof(dy));
        TensorPrimitives.Multiply(dy, mask, dx);
    }

    private static void DropoutMask(float keepProb, ulong seed, Span<float> mask)
    {
        // Compare 24-bit integers: u < keepProb ⇔ bits < keepProb·2²⁴, exact for every float keepProb in (0, 1].
        uint threshold = (uint)Math.Ceiling(keepProb * (double)(1 << 24));
        DropoutMask(SplitMix64(seed), threshold, 1f / keepProb, mask);
    }

    /// <summary>mask[i] = (SplitMix64(key + i) &gt;&gt; 40) &lt; threshold ? scale : 0 — what every device's dropout draws.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void DropoutMask(ulong key, uint threshold, float scale, Span<float> mask)
    {
        for (int i = 0; i < mask.Length; i++)
        {
            uint bits = (uint)(SplitMix64(key + (ulong)i) >> 40);
            mask[i] = bits < threshold ? scale : 0f;
        }
    }

    /// <summary>SplitMix64's finalizer: a bijective hash whose outputs pass BigCrush as a counter-based generator.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
