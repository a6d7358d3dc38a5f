using System.Runtime.CompilerServices;

namespace CourseKit.Kernels;

/// <summary>
/// The BLIS loop nest: for each NC-wide panel of B and KC-deep slice, pack B once (shared by all threads), then
/// pack MC-row blocks of A (one per thread) and sweep the micro-kernel over MR × NR tiles of C.
/// </summary>
internal static unsafe class GemmDriver
{
    // KC·NR·4 B = 32 KiB: one packed B micro-panel stays in L1 (48 KiB) while A micro-panels stream from L2.
    private const int KC = 256;
    // MC·KC·4 B ≈ 144 KiB of packed A stays in L2 (2 MiB).
    private const int MC = 144;
    private const int NC = 1536;

    public static void Run(
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k,
        bool transA, bool transB, float alpha, int threads)
    {
        IMicroKernel kernel = MicroKernels.For(m);
        int mr = kernel.MR, nr = kernel.NR;
        int ncMax = Math.Min(NC, RoundUp(n, nr));
        float* bBuf = PackBuffer.ForB(KC * ncMax);
        fixed (float* pa = a, pb = b, pc = c)
        {
            var job = new Job(pa, pb, pc, m, n, k, transA, transB, alpha, kernel);
            for (int jc = 0; jc < n; jc += NC)
            {
                int nc = Math.Min(NC, n - jc);
                for (int pcol = 0; pcol < k; pcol += KC)
                {
                    int kc = Math.Min(KC, k - pcol);
                    Packing.PackB(job.B, transB, k, n, pcol, jc, kc, nc, nr, bBuf);
                    RunRowBlocks(job, bBuf, jc, nc, pcol, kc, threads);
                }
            }
        }
    }

    private static void RunRowBlocks(Job job, float* bBuf, int jc, int nc, int pcol, int kc, int threads)
    {
        int blocks = (job.M + MC - 1) / MC;
        if (threads == 1 || blocks == 1)
        {
            for (int ib = 0; ib < blocks; ib++) RowBlock(job, bBuf, ib * MC, jc, nc, pcol, kc);
            return;
        }
        nint bAddr = (nint)bBuf;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads },
            ib => RowBlock(job, (float*)bAddr, ib * MC, jc, nc, pcol, kc));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RowBlock(Job job, float* bBuf, int ic, int jc, int nc, int pcol, int kc)
    {
        IMicroKernel kernel = job.Kernel;
        int mr = kernel.MR, nr = kernel.NR;
        int mc = Math.Min(MC, job.M - ic);
        float* aBuf = PackBuffer.ForA(MC * KC);
        {
            Packing.PackA(job.A, job.TransA, job.M, job.K, ic, pcol, mc, kc, mr, aBuf);
            float* edge = stackalloc float[mr * nr];
            for (int jr = 0; jr < nc; jr += nr)
            {
                int nrValid = Math.Min(nr, nc - jr);
                float* bPanel = bBuf + (long)jr * kc;
                for (int ir = 0; ir < mc; ir += mr)
                {
                    int mrValid = Math.Min(mr, mc - ir);
                    float* aPanel = aBuf + (long)ir * kc;
                    float* cTile = job.C + (long)(ic + ir) * job.N + jc + jr;
                    if (mrValid == mr && nrValid == nr)
                    {
                        kernel.Run(kc, aPanel, bPanel, cTile, job.N, job.Alpha);
                    }
                    else
                    {
                        // Edge tile: compute the full tile into a scratch buffer, add only the valid part to C.
                        new Span<float>(edge, mr * nr).Clear();
                        kernel.Run(kc, aPanel, bPanel, edge, nr, job.Alpha);
                        for (int i = 0; i < mrValid; i++)
                            for (int j = 0; j < nrValid; j++)
                                cTile[(long)i * job.N + j] += edge[i * nr + j];
                    }
                }
            }
        }
    }

    private static int RoundUp(int x, int multiple) => (x + multiple - 1) / multiple * multiple;

    private sealed class Job(float* a, float* b, float* c, int m, int n, int k, bool transA, bool transB, float alpha, IMicroKernel kernel)
    {
        public readonly float* A = a, B = b, C = c;
        public readonly int M = m, N = n, K = k;
        public readonly bool TransA = transA, TransB = transB;
        public readonly float Alpha = alpha;
        public readonly IMicroKernel Kernel = kernel;
    }
}
