namespace CourseKit.Optim;

/// <summary>
/// "Manual decay": a table of (first epoch → α). Effectively computes α = the rate of the last entry whose epoch is
/// ≤ the current epoch; the table must start at epoch 1.
/// </summary>
/// <remarks>Lecture "Learning rate decay": watching a long training run and lowering α by hand, written down.</remarks>
public sealed class ManualSchedule : ILearningRateSchedule
{
    private readonly int[] _epochs;
    private readonly float[] _rates;

    /// <summary>Creates the schedule from (first epoch, α) entries, e.g. <c>{ [1] = 0.1f, [10] = 0.03f, [20] = 0.01f }</c>.</summary>
    /// <param name="table">epochs ≥ 1 (one must be 1) mapped to finite α &gt; 0.</param>
    public ManualSchedule(IReadOnlyDictionary<int, float> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var (epoch, rate) in table)
        {
            if (epoch < 1)
                throw new ArgumentOutOfRangeException(nameof(table), epoch, $"table: expected epochs ≥ 1, actual {epoch}.");
            LearningRateSchedule.CheckPositive(rate, $"table[{epoch}]");
        }
        if (!table.ContainsKey(1))
            throw new ArgumentException(
                $"table: expected an entry for epoch 1, actual first epoch {(table.Count == 0 ? "none (empty table)" : table.Keys.Min().ToString())}.", nameof(table));
        _epochs = table.Keys.Order().ToArray();
        _rates = Array.ConvertAll(_epochs, e => table[e]);
    }

    /// <summary>The same from rates in double (as the tuner draws them), e.g. <c>{ [1] = 0.1, [10] = 0.03 }</c>.</summary>
    public ManualSchedule(IReadOnlyDictionary<int, double> table)
        : this((table ?? throw new ArgumentNullException(nameof(table))).ToDictionary(p => p.Key, p => LearningRateSchedule.ToRate(p.Value, $"table[{p.Key}]"))) { }

    /// <summary>The table, ordered by epoch.</summary>
    public IReadOnlyList<KeyValuePair<int, float>> Table => _epochs.Select((e, i) => KeyValuePair.Create(e, _rates[i])).ToArray();

    /// <inheritdoc />
    public float Rate(int epoch, long step)
    {
        LearningRateSchedule.CheckCounts(epoch, step);
        int i = Array.BinarySearch(_epochs, epoch);
        return _rates[i >= 0 ? i : ~i - 1];
    }
}
