namespace CourseKit.Optim;

/// <summary>Effectively computes <c>α = α₀ / (1 + decay_rate · epoch)</c>, epoch counted from 1.</summary>
/// <remarks>Lecture "Learning rate decay": α₀ = 0.2, decay_rate = 1 gives 0.1, 0.067, 0.05, 0.04 for epochs 1–4.</remarks>
public sealed class InverseTimeDecay : ILearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialRate">α₀, finite and &gt; 0.</param>
    /// <param name="decayRate">decay_rate, finite and ≥ 0 (0: constant α₀).</param>
    public InverseTimeDecay(double initialRate, double decayRate)
    {
        LearningRateSchedule.CheckPositive(initialRate, nameof(initialRate));
        LearningRateSchedule.CheckNonNegative(decayRate, nameof(decayRate));
        InitialRate = initialRate;
        DecayRate = decayRate;
    }

    /// <summary>α₀.</summary>
    public double InitialRate { get; }

    /// <summary>decay_rate, itself a hyperparameter to tune.</summary>
    public double DecayRate { get; }

    /// <inheritdoc />
    public float Rate(int epoch, long step)
    {
        LearningRateSchedule.CheckCounts(epoch, step);
        return (float)(InitialRate / (1 + DecayRate * epoch));
    }
}
