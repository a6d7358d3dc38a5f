using System.Runtime.CompilerServices;

namespace CourseKit.Kernels;

/// <summary>
/// The BLIS loop nest: for each NC-wide panel of B and KC-deep slice, pack that slice of B once (shared by all
/// threads), then pack MC-row blocks of A (each thread its own) and sweep the micro-kernel over MR × NR tiles of C.
/// </summary>
/// <remarks>
/// Threads split the rows of C into equal shares of whole row tiles and pack equal shares of each B slice, then meet at
/// a barrier before multiplying. Two B buffers alternate between slices, so a thread may pack the next slice while the
/// other still multiplies with the current one: one barrier per slice. Every element of C is summed in the same order
/// whatever the thread count (the slices and tiles do not depend on it), so results are bit-identical.
/// </remarks>
internal static unsafe class GemmDriverRowSplit
{
    public static void Run(
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k,
        bool transA, bool transB, float alpha, int threads)
    {
        IMicroKernel kernel = MicroKernels.For(m);
        int workers = Math.Min(threads, (m + kernel.MR - 1) / kernel.MR);
        int kc = GemmBlocking.Even(k, 256, 1), nc = GemmBlocking.Even(n, GemmBlocking.NC, kernel.NR);
        int bufferFloats = kc * Math.Min(nc, (n + kernel.NR - 1) / kernel.NR * kernel.NR);
        float* bBuffers = PackBuffer.ForShared(workers > 1 ? 2 * bufferFloats : bufferFloats);
        fixed (float* pa = a, pb = b, pc = c)
        {
            using var job = new GemmJob(pa, pb, pc, m, n, k, transA, transB, alpha, kernel, kc, nc, bBuffers, bufferFloats, workers);
            if (workers == 1) job.Work(0);
            else GemmTeam.Run(workers, job.Work);
        }
    }

    /// <summary>One product's operands, blocking and shared B buffers; <see cref="Work"/> is one thread's part.</summary>
    private sealed class GemmJob(
        float* a, float* b, float* c, int m, int n, int k, bool transA, bool transB, float alpha, IMicroKernel kernel,
        int kcMax, int ncMax, float* bBuffers, int bufferFloats, int workers) : IDisposable
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
            var (rowStart, rowEnd) = GemmBlocking.RowsOf(worker, workers, m, mr);
            int mc = GemmBlocking.Even(rowEnd - rowStart, GemmBlocking.MC, mr);
            float* aBuf = PackBuffer.ForOwn(mc * kcMax);
            int slice = 0;
            for (int jc = 0; jc < n; jc += ncMax)
            {
                int nc = Math.Min(ncMax, n - jc), panels = (nc + nr - 1) / nr;
                int first = panels * worker / workers, last = panels * (worker + 1) / workers;
                for (int pcol = 0; pcol < k; pcol += kcMax, slice++)
                {
                    int kc = Math.Min(kcMax, k - pcol);
                    float* bBuf = bBuffers + (slice & 1) * (workers > 1 ? bufferFloats : 0);
                    int packFrom = first * nr, packTo = Math.Min(nc, last * nr);
                    if (packTo > packFrom)
                        Packing.PackB(b, transB, k, n, pcol, jc + packFrom, kc, packTo - packFrom, nr, bBuf + (long)packFrom * kc);
                    _barrier?.SignalAndWait(_failed!.Token);
                    for (int ic = rowStart; ic < rowEnd; ic += mc)
                        RowBlock(aBuf, bBuf, ic, Math.Min(mc, rowEnd - ic), jc, nc, pcol, kc);
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void RowBlock(float* aBuf, float* bBuf, int ic, int mc, int jc, int nc, int pcol, int kc)
        {
            int mr = kernel.MR, nr = kernel.NR;
            Packing.PackA(a, transA, m, k, ic, pcol, mc, kc, mr, aBuf);
            float* edge = stackalloc float[mr * nr];
            for (int jr = 0; jr < nc; jr += nr)
            {
                int nrValid = Math.Min(nr, nc - jr);
                float* bPanel = bBuf + (long)jr * kc;
                for (int ir = 0; ir < mc; ir += mr)
                {
                    int mrValid = Math.Min(mr, mc - ir);
                    float* aPanel = aBuf + (long)ir * kc;
                    float* cTile = c + (long)(ic + ir) * n + jc + jr;
                    if (mrValid == mr && nrValid == nr) kernel.Run(kc, aPanel, bPanel, cTile, n, alpha);
                    else EdgeTile(kc, aPanel, bPanel, cTile, mrValid, nrValid, edge);
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
