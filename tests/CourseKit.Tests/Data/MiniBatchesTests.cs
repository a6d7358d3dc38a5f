using CourseKit.Data;
using CourseKit.Tensors;

namespace CourseKit.Tests.Data;

public class MiniBatchesTests
{
    // Feature 0 of example i is i, so a batch row tells which example it holds.
    private static Dataset Numbered(int m)
    {
        var x = new Matrix(m, 3);
        for (int i = 0; i < m; i++) { x[i, 0] = i; x[i, 1] = -i; x[i, 2] = 0.5f; }
        return new Dataset(x, Enumerable.Range(0, m).Select(i => i % 4).ToArray(), 4);
    }

    private static List<int> Visit(MiniBatches batches, int epoch, List<int>? sizes = null)
    {
        var seen = new List<int>();
        foreach (var (x, y) in batches.Epoch(epoch))
        {
            sizes?.Add(x.Rows);
            for (int r = 0; r < x.Rows; r++)
            {
                int i = (int)x[r, 0];
                Assert.Equal(-i, x[r, 1]);
                Assert.Equal(i % 4, y[r]); // label travels with its row
                seen.Add(i);
            }
        }
        return seen;
    }

    [Fact]
    public void Each_example_appears_exactly_once_per_epoch_and_the_last_batch_holds_m_mod_B()
    {
        var batches = new MiniBatches(Numbered(103), batchSize: 10, seed: 42);
        var sizes = new List<int>();
        Assert.Equal(Enumerable.Range(0, 103), Visit(batches, 0, sizes).Order());
        Assert.Equal(11, batches.BatchesPerEpoch);
        Assert.Equal(Enumerable.Repeat(10, 10).Append(3), sizes);
    }

    [Fact]
    public void DropLast_skips_the_smaller_batch()
    {
        var batches = new MiniBatches(Numbered(103), batchSize: 10, seed: 42, dropLast: true);
        var sizes = new List<int>();
        List<int> seen = Visit(batches, 0, sizes);
        Assert.Equal(Enumerable.Repeat(10, 10), sizes);
        Assert.Equal(100, seen.Distinct().Count());
    }

    [Fact]
    public void Epochs_shuffle_differently_and_the_same_seed_repeats_the_order()
    {
        Dataset data = Numbered(200);
        var a = new MiniBatches(data, 32, seed: 42);
        var b = new MiniBatches(data, 32, seed: 42);
        List<int> epoch0 = Visit(a, 0), epoch1 = Visit(a, 1);
        Assert.NotEqual(epoch0, epoch1);
        Assert.NotEqual(Enumerable.Range(0, 200), epoch0);
        Assert.Equal(epoch1, Visit(b, 1)); // depends on (seed, epoch) only, not on which epochs ran before
        Assert.Equal(epoch0, Visit(a, 0));
        Assert.Equal(a.Permutation(1), epoch1);
        Assert.NotEqual(epoch0, Visit(new MiniBatches(data, 32, seed: 43), 0));
    }

    [Fact]
    public void Without_shuffle_batches_follow_the_data_order()
    {
        Assert.Equal(Enumerable.Range(0, 50), Visit(new MiniBatches(Numbered(50), 7, seed: 42, shuffle: false), 3));
    }

    [Fact]
    public void Public_batches_belong_to_the_caller_and_stay_valid_after_the_loop()
    {
        var batches = new MiniBatches(Numbered(10), 4, seed: 42, shuffle: false);
        var kept = new List<MiniBatch>();
        foreach (MiniBatch batch in batches.Epoch(0)) kept.Add(batch);
        Assert.Equal([4, 4, 2], kept.Select(b => b.Size));
        float[] FirstColumn(MiniBatch b) => Enumerable.Range(0, b.Size).Select(r => b.Features[r, 0]).ToArray();
        Assert.Equal([0f, 1f, 2f, 3f], FirstColumn(kept[0]));     // not overwritten by the later batches
        Assert.Equal([4f, 5f, 6f, 7f], FirstColumn(kept[1]));
        Assert.Equal([0, 1, 2, 3], kept[1].Labels);
        Assert.NotSame(kept[0].Features, kept[1].Features);
        Assert.Equal(Numbered(10).Features.Row(5).ToArray(), kept[1].Features.Row(1).ToArray());
    }

    [Fact]
    public void The_trainers_internal_batches_reuse_their_buffers_and_allocate_nothing_per_batch()
    {
        var digits = Datasets.Digits();
        var batches = new MiniBatches(digits.Features, digits.Labels, 64, seed: 42, dropLast: false, shuffle: true, reuseBuffers: true);
        Matrix? first = null;
        foreach (MiniBatch batch in batches.Epoch(0)) { first ??= batch.Features; if (batch.Size == 64) Assert.Same(first, batch.Features); }
        long before = GC.GetAllocatedBytesForCurrentThread();
        int rows = 0;
        for (int epoch = 1; epoch <= 5; epoch++)
            foreach (MiniBatch batch in batches.Epoch(epoch)) rows += batch.Size;
        long perEpoch = (GC.GetAllocatedBytesForCurrentThread() - before) / 5;
        Assert.Equal(5 * 1797, rows);
        Assert.True(perEpoch < 2_000, $"allocated {perEpoch} bytes per epoch of 29 batches (only the epoch's Random is expected)");
        // The same batches as the public path, element for element.
        var fresh = new MiniBatches(digits, 64, seed: 42);
        var shared = new List<float[]>();
        foreach (MiniBatch batch in batches.Epoch(3)) shared.Add(batch.Features.Data.ToArray());
        var owned = new List<float[]>();
        foreach (MiniBatch batch in fresh.Epoch(3)) owned.Add(batch.Features.Data);
        Assert.Equal(owned, shared);
    }

    [Fact]
    public void Starting_another_epoch_invalidates_the_running_enumeration()
    {
        var batches = new MiniBatches(Numbered(20), 5, seed: 42);
        var ex = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (MiniBatch _ in batches.Epoch(0)) foreach (MiniBatch __ in batches.Epoch(1)) { }
        });
        Assert.Contains("another epoch was started", ex.Message);
    }

    [Fact]
    public void Bad_arguments_are_named_with_expected_and_actual()
    {
        Dataset data = Numbered(20);
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatches(data, 0, 42));
        Assert.Equal("batchSize", zero.ParamName);
        Assert.Contains("batchSize: expected ≥ 1, actual 0", zero.Message);
        Assert.Contains("expected ≤ 20 (the number of examples) with dropLast, or every epoch is empty; actual 32",
            Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatches(data, 32, 42, dropLast: true)).Message);
        Assert.Contains("labels: expected one label per row of features (20), actual 19",
            Assert.Throws<ArgumentException>(() => new MiniBatches(data.Features, new int[19], 4, 42)).Message);
    }
}
