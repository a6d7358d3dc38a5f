using System.Runtime.CompilerServices;

namespace CourseKit.Kernels;

/// <summary>
/// The BLIS loop nest in AMD's arrangement for Zen: for each block of rows and KC-deep slice, pack that slice of A
/// once (shared by all threads); each thread then packs NB-column blocks of B for its own columns and sweeps the
/// micro-kernel, one MR-row A micro-panel (in L1) against every NR-column B micro-panel of the block (from L2).
/// </summary>
/// <remarks>
/// Threads split the columns of C into equal shares of whole column panels, pack equal shares of each A slice, and
/// meet at a barrier before multiplying. Two A buffers alternate between slices, so a thread may pack the next slice
/// while the other still multiplies with the current one: one barrier per slice. Every element of C is summed in the
/// same order whatever the thread count (the slices and tiles do not depend on it), so results are bit-identical.
/// </remarks>
internal static unsafe class GemmDriver
{
    public static void Run(
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k,
        bool transA, bool transB, float alpha, int threads)
    {
        IMicroKernel kernel = MicroKernels.For(m);
        int workers = Math.Min(threads, (n + kernel.NR - 1) / kernel.NR);
        int kc = GemmBlocking.Even(k, GemmBlocking.KC, 1), mb = GemmBlocking.Even(m, GemmBlocking.MB, kernel.MR);
        int bufferFloats = kc * mb;
        float* aBuffers = PackBuffer.ForShared(workers > 1 ? 2 * bufferFloats : bufferFloats);
        fixed (float* pa = a, pb = b, pc = c)
        {
            using var job = new GemmJob(pa, pb, pc, m, n, k, transA, transB, alpha, kernel, kc, mb, aBuffers, bufferFloats, workers);
            if (workers == 1) job.Work(0);
            else GemmTeam.Run(workers, job.Work);
        }
    }

    /// <summary>One product's operands, blocking and shared A buffers; <see cref="Work"/> is one thread's part.</summary>
    private sealed class GemmJob(
        float* a, float* b, float* c, int m, int n, int k, bool transA, bool transB, float alpha, IMicroKernel kernel,
        int kcMax, int mbMax, float* aBuffers, int bufferFloats, int workers) : IDisposable
    {
        private readonly Barrier? _barrier = workers > 1 ? new Barrier(workers) : null;
        private readonly CancellationTokenSource? _failed = workers > 1 ? new CancellationTokenSource() : null;

        public void Dispose()
        {
            _barrier?.Dispose();
            _failed?.Dispose();
        }

        public void Work(int worker)
        {
            try { WorkSlices(worker); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _failed?.Cancel(); // the others leave the barrier instead of waiting for this thread forever
                throw;
            }
        }

        private void WorkSlices(int worker)
        {
            int mr = kernel.MR, nr = kernel.NR;
            var (colStart, colEnd) = GemmBlocking.ShareOf(worker, workers, n, nr);
            int nb = GemmBlocking.Even(colEnd - colStart, GemmBlocking.NB, nr);
            float* bBuf = PackBuffer.ForOwn(nb * kcMax);
            int slice = 0;
            for (int ic = 0; ic < m; ic += mbMax)
            {
                int mb = Math.Min(mbMax, m - ic), panels = (mb + mr - 1) / mr;
                int first = panels * worker / workers, last = panels * (worker + 1) / workers;
                for (int pcol = 0; pcol < k; pcol += kcMax, slice++)
                {
                    int kc = Math.Min(kcMax, k - pcol);
                    float* aBuf = aBuffers + (slice & 1) * (workers > 1 ? bufferFloats : 0);
                    int packFrom = first * mr, packTo = Math.Min(mb, last * mr);
                    if (packTo > packFrom)
                        Packing.PackA(a, transA, m, k, ic + packFrom, pcol, packTo - packFrom, kc, mr, aBuf + (long)packFrom * kc);
                    _barrier?.SignalAndWait(_failed!.Token);
                    for (int jc = colStart; jc < colEnd; jc += nb)
                    {
                        int ncur = Math.Min(nb, colEnd - jc);
                        Packing.PackB(b, transB, k, n, pcol, jc, kc, ncur, nr, bBuf);
                        Block(aBuf, bBuf, ic, mb, jc, ncur, kc);
                    }
                }
            }
        }

        // One A micro-panel stays in L1 (MR · KC · 4 B) while the block's B micro-panels stream past it from L2.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Block(float* aBuf, float* bBuf, int ic, int mb, int jc, int nc, int kc)
        {
            int mr = kernel.MR, nr = kernel.NR;
            float* edge = stackalloc float[mr * nr];
            for (int ir = 0; ir < mb; ir += mr)
            {
                int mrValid = Math.Min(mr, mb - ir);
                float* aPanel = aBuf + (long)ir * kc;
                float* cRow = c + (long)(ic + ir) * n + jc;
                for (int jr = 0; jr < nc; jr += nr)
                {
                    int nrValid = Math.Min(nr, nc - jr);
                    float* bPanel = bBuf + (long)jr * kc;
                    if (mrValid == mr && nrValid == nr) kernel.Run(kc, aPanel, bPanel, cRow + jr, n, alpha);
                    else EdgeTile(kc, aPanel, bPanel, cRow + jr, mrValid, nrValid, edge);
                }
            }
        }

        // A tile that sticks out of C: the full tile goes to scratch (alpha 1, so it holds the exact sums), then only the
        // valid part is added with the same fused multiply-add the micro-kernel uses: the same bits as a full tile.
        private void EdgeTile(int kc, float* aPanel, float* bPanel, float* cTile, int rows, int cols, float* edge)
        {
            int nr = kernel.NR;
            new Span<float>(edge, kernel.MR * nr).Clear();
            kernel.Run(kc, aPanel, bPanel, edge, nr, 1f);
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++)
                    cTile[(long)i * n + j] = MathF.FusedMultiplyAdd(edge[i * nr + j], alpha, cTile[(long)i * n + j]);
        }
    }
}
