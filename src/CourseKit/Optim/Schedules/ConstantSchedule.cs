namespace CourseKit.Optim;

/// <summary>No decay. Effectively computes <c>α = α₀</c> at every epoch and step.</summary>
public sealed class ConstantSchedule : ILearningRateSchedule
{
    /// <summary>Creates a constant schedule.</summary>
    /// <param name="initialRate">α₀, finite and &gt; 0.</param>
    public ConstantSchedule(double initialRate)
    {
        LearningRateSchedule.CheckPositive(initialRate, nameof(initialRate));
        InitialRate = initialRate;
    }

    /// <summary>α₀.</summary>
    public double InitialRate { get; }

    /// <inheritdoc />
    public float Rate(int epoch, long step)
    {
        LearningRateSchedule.CheckCounts(epoch, step);
        return (float)InitialRate;
    }
}
