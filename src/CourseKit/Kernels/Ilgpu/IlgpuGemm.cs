using ILGPU;

namespace CourseKit.Kernels.Ilgpu;

/// <summary>Tile sizes of the GEMM kernel, as compile-time constants (a struct's constant properties inline).</summary>
/// <remarks>Every thread accumulates 8 × 8 elements of C in registers (<see cref="Vec8"/>); the tile sets how many threads share a panel.</remarks>
internal interface IGemmTile
{
    /// <summary>Rows and columns of C one group computes (multiples of 8).</summary>
    int BM { get; }
    int BN { get; }

    /// <summary>The k-slice staged in shared memory per step.</summary>
    int BK { get; }
}

/// <summary>For GPUs: 128 × 128 tiles, 256 threads of 8 × 8 each (8 KiB of shared memory per group).</summary>
internal readonly struct GpuGemmTile : IGemmTile
{
    public int BM => 128;
    public int BN => 128;
    public int BK => 8;
}

/// <summary>For ILGPU's CPU accelerator (4 threads per group): 16 × 16 tiles.</summary>
internal readonly struct SmallGemmTile : IGemmTile
{
    public int BM => 16;
    public int BN => 16;
    public int BK => 4;
}

/// <summary>Eight floats in eight fields, so that a thread's accumulators stay in registers (no indexed local array).</summary>
internal struct Vec8
{
    public float V0, V1, V2, V3, V4, V5, V6, V7;

    /// <summary>panel[offset + e·stride] for e = 0..7.</summary>
    public static Vec8 Load(ArrayView<float> panel, int offset, int stride) => new()
    {
        V0 = panel[offset], V1 = panel[offset + stride], V2 = panel[offset + 2 * stride], V3 = panel[offset + 3 * stride],
        V4 = panel[offset + 4 * stride], V5 = panel[offset + 5 * stride], V6 = panel[offset + 6 * stride], V7 = panel[offset + 7 * stride],
    };

    /// <summary>this += a · b, element by element.</summary>
    public void MultiplyAdd(float a, Vec8 b)
    {
        V0 += a * b.V0; V1 += a * b.V1; V2 += a * b.V2; V3 += a * b.V3;
        V4 += a * b.V4; V5 += a * b.V5; V6 += a * b.V6; V7 += a * b.V7;
    }

    public readonly float this[int e] => e switch { 0 => V0, 1 => V1, 2 => V2, 3 => V3, 4 => V4, 5 => V5, 6 => V6, _ => V7 };
}

/// <summary>The product's shape and scalars.</summary>
internal readonly record struct GemmShape(int M, int N, int K, int TransposeA, int TransposeB, float Alpha, float Beta);

/// <summary>
/// C = α·op(A)·op(B) + β·C, row-major: each group stages BK-slices of a BM-row panel of op(A) and a BN-column panel of
/// op(B) in shared memory, and each thread accumulates 8 × 8 elements of C in registers. A thread's elements are
/// strided by the thread grid (rows ty, ty + BM/8, …; columns tx, tx + BN/8, …), so neighbouring threads read
/// neighbouring shared words and write neighbouring elements of C.
/// </summary>
internal static class IlgpuGemm
{
    private const int T = 8;  // rows and columns of C per thread

    public static void Tiled<TTile>(ArrayView<float> a, ArrayView<float> b, ArrayView<float> c, GemmShape s)
        where TTile : struct, IGemmTile
    {
        var tile = default(TTile);
        int threadsX = tile.BN / T, threadsY = tile.BM / T, threads = threadsX * threadsY;
        int tid = Group.IdxX, tx = tid % threadsX, ty = tid / threadsX;
        int row0 = Grid.IdxY * tile.BM, col0 = Grid.IdxX * tile.BN;
        var panelA = SharedMemory.Allocate<float>(tile.BK * tile.BM);  // [kk, i]
        var panelB = SharedMemory.Allocate<float>(tile.BK * tile.BN);  // [kk, j]
        Vec8 c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default, c6 = default, c7 = default;

        for (int k0 = 0; k0 < s.K; k0 += tile.BK)
        {
            for (int e = tid; e < tile.BK * tile.BM; e += threads)
            {
                // Untransposed A is read along k (consecutive e → consecutive k), transposed A along its rows.
                int kk = s.TransposeA != 0 ? e / tile.BM : e % tile.BK;
                int i = s.TransposeA != 0 ? e % tile.BM : e / tile.BK;
                panelA[kk * tile.BM + i] = ElementA(a, s, row0 + i, k0 + kk);
            }
            for (int e = tid; e < tile.BK * tile.BN; e += threads)
            {
                int kk = s.TransposeB != 0 ? e % tile.BK : e / tile.BN;
                int j = s.TransposeB != 0 ? e / tile.BK : e % tile.BN;
                panelB[kk * tile.BN + j] = ElementB(b, s, k0 + kk, col0 + j);
            }
            Group.Barrier();
            for (int kk = 0; kk < tile.BK; kk++)
            {
                var fa = Vec8.Load(panelA, kk * tile.BM + ty, threadsY);
                var fb = Vec8.Load(panelB, kk * tile.BN + tx, threadsX);
                c0.MultiplyAdd(fa.V0, fb); c1.MultiplyAdd(fa.V1, fb); c2.MultiplyAdd(fa.V2, fb); c3.MultiplyAdd(fa.V3, fb);
                c4.MultiplyAdd(fa.V4, fb); c5.MultiplyAdd(fa.V5, fb); c6.MultiplyAdd(fa.V6, fb); c7.MultiplyAdd(fa.V7, fb);
            }
            Group.Barrier();
        }

        int row = row0 + ty, step = threadsY, col = col0 + tx;
        Store(c, s, row, col, threadsX, c0); Store(c, s, row + step, col, threadsX, c1);
        Store(c, s, row + 2 * step, col, threadsX, c2); Store(c, s, row + 3 * step, col, threadsX, c3);
        Store(c, s, row + 4 * step, col, threadsX, c4); Store(c, s, row + 5 * step, col, threadsX, c5);
        Store(c, s, row + 6 * step, col, threadsX, c6); Store(c, s, row + 7 * step, col, threadsX, c7);
    }

    /// <summary>C[row, col + e·stride] = α·sum[e] (+ β·C when β ≠ 0: β = 0 ignores C, even NaN, as BLAS does).</summary>
    private static void Store(ArrayView<float> c, GemmShape s, int row, int col, int stride, Vec8 sum)
    {
        if (row >= s.M) return;
        for (int e = 0; e < T; e++)
        {
            int j = col + e * stride;
            if (j >= s.N) return;
            long k = (long)row * s.N + j;
            float value = s.Alpha * sum[e];
            c[k] = s.Beta == 0f ? value : value + s.Beta * c[k];
        }
    }

    private static float ElementA(ArrayView<float> a, GemmShape s, int i, int k)
    {
        if (i >= s.M || k >= s.K) return 0f;
        return s.TransposeA != 0 ? a[(long)k * s.M + i] : a[(long)i * s.K + k];
    }

    private static float ElementB(ArrayView<float> b, GemmShape s, int k, int j)
    {
        if (k >= s.K || j >= s.N) return 0f;
        return s.TransposeB != 0 ? b[(long)j * s.K + k] : b[(long)k * s.N + j];
    }
}
