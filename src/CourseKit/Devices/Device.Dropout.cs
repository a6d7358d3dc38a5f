using CourseKit.Kernels;

namespace CourseKit.Devices;

public abstract partial class Device
{
    /// <summary>
    /// Inverted dropout: effectively computes <c>mask[i] = (u_i &lt; keepProb) / keepProb</c> and <c>y[i] = x[i] · mask[i]</c>,
    /// with u_i a counter-based hash of (<paramref name="seed"/>, i) — the very mask <see cref="CpuKernels.DropoutForward"/>
    /// draws, bit for bit, on every device.
    /// </summary>
    /// <param name="x">Activations.</param>
    /// <param name="keepProb">Probability of keeping a unit, in (0, 1].</param>
    /// <param name="seed">Seed of the mask; a new one per mini-batch.</param>
    /// <param name="mask">Receives the scaled mask (kept for the backward pass), at least x.Length.</param>
    /// <param name="y">Receives the dropped-out activations; may be <paramref name="x"/> itself.</param>
    public void DropoutForward(DeviceBuffer<float> x, float keepProb, ulong seed, DeviceBuffer<float> mask, DeviceBuffer<float> y)
    {
        Require(x, nameof(x), nameof(DropoutForward));
        Require(mask, nameof(mask), nameof(DropoutForward));
        Require(y, nameof(y), nameof(DropoutForward));
        Guard.InRange(keepProb, 0f, 1f, nameof(keepProb), lowInclusive: false);
        Guard.DestinationLength(mask.Length, x.Length, nameof(mask));
        Guard.DestinationLength(y.Length, x.Length, nameof(y));
        NoOverlap(x, nameof(x), mask, nameof(mask));
        NoPartialOverlap(x, nameof(x), y, nameof(y));
        RequireFinite(x, nameof(x));
        if (x.Length == 0) return;
        // Integers, as the CPU kernel compares them: u < keepProb ⇔ 24 hash bits < ⌈keepProb·2²⁴⌉.
        uint threshold = (uint)Math.Ceiling(keepProb * (double)(1 << 24));
        var head = mask.Length == x.Length ? mask : mask.Slice(0, x.Length);
        DropoutMaskCore(CpuKernels.SplitMix64(seed), threshold, 1f / keepProb, head);
        ElementwiseCore(ElementwiseOp.Multiply, x, head, y, 0f);
    }

    /// <summary>Effectively computes <c>dx[i] = dy[i] · mask[i]</c>, with the mask the forward pass produced.</summary>
    public void DropoutBackward(DeviceBuffer<float> dy, DeviceBuffer<float> mask, DeviceBuffer<float> dx)
    {
        Require(dy, nameof(dy), nameof(DropoutBackward));
        Require(mask, nameof(mask), nameof(DropoutBackward));
        Require(dx, nameof(dx), nameof(DropoutBackward));
        Guard.Length(mask.Length, dy.Length, nameof(mask));
        Guard.DestinationLength(dx.Length, dy.Length, nameof(dx));
        NoPartialOverlap(dy, nameof(dy), dx, nameof(dx));
        RequireFinite(dy, nameof(dy));
        if (dy.Length > 0) ElementwiseCore(ElementwiseOp.Multiply, dy, mask, dx, 0f);
    }

    /// <summary>mask[i] = SplitMix64(key + i) &gt;&gt; 40 &lt; threshold ? scale : 0 for every element of <paramref name="mask"/>.</summary>
    private protected abstract void DropoutMaskCore(ulong key, uint threshold, float scale, DeviceBuffer<float> mask);
}
