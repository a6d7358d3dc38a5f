using ILGPU;
using ILGPU.Algorithms;

namespace CourseKit.Kernels.Ilgpu;

/// <summary>An update rule's constants, folded on the host exactly as the CPU rules fold them (<see cref="AdamRule"/>).</summary>
internal readonly record struct UpdateArgs(float Alpha, float Beta1, float Beta2, float Epsilon, float C2, float Keep);

/// <summary>The optimizers' element rules, one thread per parameter element, in the CPU rules' float arithmetic.</summary>
internal static class IlgpuOptimizers
{
    /// <summary>w ← w + (−α)·g.</summary>
    public static void Sgd(Index1D i, ArrayView<float> w, ArrayView<float> g, float alpha) => w[i] = g[i] * -alpha + w[i];

    /// <summary>v ← β·v + (1 − β)·g; w ← w − α·v.</summary>
    public static void Momentum(Index1D i, ArrayView<float> w, ArrayView<float> g, ArrayView<float> v, UpdateArgs args)
    {
        float vi = args.Beta1 * v[i] + (1f - args.Beta1) * g[i];
        v[i] = vi;
        w[i] = w[i] - args.Alpha * vi;
    }

    /// <summary>s ← β₂·s + (1 − β₂)·g²; w ← w − α·g / (√s + ε).</summary>
    public static void RmsProp(Index1D i, ArrayView<float> w, ArrayView<float> g, ArrayView<float> s, UpdateArgs args)
    {
        float gi = g[i];
        float si = args.Beta2 * s[i] + (1f - args.Beta2) * (gi * gi);
        s[i] = si;
        w[i] = w[i] - args.Alpha * gi / (XMath.Sqrt(si) + args.Epsilon);
    }

    /// <summary>v, s as Adam; w ← w·keep − stepSize·v / (√s·c2 + ε), stepSize = α/(1 − β₁ᵗ), c2 = 1/√(1 − β₂ᵗ).</summary>
    public static void Adam(Index1D i, ArrayView<float> w, ArrayView<float> g, ArrayView<float> v, ArrayView<float> s, UpdateArgs args)
    {
        float gi = g[i];
        float vi = args.Beta1 * v[i] + (1f - args.Beta1) * gi;
        float si = args.Beta2 * s[i] + (1f - args.Beta2) * (gi * gi);
        v[i] = vi;
        s[i] = si;
        w[i] = w[i] * args.Keep - args.Alpha * vi / (XMath.Sqrt(si) * args.C2 + args.Epsilon);
    }
}
