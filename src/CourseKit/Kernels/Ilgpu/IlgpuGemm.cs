using ILGPU;

namespace CourseKit.Kernels.Ilgpu;

/// <summary>Tile sizes of the GEMM kernel, as compile-time constants (a struct's constant properties inline).</summary>
internal interface IGemmTile
{
    /// <summary>Rows and columns of C one group computes.</summary>
    int BM { get; }
    int BN { get; }

    /// <summary>The k-slice staged in shared memory per step.</summary>
    int BK { get; }

    /// <summary>Rows and columns of C one thread accumulates in registers.</summary>
    int TM { get; }
    int TN { get; }
}

/// <summary>For GPUs: 128 × 128 tiles, 256 threads of 8 × 8 each (8 KiB of shared memory per group).</summary>
internal readonly struct GpuGemmTile : IGemmTile
{
    public int BM => 128;
    public int BN => 128;
    public int BK => 8;
    public int TM => 8;
    public int TN => 8;
}

/// <summary>For ILGPU's CPU accelerator (4 threads per group): 8 × 8 tiles of 4 × 4.</summary>
internal readonly struct SmallGemmTile : IGemmTile
{
    public int BM => 8;
    public int BN => 8;
    public int BK => 4;
    public int TM => 4;
    public int TN => 4;
}

/// <summary>The product's shape and scalars.</summary>
internal readonly record struct GemmShape(int M, int N, int K, int TransposeA, int TransposeB, float Alpha, float Beta);

/// <summary>
/// C = α·op(A)·op(B) + β·C, row-major: each group stages BK-slices of a BM-row panel of op(A) and a BN-column panel of
/// op(B) in shared memory, and each thread accumulates TM × TN elements of C in registers. A thread's elements are
/// strided by the thread grid (rows ty, ty + BM/TM, …; columns tx, tx + BN/TN, …), so neighbouring threads read
/// neighbouring shared words and write neighbouring elements of C.
/// </summary>
internal static class IlgpuGemm
{
    public static void Tiled<TTile>(ArrayView<float> a, ArrayView<float> b, ArrayView<float> c, GemmShape s)
        where TTile : struct, IGemmTile
    {
        var tile = default(TTile);
        int threadsX = tile.BN / tile.TN, threadsY = tile.BM / tile.TM, threads = threadsX * threadsY;
        int tid = Group.IdxX, tx = tid % threadsX, ty = tid / threadsX;
        int row0 = Grid.IdxY * tile.BM, col0 = Grid.IdxX * tile.BN;
        var panelA = SharedMemory.Allocate<float>(tile.BK * tile.BM);  // [kk, i]
        var panelB = SharedMemory.Allocate<float>(tile.BK * tile.BN);  // [kk, j]
        var sum = LocalMemory.Allocate<float>(tile.TM * tile.TN);
        var fragA = LocalMemory.Allocate<float>(tile.TM);
        var fragB = LocalMemory.Allocate<float>(tile.TN);
        for (int e = 0; e < tile.TM * tile.TN; e++) sum[e] = 0f;

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
                for (int i = 0; i < tile.TM; i++) fragA[i] = panelA[kk * tile.BM + ty + i * threadsY];
                for (int j = 0; j < tile.TN; j++) fragB[j] = panelB[kk * tile.BN + tx + j * threadsX];
                for (int i = 0; i < tile.TM; i++)
                    for (int j = 0; j < tile.TN; j++) sum[i * tile.TN + j] += fragA[i] * fragB[j];
            }
            Group.Barrier();
        }

        for (int i = 0; i < tile.TM; i++)
        {
            int row = row0 + ty + i * threadsY;
            if (row >= s.M) continue;
            for (int j = 0; j < tile.TN; j++)
            {
                int col = col0 + tx + j * threadsX;
                if (col >= s.N) continue;
                long k = (long)row * s.N + col;
                float value = s.Alpha * sum[i * tile.TN + j];
                c[k] = s.Beta == 0f ? value : value + s.Beta * c[k];  // β = 0 ignores C, even NaN, as BLAS does
            }
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
