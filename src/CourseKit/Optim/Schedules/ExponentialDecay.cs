namespace CourseKit.Optim;

/// <summary>Effectively computes <c>α = base^epoch · α₀</c>, epoch counted from 1 (so epoch 1 already uses base·α₀).</summary>
/// <remarks>Lecture "Learning rate decay", with base 0.95 as its example ("exponential decay").</remarks>
public sealed class ExponentialDecay : ILearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">α₀, finite and &gt; 0.</param>
    /// <param name="decayBase">the base, in (0, 1]; 1 keeps α₀.</param>
    public ExponentialDecay(double initialRate, double decayBase = 0.95)
    {
        LearningRateSchedule.CheckPositive(initialRate, nameof(initialRate));
        LearningRateSchedule.CheckFactor(decayBase, nameof(decayBase));
        InitialRate = initialRate;
        DecayBase = decayBase;
    }

    /// <summary>α₀.</summary>
    public double InitialRate { get; }

    /// <summary>The base raised to the epoch number.</summary>
    public double DecayBase { get; }

    /// <inheritdoc />
    public float Rate(int epoch, long step)
    {
        LearningRateSchedule.CheckCounts(epoch, step);
        return (float)(Math.Pow(DecayBase, epoch) * InitialRate);
    }
}
