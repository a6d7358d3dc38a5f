namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    /// <summary>
    /// Effectively computes <c>C = alpha · op(A) · op(B) + beta · C</c> on row-major storage, where op(A) is m × k
    /// (A stored m × k, or k × m when <paramref name="transposeA"/>) and op(B) is k × n
    /// (B stored k × n, or n × k when <paramref name="transposeB"/>).
    /// </summary>
    /// <remarks>
    /// Cache-blocked (an A micro-panel in L1, a packed block of B in L2, see GemmBlocking) around a register-tiled
    /// micro-kernel: 12 × 32 on AVX-512, 6 × 16 on AVX2+FMA, a portable 4 × 8 on 128-bit vectors elsewhere.
    /// With <paramref name="beta"/> = 0, C is overwritten and its old contents (even NaN) are ignored, as in BLAS;
    /// beta = 1 accumulates. <paramref name="threads"/> &gt; 1 splits the columns of C across that many threads
    /// (the caller and persistent workers), which share each packed slice of A; the result is bit-identical for any
    /// thread count because each element is summed in the same order.
    /// <para>
    /// NaN or ±∞ in A or B throws an <see cref="ArgumentException"/> naming the operand and the value's position. With
    /// beta ≠ 0, C is an input too, and A and B are checked before it is touched. With beta = 0, C is only an output and
    /// may already be written when the exception comes: a product no larger than its operands is checked afterwards, in
    /// C, which every non-finite input reaches (see <see cref="ChecksC"/>).
    /// </para>
    /// </remarks>
    public static void Gemm(
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k,
        bool transposeA = false, bool transposeB = false, float alpha = 1f, float beta = 0f, int threads = 1)
    {
        ValidateGemm(a, b, c, m, n, k, transposeA, transposeB, alpha, beta, threads);
        if (ChecksC(m, n, k, alpha, beta))
        {
            GemmCore(a, b, c, m, n, k, transposeA, transposeB, alpha, beta, threads, checkFinite: false);
            if (Finite.All(c[..(m * n)])) return;
        }
        else if (GemmCore(a, b, c, m, n, k, transposeA, transposeB, alpha, beta, threads, checkFinite: true)) return;
        Guard.AllFinite(a, nameof(a), transposeA ? m : k);
        Guard.AllFinite(b, nameof(b), transposeB ? k : n);
    }

    /// <summary>
    /// Whether <see cref="Gemm"/> checks its result instead of its operands. Every element of C = α·op(A)·op(B) with
    /// α finite and ≠ 0 sums over a whole row of op(A) and a whole column of op(B), and NaN or ±∞ there makes the sum
    /// NaN or ±∞ (NaN absorbs; ∞ times a finite value is ∞ or, times 0, NaN; ∞ − ∞ is NaN): a C that is all finite had
    /// finite operands. Only when C is not is the cause looked for in A and B (finite operands that overflow are no
    /// error). For beta = 0 only, since the product overwrites C, and when C has no more values than A and B together.
    /// </summary>
    /// <remarks>
    /// The operands of a large product usually come from DRAM, and the scan read them once more before packing read them
    /// again; C is still in cache. At 1024³: the scan of A and B ≈ 155–250 µs a product, the check of C 66–77 µs
    /// (`cputime gemm_a_bt_1024` and `gemm_at_b_1024` in tests/CourseKit.Benchmarks).
    /// </remarks>
    private static bool ChecksC(int m, int n, int k, float alpha, float beta) =>
        beta == 0f && alpha != 0f && m > 0 && n > 0 && k > 0 && (long)m * n <= (long)m * k + (long)k * n;

    /// <summary>
    /// <see cref="Gemm"/> without the scan for NaN/∞ in A and B, for layers on their hot path: their inputs were
    /// checked upstream, and a non-finite value that arises inside a network reaches the loss, which names it.
    /// </summary>
    internal static void GemmUnchecked(
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k,
        bool transposeA = false, bool transposeB = false, float alpha = 1f, float beta = 0f, int threads = 1)
    {
        ValidateGemm(a, b, c, m, n, k, transposeA, transposeB, alpha, beta, threads);
        GemmCore(a, b, c, m, n, k, transposeA, transposeB, alpha, beta, threads, checkFinite: false);
    }

    // Returns false, with C untouched, when checkFinite finds NaN/∞ in A or B. The common cases (beta 0 or 1) leave
    // both the scan and clearing C to the driver's threads: a serial pre-pass over 12 MiB at 1024³ cost ≈ 0.5 ms.
    private static unsafe bool GemmCore(
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k,
        bool transposeA, bool transposeB, float alpha, float beta, int threads, bool checkFinite)
    {
        if (m == 0 || n == 0) return !checkFinite || (Finite.All(a) && Finite.All(b));
        Span<float> cm = c[..(m * n)];
        if (k > 0 && alpha != 0f && (beta == 0f || beta == 1f))
        {
            if (NarrowColumns.Takes(n, transposeB))
            {
                if (checkFinite && !(Finite.All(a) && Finite.All(b))) return false;
                fixed (float* pa = a, pb = b, pc = cm) NarrowColumns.Run(pa, pb, pc, m, n, k, transposeA, alpha, overwrite: beta == 0f, threads);
                return true;
            }
            return IsNarrowProduct(m, n)
                ? GemmNarrow(a, b, cm, m, n, k, transposeA, transposeB, alpha, overwrite: beta == 0f, checkFinite, threads)
                : GemmDriver.Run(a, b, cm, m, n, k, transposeA, transposeB, alpha, overwrite: beta == 0f, checkFinite, threads);
        }
        if (checkFinite && !(Finite.All(a) && Finite.All(b))) return false;
        if (beta == 0f) cm.Clear();
        else if (beta != 1f) System.Numerics.Tensors.TensorPrimitives.Multiply(cm, beta, cm);
        if (k > 0 && alpha != 0f) GemmDriver.Run(a, b, cm, m, n, k, transposeA, transposeB, alpha, overwrite: false, checkFinite: false, threads);
        return true;
    }

    private static void ValidateGemm(
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k,
        bool transposeA, bool transposeB, float alpha, float beta, int threads)
    {
        Guard.Dimension(m, nameof(m));
        Guard.Dimension(n, nameof(n));
        Guard.Dimension(k, nameof(k));
        if (threads < 1)
            throw new ArgumentOutOfRangeException(nameof(threads), threads, $"threads: expected ≥ 1, actual {threads}.");
        if (!float.IsFinite(alpha)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, $"alpha: expected a finite value, actual {alpha}.");
        if (!float.IsFinite(beta)) throw new ArgumentOutOfRangeException(nameof(beta), beta, $"beta: expected a finite value, actual {beta}.");
        Guard.Length(a.Length, checked(m * k), nameof(a), transposeA ? $"stored {k} × {m}, transposed" : $"stored {m} × {k}");
        Guard.Length(b.Length, checked(k * n), nameof(b), transposeB ? $"stored {n} × {k}, transposed" : $"stored {k} × {n}");
        Guard.DestinationLength(c.Length, checked(m * n), nameof(c), $"{m} × {n}");
        Guard.NoOverlap(a, nameof(a), c, nameof(c));
        Guard.NoOverlap(b, nameof(b), c, nameof(c));
    }
}
