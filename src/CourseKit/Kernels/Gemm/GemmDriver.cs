using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace CourseKit.Kernels;

/// <summary>
/// The BLIS loop nest in AMD's arrangement for Zen: for each block of rows and KC-deep slice, pack that slice of A
/// once (shared by all threads); each thread then packs NB-column blocks of B for its own columns and sweeps the
/// micro-kernel, one MR-row A micro-panel (in L1) against every NR-column B micro-panel of the block (from L2).
/// </summary>
/// <remarks>
/// Threads split the columns of C into equal shares of whole column panels, pack equal shares of each A slice, and
/// meet at a barrier before multiplying. Two A buffers alternate between slices, so a thread may pack the next slice
/// while the other still multiplies with the current one: one barrier per slice (just one, after the scan, when A is
/// read in place: see SharesPackedA). Every element of C is summed in the same order whatever the thread count (the
/// slices and tiles do not depend on it), so results are bit-identical.
/// Where it saves a pass, a panel is packed by the micro-kernel call that first reads it (APanelsPackedOnFirstUse,
/// BPanelsPackedOnFirstUse), and A or B is read where it lies when the kernel can (ReadsAInPlace, ReadsBInPlace).
/// </remarks>
internal static unsafe class GemmDriver
{
    /// <summary>
    /// Multiplies; with <paramref name="overwrite"/> the first k slice stores into C instead of adding (beta = 0).
    /// With <paramref name="checkFinite"/> the threads first scan equal shares of A and B for NaN/∞ and, finding one,
    /// return false before anything is written to C (the caller then names the value); the scan costs ≈ 0.1 ms per
    /// 1024² pair of operands, serial before, split across the threads now.
    /// </summary>
    public static bool Run(
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k,
        bool transA, bool transB, float alpha, bool overwrite, bool checkFinite, int threads)
    {
        IMicroKernel kernel = MicroKernels.For(m, transA);
        IMicroKernel? tail = MicroKernels.TailFor(kernel);
        int workers = Math.Min(threads, (n + kernel.NR - 1) / kernel.NR);
        int kc = GemmBlocking.Even(k, GemmBlocking.KC, 1), mb = GemmBlocking.Even(m, GemmBlocking.MB, tail is null ? kernel.MR : 4);
        int lastRows = m - (m - 1) / mb * mb, tailRows = tail?.MR ?? 0;
        int bufferFloats = kc * Math.Max(new RowPanels(mb, kernel.MR, tailRows).PaddedRows, new RowPanels(lastRows, kernel.MR, tailRows).PaddedRows);
        float* aBuffers = PackBuffer.ForShared(workers > 1 ? 2 * bufferFloats : bufferFloats);
        fixed (float* pa = a, pb = b, pc = c)
        {
            var operands = new GemmOperands(pa, pb, pc, m, n, k, transA, transB, alpha);
            var job = new GemmJob(operands, overwrite, checkFinite, kernel, tail, kc, mb, aBuffers, bufferFloats, workers);
            if (workers == 1) job.Work(0);
            else GemmTeam.Run(workers, job.Work);
            return !job.FoundNonFinite;
        }
    }

    private readonly struct GemmOperands(float* a, float* b, float* c, int m, int n, int k, bool transA, bool transB, float alpha)
    {
        public readonly float* A = a, B = b, C = c;
        public readonly int M = m, N = n, K = k;
        public readonly bool TransA = transA, TransB = transB;
        public readonly float Alpha = alpha;
    }

    /// <summary>One product's operands, blocking and shared A buffers; <see cref="Work"/> is one thread's part.</summary>
    private sealed class GemmJob(
        GemmOperands shape, bool overwrite, bool checkFinite, IMicroKernel kernel, IMicroKernel? tail, int kcMax, int mbMax, float* aBuffers, int bufferFloats, int workers)
    {
        private readonly float* a = shape.A, b = shape.B, c = shape.C;
        private readonly int m = shape.M, n = shape.N, k = shape.K;
        private readonly bool transA = shape.TransA, transB = shape.TransB;
        private readonly float alpha = shape.Alpha;
        private volatile bool _nonFinite;

        /// <summary>Whether a thread's scan found NaN or ±∞ in A or B (then C was left untouched).</summary>
        public bool FoundNonFinite => _nonFinite;

        private readonly SpinBarrier? _barrier = workers > 1 ? new SpinBarrier(workers) : null;

        /// <summary>Whether every block reads a row-major A where it lies under the 8-row kernel (<see cref="AInPlace.Rows"/>):
        /// a property of the whole product, unlike a transposed A's route, which depends on each slice's depth.</summary>
        private bool ReadsRowsInPlace => !transA && kernel is MicroKernel8x32 && tail is null;

        /// <summary>
        /// Whether the threads share packed A slices, and so meet at a barrier before each slice. When A is read in place
        /// in every block (<see cref="ReadsRowsInPlace"/>) each thread packs only its own B: the threads then meet only
        /// once, after the scan for NaN/∞, and go through the slices each at its own pace.
        /// </summary>
        private bool SharesPackedA => !ReadsRowsInPlace;

        public void Work(int worker)
        {
            try { WorkSlices(worker); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _barrier?.Cancel(); // the others leave the barrier instead of waiting for this thread forever
                throw;
            }
        }

        private void WorkSlices(int worker)
        {
            int nr = kernel.NR;
            var (colStart, colEnd) = GemmBlocking.ShareOf(worker, workers, n, nr);
            int nb = GemmBlocking.Even(colEnd - colStart, GemmBlocking.NB, nr);
            float* bBuf = PackBuffer.ForOwn(nb * kcMax + kernel.MR * kcMax), tailBuf = bBuf + nb * kcMax;
            int slice = 0;
            if (checkFinite && !SharesAreFinite(worker)) _nonFinite = true;
            if (workers == 1 && _nonFinite) return;
            for (int ic = 0; ic < m; ic += mbMax)
            {
                int mb = Math.Min(mbMax, m - ic);
                var panels = new RowPanels(mb, kernel.MR, tail?.MR ?? 0);
                int first = panels.Count * worker / workers, last = panels.Count * (worker + 1) / workers;
                for (int pcol = 0; pcol < k; pcol += kcMax, slice++)
                {
                    int kc = Math.Min(kcMax, k - pcol);
                    var inPlace = ReadsAInPlace(panels, mb, kc);
                    float* aBuf = aBuffers + (slice & 1) * (workers > 1 ? bufferFloats : 0);
                    int aOnFirstUse = inPlace == AInPlace.No ? APanelsPackedOnFirstUse(panels, mb, colEnd - colStart) : 0;
                    if (inPlace == AInPlace.No) panels.PackA(a, transA, m, k, ic, mb, pcol, kc, Math.Max(first, aOnFirstUse), last, aBuf);
                    float* tailRows = inPlace == AInPlace.Rows && panels.PaddedRows != mb ? CopyTailRows(panels, ic, mb, pcol, kc, tailBuf) : null;
                    if (slice == 0 || SharesPackedA) _barrier?.SignalAndWait();
                    if (_nonFinite) return; // seen by every thread after the first barrier, before any writes C
                    for (int jc = colStart; jc < colEnd; jc += nb)
                    {
                        int ncur = Math.Min(nb, colEnd - jc);
                        bool store = overwrite && pcol == 0;
                        if (inPlace == AInPlace.Rows && ReadsBInPlace(ncur))
                        {
                            Block(a + (long)ic * k + pcol, 0, k, b + (long)pcol * n + jc, n, panels, ic, mb, jc, ncur, kc, store, tailRows, default);
                            continue;
                        }
                        int bOnFirstUse = BPanelsPackedOnFirstUse(inPlace, panels, mb, ncur), bPacked = bOnFirstUse * nr;
                        if (bPacked < ncur) Packing.PackB(b, transB, k, n, pcol, jc + bPacked, kc, ncur - bPacked, nr, bBuf + (long)bPacked * kc);
                        var firstUse = new FirstUse(jc == colStart ? aOnFirstUse : 0, a + (long)pcol * m + ic, bOnFirstUse, b + (long)pcol * n + jc);
                        if (inPlace == AInPlace.KSteps) Block(a + (long)pcol * m + ic, m, 0, bBuf, 0, panels, ic, mb, jc, ncur, kc, store, null, firstUse);
                        else if (inPlace == AInPlace.Rows) Block(a + (long)ic * k + pcol, 0, k, bBuf, 0, panels, ic, mb, jc, ncur, kc, store, tailRows, firstUse);
                        else Block(aBuf, 0, 0, bBuf, 0, panels, ic, mb, jc, ncur, kc, store, null, firstUse);
                    }
                }
            }
        }

        private enum AInPlace { No, KSteps, Rows }

        /// <summary>
        /// Whether the micro-kernel reads this block of A where it lies instead of a packed copy, and how; packing it
        /// would only copy values the kernel can read as they are.
        /// <list type="bullet">
        /// <item><see cref="AInPlace.KSteps"/>: A transposed (stored k × m) holds each k step's MR values of a panel side
        /// by side, m apart from the next step's. Only whole panels (no zero padding to add), and only for a shallow
        /// slice, whose in-place panel (one or two lines per k step) stays in L1 as a packed one does: a weight gradient
        /// Xᵀ·dZ over a batch (k = 128 for Fashion-MNIST, whose first-layer weight gradient went from 86.9 to 93.0 % of
        /// the FMA peak).</item>
        /// <item><see cref="AInPlace.Rows"/>: A row-major under the 8-row kernel, whose <see cref="MicroKernel8x32.RunRows"/>
        /// broadcasts from the eight rows themselves: a batch of 64 or 128 rows, and any row-major A for which
        /// <see cref="MicroKernels.For"/> picks that kernel (at 1024³ from 88.3 to 92.5 % of the FMA peak). A partial last
        /// panel is copied (<see cref="CopyTailRows"/>).</item>
        /// </list>
        /// </summary>
        private AInPlace ReadsAInPlace(RowPanels panels, int mb, int kc)
        {
            if (transA) return panels.PaddedRows == mb && kc <= InPlaceMaxK ? AInPlace.KSteps : AInPlace.No;
            return ReadsRowsInPlace ? AInPlace.Rows : AInPlace.No;
        }

        /// <summary>
        /// The rows of a row-major block's last, partial 8-row panel (the rest are read in place), copied into
        /// <paramref name="dst"/> as rows kc apart with zero rows below them, so <see cref="MicroKernel8x32.RunRows"/>
        /// reads them as it reads A; each thread copies its own (8 · kc floats, next to its B block).
        /// </summary>
        private float* CopyTailRows(RowPanels panels, int ic, int mb, int pcol, int kc, float* dst)
        {
            int first = panels.RowOf(panels.Count - 1), height = panels.HeightOf(panels.Count - 1);
            for (int r = 0; r < height; r++)
            {
                var row = new Span<float>(dst + (long)r * kc, kc);
                if (first + r < mb) new ReadOnlySpan<float>(a + (long)(ic + first + r) * k + pcol, kc).CopyTo(row);
                else row.Clear();
            }
            return dst;
        }

        private const int InPlaceMaxK = 192;

        /// <summary>
        /// How many of a block's A panels (from panel 0) are packed on first use: their first micro-kernel call, in the
        /// thread's first column block, reads the panel where it lies and writes the packed copy the later calls read.
        /// Packing as a pass of its own waits on memory: a transposed 1024 × 512 slice took 52 µs alone but 150–190 µs
        /// inside a 1024³ product, its source in DRAM and the caches full of C's dirty lines. Inside the kernel the
        /// same loads and stores overlap the FMAs. Only A transposed (each k step's 12 values side by side, m apart;
        /// a row-major A would need a transposing copy), only the 12-row kernel's whole panels (the 8-row tail panels
        /// and a padded last panel are packed first), and only one thread: threads share the packed slice, each
        /// packing part of it before a barrier, and each multiplies every panel.
        /// </summary>
        private int APanelsPackedOnFirstUse(RowPanels panels, int mb, int columns) =>
            transA && workers == 1 && kernel is MicroKernel12x32 && columns >= kernel.NR ? Math.Min(panels.Wide, mb / kernel.MR) : 0;

        /// <summary>
        /// How many of a block's B column panels are packed on first use, by panel 0's micro-kernel calls (which read B
        /// where it lies, n floats between k steps), as <see cref="APanelsPackedOnFirstUse"/> does for A: a row-major B
        /// (each k step's 32 values side by side), its whole column panels, and only when panel 0 is a whole panel of a
        /// kernel that copies (the 8-row kernel reading A's rows in place, or the 12-row kernel). Each thread packs its
        /// own B block, so any thread count.
        /// </summary>
        private int BPanelsPackedOnFirstUse(AInPlace inPlace, RowPanels panels, int mb, int columns)
        {
            if (transB) return 0;
            bool copies = inPlace == AInPlace.Rows ? mb >= kernel.MR : kernel is MicroKernel12x32 && panels.Wide > 0 && mb >= kernel.MR;
            return copies ? columns / kernel.NR : 0;
        }

        /// <summary>What a block's micro-kernel calls pack as they go (see <see cref="APanelsPackedOnFirstUse"/> and
        /// <see cref="BPanelsPackedOnFirstUse"/>): A's first <see cref="APanels"/> panels, read from <see cref="ASource"/>
        /// (A transposed at the block's first row and k step), and B's first <see cref="BPanels"/> column panels, read
        /// from <see cref="BSource"/> (B at the block's first k step and column).</summary>
        private readonly struct FirstUse(int aPanels, float* aSource, int bPanels, float* bSource)
        {
            public readonly int APanels = aPanels, BPanels = bPanels;
            public readonly float* ASource = aSource, BSource = bSource;
        }

        /// <summary>
        /// Whether the 8-row kernel, already reading A in place, also reads a row-major B where it lies: whole column
        /// panels, and rows at most 1 KiB apart. Each k step's 32 values of a panel are then two lines n floats from the
        /// next step's; at 1 KiB those still spread over enough L2 sets to stay there while the kernel streams them once
        /// per A panel (4 KiB rows would share 16 sets and fall to L3). Fashion-MNIST's first layer: its 784 × 256 weights
        /// were copied every forward pass; in place the product went from 85 to 89 % of the FMA peak (cputime harness).
        /// </summary>
        private bool ReadsBInPlace(int ncur) => !transB && ncur % kernel.NR == 0 && n <= BInPlaceMaxRow;

        private const int BInPlaceMaxRow = 256;

        // One A micro-panel stays in L1 (MR · KC · 4 B) while the block's B micro-panels stream past it from L2.
        // The packed A slice (up to MB · KC · 4 B = 3 MiB) lives in L3, so each next micro-panel is prefetched in equal
        // parts before the current panel's calls: else every first call on a panel waited on L3 (block at 87 % of the
        // FMA peak instead of 93–96 %, measured with the experiments harness at 1032 × 352 × 512).
        // aStep and aRows 0: aBuf is the packed block. Otherwise aBuf is A itself at this block's first row and k step
        // (see ReadsAInPlace), with aStep floats from one k step to the next (transposed) or aRows from one row to the
        // next (row-major), and nothing is prefetched ahead: the hardware follows A's own rows.
        // bStep 0: bBuf is the packed block; otherwise B itself at this block's first k step and column, bStep floats
        // from one k step to the next (only with aRows, see ReadsBInPlace).
        // firstUse: the panels this block's calls pack as they go (A's in the packed block, B's in bBuf); a panel not yet
        // packed is not prefetched.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Block(float* aBuf, int aStep, int aRows, float* bBuf, int bStep, RowPanels panels, int ic, int mb, int jc, int nc, int kc, bool overwrite, float* tailRows, FirstUse firstUse)
        {
            bool packed = aStep == 0 && aRows == 0;
            int nr = kernel.NR;
            float* edge = stackalloc float[kernel.MR * nr];
            for (int panel = 0; panel < panels.Count; panel++)
            {
                int ir = panels.RowOf(panel), mr = panels.HeightOf(panel), mrValid = Math.Min(mr, mb - ir);
                IMicroKernel micro = panel < panels.Wide ? kernel : tail!;
                int next = panel + 1 < panels.Count ? panel + 1 : 0; // the next block starts again at panel 0
                bool nextUnpacked = next != 0 && next < firstUse.APanels; // its first call packs it: nothing to fetch yet
                int panelLines = packed && !nextUnpacked ? panels.HeightOf(next) * kc / 16 : 0, linesPerCall = (panelLines * nr + nc - 1) / nc; // 16 floats a line
                float* aPanel = packed ? aBuf + (long)ir * kc : aRows != 0 ? aBuf + (long)ir * aRows : aBuf + ir;
                int rowStride = aRows;
                if (tailRows != null && panel == panels.Count - 1)
                {
                    aPanel = tailRows; // see CopyTailRows
                    rowStride = kc;
                }
                float* aNext = aBuf + (long)panels.RowOf(next) * kc;
                float* cRow = c + (long)(ic + ir) * n + jc;
                int line = 0;
                for (int jr = 0; jr < nc; jr += nr)
                {
                    int nrValid = Math.Min(nr, nc - jr);
                    float* bPanel = bStep == 0 ? bBuf + (long)jr * kc : bBuf + jr;
                    if (Sse.IsSupported && line < panelLines)
                    {
                        int end = Math.Min(line + linesPerCall, panelLines);
                        for (float* fetch = aNext + line * 16, stop = aNext + end * 16; fetch < stop; fetch += 16) Sse.Prefetch0(fetch);
                        line = end;
                    }
                    bool copyA = jr == 0 && panel < firstUse.APanels, copyB = panel == 0 && jr < firstUse.BPanels * nr;
                    if (copyA || copyB) CopyingTile(micro, kc, aPanel, aStep, rowStride, ir, copyA, bPanel, copyB, jr, firstUse, cRow + jr, overwrite);
                    else if (mrValid == mr && nrValid == nr) Tile(micro, kc, aPanel, aStep, rowStride, bPanel, bStep, cRow + jr, n, alpha, overwrite);
                    else EdgeTile(micro, kc, aPanel, aStep, rowStride, bPanel, bStep, cRow + jr, mrValid, nrValid, edge, overwrite);
                }
            }
        }

        // A tile that sticks out of C: the full tile goes to scratch (alpha 1, so it holds the exact sums), then only the
        // valid part is added as the micro-kernel adds (fused, or the portable kernel's multiply then add): the same bits
        // as a full tile, so a product and its transposed route (GemmNarrow) agree on every backend.
        private void EdgeTile(IMicroKernel micro, int kc, float* aPanel, int aStep, int aRows, float* bPanel, int bStep, float* cTile, int rows, int cols, float* edge, bool overwrite)
        {
            int nr = micro.NR;
            Tile(micro, kc, aPanel, aStep, aRows, bPanel, bStep, edge, nr, 1f, overwrite: true);
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++)
                {
                    float old = overwrite ? 0f : cTile[(long)i * n + j];
                    float sum = edge[i * nr + j];
                    cTile[(long)i * n + j] = micro.Fused ? MathF.FusedMultiplyAdd(sum, alpha, old) : old + sum * alpha;
                }
        }

        // The AVX-512 kernels are called directly: Block is compiled once, fully optimized, so it never gets the profile
        // that would let the JIT guess the interface's target, and each call went through a dispatch stub (≈ 1 % of a
        // 1024³ product's samples).
        private static void Tile(IMicroKernel micro, int kc, float* aPanel, int aStep, int aRows, float* bPanel, int bStep, float* c, int ldc, float alpha, bool overwrite)
        {
            if (aRows != 0) ((MicroKernel8x32)micro).RunRows(kc, aPanel, aRows, bPanel, bStep == 0 ? micro.NR : bStep, c, ldc, alpha, overwrite);
            else if (micro is MicroKernel12x32 wide) wide.Run(kc, aPanel, bPanel, c, ldc, alpha, overwrite, aStep);
            else if (micro is MicroKernel8x32 narrow) narrow.Run(kc, aPanel, bPanel, c, ldc, alpha, overwrite, aStep);
            else micro.Run(kc, aPanel, bPanel, c, ldc, alpha, overwrite, aStep);
        }

        // A whole tile whose call packs A's panel, B's or both as it goes (see FirstUse); the packed panels are where the
        // later calls will read them.
        private void CopyingTile(IMicroKernel micro, int kc, float* aPanel, int aStep, int aRows, int ir, bool copyA, float* bPanel, bool copyB, int jr, FirstUse firstUse, float* c, bool overwrite)
        {
            float* bRead = copyB ? firstUse.BSource + jr : bPanel;
            nint bStep = copyB ? n : micro.NR;
            if (aRows != 0) ((MicroKernel8x32)micro).RunRowsCopyingB(kc, aPanel, aRows, bRead, bStep, bPanel, c, n, alpha, overwrite);
            else if (copyA) ((MicroKernel12x32)micro).RunCopying(kc, firstUse.ASource + ir, m, aPanel, bRead, bStep, copyB ? bPanel : null, c, n, alpha, overwrite);
            else ((MicroKernel12x32)micro).RunCopying(kc, aPanel, aStep == 0 ? micro.MR : aStep, null, bRead, bStep, bPanel, c, n, alpha, overwrite);
        }

        // This thread's equal share of A and of B (as flat arrays; the check does not care about the layout).
        private bool SharesAreFinite(int worker)
        {
            var (aFrom, aTo) = GemmBlocking.ShareOf(worker, workers, m * k, 16);
            var (bFrom, bTo) = GemmBlocking.ShareOf(worker, workers, k * n, 16);
            return Finite.All(new ReadOnlySpan<float>(a + aFrom, aTo - aFrom)) && Finite.All(new ReadOnlySpan<float>(b + bFrom, bTo - bFrom));
        }
    }
}
