using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CourseKit.Kernels;

/// <summary>
/// C = alpha·op(A)·B for a C of at most 16 columns with B stored k × n: each row of C is one zmm, eight rows at a
/// time, each k step one load of B's row and a broadcast of each row's A value. Nothing is packed: A is read in place
/// (either storage order), B's k rows are copied once into 16-float rows.
/// </summary>
/// <remarks>
/// <para>Why: the 256 → 10 output layer's products, forward (128 × 10 × 256) and weight gradient (256 × 10 × 128), went
/// through the loop nest as Cᵀ (see <see cref="CpuKernels"/>.GemmNarrow): packing the wide operand transposed, a
/// 12-row tile of which 10 rows count, its edge in scalar code, two transposes. Measured on Zen 5 in the Fashion-MNIST
/// training step (StepPhases --wall, 2026-12-01, two runs each): the layer's forward 10.5–11.3 → 8.5–9.4 µs, its
/// backward 15.4–17.5 → 13.8–15.0 µs; the checked forward product alone (cputime harness) 14 → 9 µs. Eight rows
/// are eight independent chains, which is what two FMA pipes of latency 4 need and no more.</para>
/// <para>The same bits as the loop nest: every element is one fused multiply-add chain in k order from +0 within
/// each k slice (the slices are the loop nest's, <see cref="GemmBlocking.KC"/>), added onto C (or +0 for beta 0) with
/// one more fused multiply-add by alpha, as the micro-kernels store.</para>
/// </remarks>
internal static unsafe class NarrowColumns
{
    /// <summary>Whether this kernel takes the product: AVX-512, n ≤ 16, B not transposed.</summary>
    public static bool Takes(int n, bool transposeB) => n <= Vector512<float>.Count && !transposeB && Avx512F.IsSupported;

    /// <summary>
    /// C (m × n, row-major) = alpha·op(A)·B (+ C unless <paramref name="overwrite"/>); A stored m × k, or k × m when
    /// <paramref name="transposeA"/>; B stored k × n.
    /// </summary>
    /// <remarks>With <paramref name="threads"/> &gt; 1 the rows of C split into equal shares of whole 8-row blocks, one per
    /// thread; each element is computed the same way whatever the split, so the bits do not depend on it.</remarks>
    public static void Run(float* a, float* b, float* c, int m, int n, int k, bool transposeA, float alpha, bool overwrite, int threads = 1)
    {
        // op(A)[i, p] = a[i·rowStep + p·kStep]
        nint rowStep = transposeA ? 1 : k, kStep = transposeA ? m : 1;
        int kc = GemmBlocking.Even(k, GemmBlocking.KC, 1);
        // B's rows padded to 16 floats: whole-vector loads that never read past B's end.
        int padded = k * Vector512<float>.Count;
        float[]? rented = padded > 4096 ? System.Buffers.ArrayPool<float>.Shared.Rent(padded) : null;
        float* scratch = stackalloc float[rented is null ? padded : 0];
        fixed (float* pool = rented)
        {
            float* bRows = rented is null ? scratch : pool;
            for (int p = 0; p < k; p++)
            {
                float* row = bRows + (nint)p * Vector512<float>.Count;
                Vector512<float>.Zero.Store(row);
                for (int j = 0; j < n; j++) row[j] = b[(nint)p * n + j];
            }
            int workers = Math.Clamp(Math.Min(threads, m / MinRowsPerThread), 1, threads);
            if (workers == 1) RowRange(a, rowStep, kStep, bRows, c, 0, m, n, k, kc, alpha, overwrite);
            else
            {
                float* pa = a, pbRows = bRows, pc = c; // pointers into pinned memory, for the lambda
                GemmTeam.Run(workers, w =>
                {
                    var (from, to) = GemmBlocking.ShareOf(w, workers, m, 8);
                    RowRange(pa, rowStep, kStep, pbRows, pc, from, to, n, k, kc, alpha, overwrite);
                });
            }
        }
        if (rented is not null) System.Buffers.ArrayPool<float>.Shared.Return(rented);
    }

    // Below this many rows a thread costs more to wake than its share saves.
    private const int MinRowsPerThread = 256;

    /// <summary>Rows [from, to) of C, k slice by k slice as the loop nest does.</summary>
    private static void RowRange(float* a, nint rowStep, nint kStep, float* bRows, float* c, int from, int to, int n, int k, int kc, float alpha, bool overwrite)
    {
        for (int p0 = 0; p0 < k; p0 += kc)
        {
            int steps = Math.Min(kc, k - p0);
            bool first = p0 == 0 && overwrite;
            float* bSlice = bRows + (nint)p0 * Vector512<float>.Count;
            int i = from;
            for (; i + 8 <= to; i += 8)
                Rows8(a + i * rowStep + p0 * kStep, rowStep, kStep, bSlice, steps, c + (nint)i * n, n, alpha, first);
            for (; i < to; i++)
                Row1(a + i * rowStep + p0 * kStep, kStep, bSlice, steps, c + (nint)i * n, n, alpha, first);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Rows8(float* a, nint rowStep, nint kStep, float* bRows, int steps, float* c, int n, float alpha, bool overwrite)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default, c6 = default, c7 = default;
        float* a0 = a, a1 = a + rowStep, a2 = a + 2 * rowStep, a3 = a + 3 * rowStep;
        float* a4 = a + 4 * rowStep, a5 = a + 5 * rowStep, a6 = a + 6 * rowStep, a7 = a + 7 * rowStep;
        for (int p = 0; p < steps; p++)
        {
            var bv = Vector512.Load(bRows);
            nint o = p * kStep;
            c0 = Avx512F.FusedMultiplyAdd(Vector512.Create(a0[o]), bv, c0);
            c1 = Avx512F.FusedMultiplyAdd(Vector512.Create(a1[o]), bv, c1);
            c2 = Avx512F.FusedMultiplyAdd(Vector512.Create(a2[o]), bv, c2);
            c3 = Avx512F.FusedMultiplyAdd(Vector512.Create(a3[o]), bv, c3);
            c4 = Avx512F.FusedMultiplyAdd(Vector512.Create(a4[o]), bv, c4);
            c5 = Avx512F.FusedMultiplyAdd(Vector512.Create(a5[o]), bv, c5);
            c6 = Avx512F.FusedMultiplyAdd(Vector512.Create(a6[o]), bv, c6);
            c7 = Avx512F.FusedMultiplyAdd(Vector512.Create(a7[o]), bv, c7);
            bRows += Vector512<float>.Count;
        }
        float* lanes = stackalloc float[Vector512<float>.Count];
        Store(c0, c, n, alpha, overwrite, lanes);
        Store(c1, c + n, n, alpha, overwrite, lanes);
        Store(c2, c + 2 * n, n, alpha, overwrite, lanes);
        Store(c3, c + 3 * n, n, alpha, overwrite, lanes);
        Store(c4, c + 4 * n, n, alpha, overwrite, lanes);
        Store(c5, c + 5 * n, n, alpha, overwrite, lanes);
        Store(c6, c + 6 * n, n, alpha, overwrite, lanes);
        Store(c7, c + 7 * n, n, alpha, overwrite, lanes);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Row1(float* a, nint kStep, float* bRows, int steps, float* c, int n, float alpha, bool overwrite)
    {
        Vector512<float> acc = default;
        for (int p = 0; p < steps; p++)
        {
            acc = Avx512F.FusedMultiplyAdd(Vector512.Create(a[p * kStep]), Vector512.Load(bRows), acc);
            bRows += Vector512<float>.Count;
        }
        float* lanes = stackalloc float[Vector512<float>.Count];
        Store(acc, c, n, alpha, overwrite, lanes);
    }

    // The row's first n lanes onto C with the micro-kernels' store: fma(sum, alpha, old C or +0), lane by lane.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector512<float> sum, float* c, int n, float alpha, bool overwrite, float* lanes)
    {
        sum.Store(lanes);
        for (int j = 0; j < n; j++) c[j] = MathF.FusedMultiplyAdd(lanes[j], alpha, overwrite ? 0f : c[j]);
    }
}
