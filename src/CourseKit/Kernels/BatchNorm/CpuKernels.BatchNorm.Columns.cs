using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    // The per-feature (per-column) steps of BatchNorm between its big passes: statistics from the double sums, the
    // coefficients of the row passes, the narrowing stores. Eight columns at a time in double: written as scalar loops,
    // the JIT's scalar float↔double conversions merge into their destination register, which chained each column to
    // the previous column's division, ≈ 30–40 cycles a column. With a batch of 128 that was a third of the forward pass
    // and of the backward pass at 256 features (3 of 8.5 µs, 4 of 10.5 µs on Zen 5, perf). Each vector lane does the
    // very same IEEE double operations in the same order as the scalar tail, so the results are the same bits.

    /// <summary>
    /// From <paramref name="mu"/> = Σ(x−K) and <paramref name="sigma2"/> = Σ(x−K)² per column: μ − K, the biased σ²,
    /// s = 1/√(σ² + ε), a = γ·s, then scale = a, offset = β − (μ−K)·a, inv = s, hatOffset = −(μ−K)·s;
    /// <paramref name="mu"/> becomes μ = K + (μ−K) and <paramref name="sigma2"/> becomes σ².
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BatchNormForwardCoefficients(
        int rows, float epsilon, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, ReadOnlySpan<float> shift,
        Span<double> mu, Span<double> sigma2, Span<float> scale, Span<float> offset, Span<float> inv, Span<float> hatOffset)
    {
        int n = mu.Length, j = 0;
        Debug.Assert(sigma2.Length >= n && gamma.Length >= n && beta.Length >= n && shift.Length >= n);
        Debug.Assert(scale.Length >= n && offset.Length >= n && inv.Length >= n && hatOffset.Length >= n);
        if (Vector256.IsHardwareAccelerated)
        {
            ref float pg = ref MemoryMarshal.GetReference(gamma), pb = ref MemoryMarshal.GetReference(beta);
            ref float pk = ref MemoryMarshal.GetReference(shift);
            ref double pm = ref MemoryMarshal.GetReference(mu), pv = ref MemoryMarshal.GetReference(sigma2);
            ref float pa = ref MemoryMarshal.GetReference(scale), pc = ref MemoryMarshal.GetReference(offset);
            ref float ps = ref MemoryMarshal.GetReference(inv), ph = ref MemoryMarshal.GetReference(hatOffset);
            var m = Vector256.Create((double)rows);
            var eps = Vector256.Create((double)epsilon);
            for (; j <= n - Vector256<float>.Count; j += Vector256<float>.Count)
            {
                nuint k = (nuint)j, k2 = k + (nuint)Vector256<double>.Count;
                var (g0, g1) = Vector256.Widen(Vector256.LoadUnsafe(ref pg, k));
                var (b0, b1) = Vector256.Widen(Vector256.LoadUnsafe(ref pb, k));
                var (K0, K1) = Vector256.Widen(Vector256.LoadUnsafe(ref pk, k));
                var lo = ForwardColumns(Vector256.LoadUnsafe(ref pm, k), Vector256.LoadUnsafe(ref pv, k), g0, b0, K0, m, eps);
                var hi = ForwardColumns(Vector256.LoadUnsafe(ref pm, k2), Vector256.LoadUnsafe(ref pv, k2), g1, b1, K1, m, eps);
                Vector256.Narrow(lo.Scale, hi.Scale).StoreUnsafe(ref pa, k);
                Vector256.Narrow(lo.Offset, hi.Offset).StoreUnsafe(ref pc, k);
                Vector256.Narrow(lo.Inv, hi.Inv).StoreUnsafe(ref ps, k);
                Vector256.Narrow(lo.HatOffset, hi.HatOffset).StoreUnsafe(ref ph, k);
                lo.Mu.StoreUnsafe(ref pm, k);
                hi.Mu.StoreUnsafe(ref pm, k2);
                lo.Sigma2.StoreUnsafe(ref pv, k);
                hi.Sigma2.StoreUnsafe(ref pv, k2);
            }
        }
        for (; j < n; j++)
        {
            double dm = mu[j] / rows;                                   // μ − K
            double v = Math.Max(sigma2[j] / rows - dm * dm, 0.0);       // σ² = E[(x−K)²] − (μ−K)², biased
            double s = 1.0 / Math.Sqrt(v + epsilon);
            double a = gamma[j] * s;
            scale[j] = (float)a;                                        // y = (x − K)·γ/√(σ²+ε) + (β − (μ−K)·γ/√(σ²+ε))
            offset[j] = (float)(beta[j] - dm * a);
            inv[j] = (float)s;
            hatOffset[j] = (float)(-dm * s);                            // x̂ = (x − K)/√(σ²+ε) − (μ−K)/√(σ²+ε)
            mu[j] = shift[j] + dm;
            sigma2[j] = v;
        }
    }

    /// <summary>Four columns of <see cref="BatchNormForwardCoefficients"/>, operation for operation its scalar loop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> Scale, Vector256<double> Offset, Vector256<double> Inv, Vector256<double> HatOffset, Vector256<double> Mu, Vector256<double> Sigma2)
        ForwardColumns(Vector256<double> sum, Vector256<double> sumSquares, Vector256<double> gamma, Vector256<double> beta, Vector256<double> shift,
            Vector256<double> rows, Vector256<double> epsilon)
    {
        var dm = sum / rows;
        // Never −0 or NaN here (the sums were checked finite, and a − b = 0 is +0), so Max is Math.Max.
        var v = Vector256.Max(sumSquares / rows - dm * dm, Vector256<double>.Zero);
        var s = Vector256<double>.One / Vector256.Sqrt(v + epsilon);
        var a = gamma * s;
        return (a, beta - dm * a, s, -dm * s, shift + dm, v);
    }

    /// <summary>
    /// The backward pass's coefficients from Σdy (<paramref name="sumDy"/>) and Σdy·b (<paramref name="sumDyB"/>):
    /// dx = p·dy + r·(b − shift) + q with p = γ·s, q = −k·dβ, r = −k·dγ·s (or −k·dγ when b is x̂), k = γ·s/m,
    /// dβ = Σdy, dγ = Σdy·b·s (or Σdy·b). <paramref name="sumDyB"/> becomes dγ.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BatchNormBackwardCoefficients(
        int rows, bool fromX, ReadOnlySpan<float> gamma, ReadOnlySpan<float> invStd, ReadOnlySpan<double> sumDy, Span<double> sumDyB,
        Span<float> p, Span<float> q, Span<float> r)
    {
        int n = sumDy.Length, j = 0;
        Debug.Assert(sumDyB.Length >= n && gamma.Length >= n && invStd.Length >= n && p.Length >= n && q.Length >= n && r.Length >= n);
        if (Vector256.IsHardwareAccelerated)
        {
            ref float pg = ref MemoryMarshal.GetReference(gamma), ps = ref MemoryMarshal.GetReference(invStd);
            ref double pd = ref MemoryMarshal.GetReference(sumDy), pe = ref MemoryMarshal.GetReference(sumDyB);
            ref float pp = ref MemoryMarshal.GetReference(p), pq = ref MemoryMarshal.GetReference(q), pr = ref MemoryMarshal.GetReference(r);
            var m = Vector256.Create((double)rows);
            for (; j <= n - Vector256<float>.Count; j += Vector256<float>.Count)
            {
                nuint k = (nuint)j, k2 = k + (nuint)Vector256<double>.Count;
                var (g0, g1) = Vector256.Widen(Vector256.LoadUnsafe(ref pg, k));
                var (s0, s1) = Vector256.Widen(Vector256.LoadUnsafe(ref ps, k));
                var lo = BackwardColumns(Vector256.LoadUnsafe(ref pd, k), Vector256.LoadUnsafe(ref pe, k), g0, s0, m, fromX);
                var hi = BackwardColumns(Vector256.LoadUnsafe(ref pd, k2), Vector256.LoadUnsafe(ref pe, k2), g1, s1, m, fromX);
                Vector256.Narrow(lo.P, hi.P).StoreUnsafe(ref pp, k);
                Vector256.Narrow(lo.Q, hi.Q).StoreUnsafe(ref pq, k);
                Vector256.Narrow(lo.R, hi.R).StoreUnsafe(ref pr, k);
                lo.DGamma.StoreUnsafe(ref pe, k);
                hi.DGamma.StoreUnsafe(ref pe, k2);
            }
        }
        for (; j < n; j++)
        {
            double s = invStd[j];
            double dBetaJ = sumDy[j];
            double dGammaJ = fromX ? sumDyB[j] * s : sumDyB[j];
            double k = gamma[j] * s / rows;
            p[j] = (float)(gamma[j] * s);                       // dx = γ·invStd·dy − (k·dβ) − (k·dγ)·x̂
            q[j] = (float)(-k * dBetaJ);
            r[j] = (float)(fromX ? -k * dGammaJ * s : -k * dGammaJ);
            sumDyB[j] = dGammaJ;
        }
    }

    /// <summary>Four columns of <see cref="BatchNormBackwardCoefficients"/>, operation for operation its scalar loop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> P, Vector256<double> Q, Vector256<double> R, Vector256<double> DGamma) BackwardColumns(
        Vector256<double> sumDy, Vector256<double> sumDyB, Vector256<double> gamma, Vector256<double> s, Vector256<double> rows, bool fromX)
    {
        var dGamma = fromX ? sumDyB * s : sumDyB;
        var k = gamma * s / rows;
        var r = fromX ? -k * dGamma * s : -k * dGamma;
        return (gamma * s, -k * sumDy, r, dGamma);
    }

    /// <summary>Whether every value of <paramref name="a"/> and <paramref name="b"/> (as long) is finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool BatchNormSumsFinite(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length, j = 0;
        Debug.Assert(b.Length >= n);
        if (Vector256.IsHardwareAccelerated)
        {
            // x·0 is 0 for finite x and NaN for ±∞ or NaN, and NaN sticks in the sum.
            ref double pa = ref MemoryMarshal.GetReference(a), pb = ref MemoryMarshal.GetReference(b);
            Vector256<double> accA = default, accB = default;
            for (; j <= n - Vector256<double>.Count; j += Vector256<double>.Count)
            {
                accA += Vector256.LoadUnsafe(ref pa, (nuint)j) * Vector256<double>.Zero;
                accB += Vector256.LoadUnsafe(ref pb, (nuint)j) * Vector256<double>.Zero;
            }
            if (!double.IsFinite(Vector256.Sum(accA + accB))) return false;
        }
        for (; j < n; j++)
            if (!double.IsFinite(a[j]) || !double.IsFinite(b[j])) return false;
        return true;
    }

    /// <summary><c>destination[j] = (float)source[j]</c>, rounded to nearest as the scalar cast.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BatchNormNarrow(ReadOnlySpan<double> source, Span<float> destination)
    {
        int n = source.Length, j = 0;
        Debug.Assert(destination.Length >= n);
        if (Vector256.IsHardwareAccelerated)
        {
            ref double ps = ref MemoryMarshal.GetReference(source);
            ref float pd = ref MemoryMarshal.GetReference(destination);
            for (; j <= n - Vector256<float>.Count; j += Vector256<float>.Count)
            {
                nuint k = (nuint)j;
                Vector256.Narrow(Vector256.LoadUnsafe(ref ps, k), Vector256.LoadUnsafe(ref ps, k + (nuint)Vector256<double>.Count)).StoreUnsafe(ref pd, k);
            }
        }
        for (; j < n; j++) destination[j] = (float)source[j];
    }

    /// <summary>
    /// The running statistics' update: running = momentum·running + (1 − momentum)·batch for the mean, and with the
    /// unbiased batch variance m/(m − 1)·σ² for the variance, in double.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BatchNormUpdateRunning(
        int rows, float momentum, ReadOnlySpan<double> mu, ReadOnlySpan<double> sigma2, Span<float> runningMean, Span<float> runningVar)
    {
        int n = mu.Length, j = 0;
        Debug.Assert(sigma2.Length >= n && runningMean.Length >= n && runningVar.Length >= n);
        double unbiased = rows / (rows - 1.0), keep = momentum, fresh = 1.0 - momentum, freshVar = fresh * unbiased;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double pm = ref MemoryMarshal.GetReference(mu), pv = ref MemoryMarshal.GetReference(sigma2);
            ref float rm = ref MemoryMarshal.GetReference(runningMean), rv = ref MemoryMarshal.GetReference(runningVar);
            var vk = Vector256.Create(keep);
            var vf = Vector256.Create(fresh);
            var vfv = Vector256.Create(freshVar);
            for (; j <= n - Vector256<float>.Count; j += Vector256<float>.Count)
            {
                nuint k = (nuint)j, k2 = k + (nuint)Vector256<double>.Count;
                var (m0, m1) = Vector256.Widen(Vector256.LoadUnsafe(ref rm, k));
                var (v0, v1) = Vector256.Widen(Vector256.LoadUnsafe(ref rv, k));
                Vector256.Narrow(vk * m0 + vf * Vector256.LoadUnsafe(ref pm, k), vk * m1 + vf * Vector256.LoadUnsafe(ref pm, k2)).StoreUnsafe(ref rm, k);
                Vector256.Narrow(vk * v0 + vfv * Vector256.LoadUnsafe(ref pv, k), vk * v1 + vfv * Vector256.LoadUnsafe(ref pv, k2)).StoreUnsafe(ref rv, k);
            }
        }
        for (; j < n; j++)
        {
            runningMean[j] = (float)(keep * runningMean[j] + fresh * mu[j]);
            runningVar[j] = (float)(keep * runningVar[j] + freshVar * sigma2[j]);
        }
    }
}
