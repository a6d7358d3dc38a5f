namespace CourseKit.Optim;

/// <summary>Effectively computes <c>α = k / √t · α₀</c>, t the mini-batch step counted from 1.</summary>
/// <remarks>Lecture "Learning rate decay", one of its "other decay methods" (decaying per mini-batch, not per epoch).</remarks>
public sealed class InverseSqrtStepDecay : ILearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">α₀, finite and &gt; 0.</param>
    /// <param name="k">the constant k, finite and &gt; 0 (1: α₀ at step 1).</param>
    public InverseSqrtStepDecay(double initialRate, double k = 1)
    {
        LearningRateSchedule.CheckPositive(initialRate, nameof(initialRate));
        LearningRateSchedule.CheckPositive(k, nameof(k));
        InitialRate = initialRate;
        K = k;
    }

    /// <summary>α₀.</summary>
    public double InitialRate { get; }

    /// <summary>The constant k.</summary>
    public double K { get; }

    /// <inheritdoc />
    public float Rate(int epoch, long step)
    {
        LearningRateSchedule.CheckCounts(epoch, step);
        return (float)(K / Math.Sqrt(step) * InitialRate);
    }
}
