using CourseKit.Tensors;

namespace CourseKit.Data;

/// <summary>
/// Shuffled mini-batches of a data set, epoch by epoch: <c>foreach (var (x, y) in batches.Epoch(e)) { … }</c>.
/// </summary>
/// <remarks>
/// <para>Epoch e visits the examples in a permutation that depends only on (seed, e): each epoch shuffles differently,
/// the same seed and epoch give the same order, and every example appears exactly once per epoch.</para>
/// <para>m examples in batches of B give ⌊m / B⌋ full batches and, when B does not divide m, a last batch of m mod B
/// examples — or none with <c>dropLast: true</c>.</para>
/// <para>Each yielded <see cref="MiniBatch"/> holds its own matrix and labels, which the caller may keep (as PyTorch's
/// DataLoader yields fresh tensors). The trainer uses an internal mode that reuses two buffers (one B × n and, when
/// needed, one (m mod B) × n) instead: it runs thousands of steps a second on digits, where fresh matrices per batch
/// would be pure GC churn. One epoch is enumerated at a time; starting another epoch invalidates the previous
/// enumeration (it throws if continued).</para>
/// </remarks>
public sealed class MiniBatches
{
    private readonly Matrix _features;
    private readonly int[] _labels;
    private readonly int[] _order;
    private readonly Matrix _full, _last;
    private readonly int[] _fullLabels, _lastLabels;
    private readonly bool _reuseBuffers;
    private int _generation;

    /// <summary>Batches of <paramref name="data"/>; see <see cref="MiniBatches(Matrix, int[], int, int, bool, bool)"/>.</summary>
    public MiniBatches(Dataset data, int batchSize, int seed, bool dropLast = false, bool shuffle = true)
        : this((data ?? throw new ArgumentNullException(nameof(data))).Features, data.Labels, batchSize, seed, dropLast, shuffle) { }

    /// <summary>Batches of the rows of <paramref name="features"/> with their <paramref name="labels"/> (both read, not copied).</summary>
    /// <param name="features">m × n, one example per row.</param>
    /// <param name="labels">m labels.</param>
    /// <param name="batchSize">B ≥ 1 (≤ m with <paramref name="dropLast"/>, or every epoch would be empty).</param>
    /// <param name="seed">Seed of the shuffles.</param>
    /// <param name="dropLast">Skip the last, smaller batch when B does not divide m.</param>
    /// <param name="shuffle">False keeps the data order (e.g. to evaluate in batches).</param>
    public MiniBatches(Matrix features, int[] labels, int batchSize, int seed, bool dropLast = false, bool shuffle = true)
        : this(features, labels, batchSize, seed, dropLast, shuffle, reuseBuffers: false) { }

    /// <summary>With <paramref name="reuseBuffers"/>, every batch overwrites the same two buffers (the trainer's allocation-free path).</summary>
    internal MiniBatches(Matrix features, int[] labels, int batchSize, int seed, bool dropLast, bool shuffle, bool reuseBuffers)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != features.Rows)
            throw new ArgumentException($"labels: expected one label per row of features ({features.Rows}), actual {labels.Length}.", nameof(labels));
        if (batchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"batchSize: expected ≥ 1, actual {batchSize}.");
        if (dropLast && batchSize > features.Rows)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize,
                $"batchSize: expected ≤ {features.Rows} (the number of examples) with dropLast, or every epoch is empty; actual {batchSize}.");
        (_features, _labels, BatchSize, Seed, DropLast, Shuffle) = (features, labels, batchSize, seed, dropLast, shuffle);
        int full = Math.Min(batchSize, features.Rows), rest = features.Rows % batchSize;
        _reuseBuffers = reuseBuffers;
        _full = new Matrix(reuseBuffers ? full : 0, features.Cols);
        _fullLabels = new int[_full.Rows];
        _lastRows = dropLast ? 0 : rest;
        _last = new Matrix(reuseBuffers ? _lastRows : 0, features.Cols);
        _lastLabels = new int[_last.Rows];
        _order = new int[features.Rows];
    }

    /// <summary>Batch size B.</summary>
    public int BatchSize { get; }

    /// <summary>The seed of the shuffles.</summary>
    public int Seed { get; }

    /// <summary>Whether the last, smaller batch is skipped.</summary>
    public bool DropLast { get; }

    /// <summary>Whether epochs are shuffled.</summary>
    public bool Shuffle { get; }

    /// <summary>Number of examples m.</summary>
    public int Count => _features.Rows;

    /// <summary>Batches per epoch: ⌊m / B⌋, plus 1 when B does not divide m and the last batch is kept.</summary>
    public int BatchesPerEpoch => Count / BatchSize + (_lastRows > 0 ? 1 : 0);

    private readonly int _lastRows;

    /// <summary>The batches of epoch <paramref name="epoch"/> (0, 1, …), in that epoch's order.</summary>
    public EpochBatches Epoch(int epoch) => new(this, epoch);

    /// <summary>The order in which epoch <paramref name="epoch"/> visits the examples (a new array; a permutation of 0..m−1).</summary>
    public int[] Permutation(int epoch)
    {
        var order = new int[Count];
        FillOrder(order, epoch);
        return order;
    }

    private void FillOrder(Span<int> order, int epoch)
    {
        for (int i = 0; i < order.Length; i++) order[i] = i;
        if (Shuffle) new Random(SeededRandom.Derive(Seed, epoch)).Shuffle(order);
    }

    private int Start(int epoch)
    {
        FillOrder(_order, epoch);
        return ++_generation;
    }

    private MiniBatch Gather(int batch, int generation)
    {
        if (generation != _generation)
            throw new InvalidOperationException("MiniBatches: another epoch was started while this one was being enumerated; the shared batch buffers now belong to it.");
        int start = batch * BatchSize, n = _features.Cols;
        bool isFull = start + BatchSize <= Count;
        int rows = isFull ? Math.Min(BatchSize, Count) : _lastRows;
        Matrix x = !_reuseBuffers ? new Matrix(rows, n) : isFull ? _full : _last;
        int[] y = !_reuseBuffers ? new int[rows] : isFull ? _fullLabels : _lastLabels;
        ReadOnlySpan<float> source = _features.AsSpan();
        Span<float> destination = x.AsSpan();
        for (int r = 0; r < x.Rows; r++)
        {
            if (r + PrefetchRowsAhead < x.Rows) PrefetchRow(source, _order[start + r + PrefetchRowsAhead] * n, n);
            int i = _order[start + r];
            source.Slice(i * n, n).CopyTo(destination.Slice(r * n, n));
            y[r] = _labels[i];
        }
        return new MiniBatch(x, y, batch);
    }

    private const int PrefetchRowsAhead = 4;

    // Shuffled rows are scattered over the whole set (188 MB for Fashion-MNIST): the hardware prefetcher only starts
    // on a row after its first misses, so each row's copy waited on memory. Asking for a row a few rows ahead overlaps
    // those waits with the copies. The non-temporal hint keeps the source rows, read once an epoch, from displacing the
    // step's weights and moments in L2/L3: a Fashion-MNIST batch's gather took 51 µs with PREFETCHT0 two rows ahead and
    // 30–40 µs with PREFETCHNTA four rows ahead (StepPhases --wall, 2026-12-01; 28 → 16 µs in an isolated gather loop).
    private static unsafe void PrefetchRow(ReadOnlySpan<float> source, int offset, int length)
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported || length == 0) return;
        fixed (float* row = &source[offset])
        {
            byte* first = (byte*)row, end = (byte*)(row + length);
            for (byte* line = first; line < end; line += 64) System.Runtime.Intrinsics.X86.Sse.PrefetchNonTemporal(line);
            System.Runtime.Intrinsics.X86.Sse.PrefetchNonTemporal(end - 1); // the last line, when the row does not start on one
        }
    }

    /// <summary>The batches of one epoch; enumerating allocates nothing per batch.</summary>
    public readonly struct EpochBatches
    {
        private readonly MiniBatches _owner;
        private readonly int _epoch;

        internal EpochBatches(MiniBatches owner, int epoch) => (_owner, _epoch) = (owner, epoch);

        /// <summary>Shuffles for this epoch and returns the enumerator.</summary>
        public Enumerator GetEnumerator() => new(_owner, _epoch);
    }

    /// <summary>Enumerates the batches of one epoch.</summary>
    public struct Enumerator
    {
        private readonly MiniBatches _owner;
        private readonly int _generation;
        private int _batch;

        internal Enumerator(MiniBatches owner, int epoch) => (_owner, _generation, _batch, Current) = (owner, owner.Start(epoch), -1, default);

        /// <summary>The current batch.</summary>
        public MiniBatch Current { get; private set; }

        /// <summary>Fills the next batch; false after the last.</summary>
        public bool MoveNext()
        {
            if (++_batch >= _owner.BatchesPerEpoch) return false;
            Current = _owner.Gather(_batch, _generation);
            return true;
        }
    }
}
