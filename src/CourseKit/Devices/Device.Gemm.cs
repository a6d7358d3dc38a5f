using CourseKit.Kernels;

namespace CourseKit.Devices;

public abstract partial class Device
{
    /// <summary>
    /// Effectively computes <c>C = alpha · op(A) · op(B) + beta · C</c> on row-major storage, where op(A) is m × k
    /// (A stored m × k, or k × m when <paramref name="transposeA"/>) and op(B) is k × n (B stored k × n, or n × k when
    /// <paramref name="transposeB"/>), as <see cref="CpuKernels.Gemm"/> does.
    /// </summary>
    /// <remarks>
    /// With <paramref name="beta"/> = 0, C is overwritten and its old contents (even NaN) are ignored, as in BLAS.
    /// NaN or ±∞ in A or B throws naming the position. On a GPU the sums run in another order than on the CPU: results
    /// agree to float rounding (about √k·6e-8 relative to Σ|a||b|), not bit for bit.
    /// </remarks>
    public void Gemm(DeviceBuffer<float> a, DeviceBuffer<float> b, DeviceBuffer<float> c, int m, int n, int k,
        bool transposeA = false, bool transposeB = false, float alpha = 1f, float beta = 0f)
    {
        ValidateGemm(a, b, c, m, n, k, transposeA, transposeB, alpha, beta);
        RequireFinite(a, nameof(a), transposeA ? m : k);
        RequireFinite(b, nameof(b), transposeB ? k : n);
        if (m == 0 || n == 0) return;
        Launching(nameof(Gemm));
        GemmCore(a, b, c, m, n, k, transposeA, transposeB, alpha, beta);
    }

    /// <summary><see cref="Gemm"/> without the scan of A and B for NaN/∞: for layers whose inputs were checked upstream.</summary>
    internal void GemmUnchecked(DeviceBuffer<float> a, DeviceBuffer<float> b, DeviceBuffer<float> c, int m, int n, int k,
        bool transposeA = false, bool transposeB = false, float alpha = 1f, float beta = 0f)
    {
        ValidateGemm(a, b, c, m, n, k, transposeA, transposeB, alpha, beta);
        if (m == 0 || n == 0) return;
        Launching(nameof(Gemm));
        GemmCore(a, b, c, m, n, k, transposeA, transposeB, alpha, beta);
    }

    /// <summary>The product on this device; arguments are valid and m, n ≥ 1 (k may be 0: then C = beta·C).</summary>
    private protected abstract void GemmCore(DeviceBuffer<float> a, DeviceBuffer<float> b, DeviceBuffer<float> c, int m, int n, int k,
        bool transposeA, bool transposeB, float alpha, float beta);

    private void ValidateGemm(DeviceBuffer<float> a, DeviceBuffer<float> b, DeviceBuffer<float> c, int m, int n, int k,
        bool transposeA, bool transposeB, float alpha, float beta)
    {
        Require(a, nameof(a), nameof(Gemm));
        Require(b, nameof(b), nameof(Gemm));
        Require(c, nameof(c), nameof(Gemm));
        Guard.Dimension(m, nameof(m));
        Guard.Dimension(n, nameof(n));
        Guard.Dimension(k, nameof(k));
        if (!float.IsFinite(alpha)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, $"alpha: expected a finite value, actual {alpha}.");
        if (!float.IsFinite(beta)) throw new ArgumentOutOfRangeException(nameof(beta), beta, $"beta: expected a finite value, actual {beta}.");
        Guard.Length(a.Length, checked(m * k), nameof(a), transposeA ? $"stored {k} × {m}, transposed" : $"stored {m} × {k}");
        Guard.Length(b.Length, checked(k * n), nameof(b), transposeB ? $"stored {n} × {k}, transposed" : $"stored {k} × {n}");
        Guard.DestinationLength(c.Length, checked(m * n), nameof(c), $"{m} × {n}");
        NoOverlap(a, nameof(a), c, nameof(c));
        NoOverlap(b, nameof(b), c, nameof(c));
    }
}
