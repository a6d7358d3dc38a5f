namespace CourseKit.Optim;

/// <summary>
/// Discrete drops. Effectively computes <c>α = α₀ · factor^⌊(epoch − 1) / N⌋</c>: epochs 1…N use α₀,
/// epochs N+1…2N use factor·α₀, and so on.
/// </summary>
/// <remarks>Lecture "Learning rate decay": the "discrete staircase" among its other decay methods.</remarks>
public sealed class StaircaseDecay : ILearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">α₀, finite and &gt; 0.</param>
    /// <param name="epochsPerDrop">N ≥ 1, how many epochs each stair lasts.</param>
    /// <param name="factor">the multiplier at each drop, in (0, 1], e.g. 0.5 halves α.</param>
    public StaircaseDecay(double initialRate, int epochsPerDrop, double factor = 0.5)
    {
        LearningRateSchedule.CheckPositive(initialRate, nameof(initialRate));
        if (epochsPerDrop < 1)
            throw new ArgumentOutOfRangeException(nameof(epochsPerDrop), epochsPerDrop, $"epochsPerDrop: expected ≥ 1, actual {epochsPerDrop}.");
        LearningRateSchedule.CheckFactor(factor, nameof(factor));
        InitialRate = initialRate;
        EpochsPerDrop = epochsPerDrop;
        Factor = factor;
    }

    /// <summary>α₀.</summary>
    public double InitialRate { get; }

    /// <summary>N, the epochs per stair.</summary>
    public int EpochsPerDrop { get; }

    /// <summary>The multiplier applied at each drop.</summary>
    public double Factor { get; }

    /// <inheritdoc />
    public float Rate(int epoch, long step)
    {
        LearningRateSchedule.CheckCounts(epoch, step);
        return (float)(InitialRate * Math.Pow(Factor, (epoch - 1) / EpochsPerDrop));
    }
}
