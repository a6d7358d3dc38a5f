using CourseKit.Training;

namespace CourseKit.Tuning;

/// <summary>
/// Connects <see cref="Trainer.Fit(CourseKit.Data.Dataset, CourseKit.Data.Dataset?, FitOptions?)"/> to a trial: after each epoch reports <c>metric(epoch)</c> (e.g. dev accuracy) as the
/// intermediate value at that epoch, and throws <see cref="TrialPrunedException"/> out of Fit when the pruner says stop.
/// </summary>
/// <example><code>trainer.Fit(train, dev, options with { Callbacks = [new PruningCallback(trial, e => e.ValidationAccuracy!.Value)] });</code></example>
public sealed class PruningCallback(Trial trial, Func<EpochRecord, double> metric) : ITrainingCallback
{
    private readonly Trial _trial = trial ?? throw new ArgumentNullException(nameof(trial));
    private readonly Func<EpochRecord, double> _metric = metric ?? throw new ArgumentNullException(nameof(metric));

    /// <inheritdoc />
    public void OnEpochEnd(TrainingContext context, EpochRecord epoch)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        _trial.Report(epoch.Epoch, _metric(epoch));
        if (_trial.ShouldPrune()) throw new TrialPrunedException($"Trial {_trial.Number} pruned after epoch {epoch.Epoch}.");
    }
}
