namespace CourseKit.Optim;

/// <summary>
/// A learning-rate schedule: α as a function of the epoch and the step.
/// </summary>
/// <remarks>
/// Lecture "Learning rate decay". Both counts start at 1, as in the lecture's α = α₀/(1 + decay_rate·epoch_num),
/// where epoch_num = 1 is the first pass through the data: with α₀ = 0.2 and decay_rate = 1, epoch 1 uses 0.1 and
/// epoch 2 uses 0.067. The step is t of the update about to be taken (<see cref="Optimizer.Steps"/> + 1).
/// Epoch-based schedules ignore the step, step-based ones the epoch; all validate both.
/// </remarks>
public interface ILearningRateSchedule
{
    /// <summary>α for <paramref name="epoch"/> (≥ 1) and step <paramref name="step"/> (≥ 1).</summary>
    float Rate(int epoch, long step);
}

/// <summary>Helpers for <see cref="ILearningRateSchedule"/>.</summary>
public static class LearningRateSchedule
{
    /// <summary>Sets <paramref name="optimizer"/>'s α for the coming step: <c>Rate(epoch, optimizer.Steps + 1)</c>; returns it.</summary>
    public static float Apply(this ILearningRateSchedule schedule, Optimizer optimizer, int epoch)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(optimizer);
        float rate = schedule.Rate(epoch, optimizer.Steps + 1);
        optimizer.LearningRate = rate;
        return rate;
    }

    internal static void CheckCounts(int epoch, long step)
    {
        if (epoch < 1)
            throw new ArgumentOutOfRangeException(nameof(epoch), epoch, $"epoch: expected ≥ 1 (the first epoch is 1, as in the lecture), actual {epoch}.");
        if (step < 1)
            throw new ArgumentOutOfRangeException(nameof(step), step, $"step: expected ≥ 1 (t of the coming update, the first is 1), actual {step}.");
    }

    // A float argument like 0.1f prints as "0.1", not as its double widening; a rate must stay > 0 in float too.
    internal static void CheckPositive(double value, string argument) => CourseKit.Tensors.ScalarArguments.Positive(value, argument);

    internal static float ToRate(double value, string argument) => CourseKit.Tensors.ScalarArguments.Positive(value, argument);

    internal static void CheckNonNegative(double value, string argument) => CourseKit.Tensors.ScalarArguments.NonNegative(value, argument);

    internal static void CheckFactor(double value, string argument)
    {
        if (!(value > 0 && value <= 1))
            throw new ArgumentOutOfRangeException(argument, value, $"{argument}: expected a value in (0, 1], actual {value}.");
    }
}
