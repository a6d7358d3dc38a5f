namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    /// <summary>
    /// The inverted-dropout mask for given uniform numbers: effectively computes
    /// <c>mask[i] = (u[i] &lt; keepProb) / keepProb</c>, the mask <see cref="DropoutForward"/> draws from its own
    /// counter-based numbers. With it, a dropout step can be reproduced from numbers drawn elsewhere (a learner's
    /// <c>np.random.rand</c>, a test's fixed matrix); <see cref="DropoutBackward"/> takes the mask as it is.
    /// </summary>
    /// <param name="uniforms">Numbers in [0, 1), one per unit.</param>
    /// <param name="keepProb">Probability of keeping a unit, in (0, 1].</param>
    /// <param name="mask">Receives 1/keepProb where a unit is kept and 0 where it is dropped.</param>
    public static void DropoutMaskFromUniforms(ReadOnlySpan<float> uniforms, float keepProb, Span<float> mask)
    {
        Guard.InRange(keepProb, 0f, 1f, nameof(keepProb), lowInclusive: false);
        Guard.DestinationLength(mask.Length, uniforms.Length, nameof(mask));
        for (int i = 0; i < uniforms.Length; i++)
        {
            float u = uniforms[i];
            if (!(u >= 0f && u < 1f))
                throw new ArgumentOutOfRangeException(nameof(uniforms), u, $"uniforms[{i}]: expected a number in [0, 1), actual {u}.");
        }
        float scale = 1f / keepProb;
        for (int i = 0; i < uniforms.Length; i++) mask[i] = uniforms[i] < keepProb ? scale : 0f;
    }
}
