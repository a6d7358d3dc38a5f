namespace CourseKit.Training;

/// <summary>What early stopping watches.</summary>
public enum Metric
{
    /// <summary>Validation cost (lower is better).</summary>
    ValidationCost,

    /// <summary>Validation accuracy (higher is better).</summary>
    ValidationAccuracy,

    /// <summary>Training cost (lower is better).</summary>
    TrainingCost,
}

/// <summary>
/// Stops training when the monitored value has not improved by more than <see cref="MinDelta"/> for
/// <see cref="Patience"/> epochs; optionally restores the weights of the best epoch.
/// </summary>
public sealed class EarlyStopping : ITrainingCallback
{
    private float[][]? _bestWeights;
    private int _epochsWithoutImprovement;

    /// <summary>Creates the callback.</summary>
    public EarlyStopping(Metric monitor = Metric.ValidationCost, int patience = 3, double minDelta = 0, bool restoreBestWeights = true)
    {
        if (patience < 1) throw new ArgumentOutOfRangeException(nameof(patience), patience, $"patience: expected ≥ 1 epoch, actual {patience}.");
        (Monitor, Patience, MinDelta, RestoreBestWeights) = (monitor, patience, CourseKit.Tensors.ScalarArguments.NonNegative(minDelta, nameof(minDelta)), restoreBestWeights);
    }

    /// <summary>The monitored value.</summary>
    public Metric Monitor { get; }

    /// <summary>Epochs without improvement before stopping.</summary>
    public int Patience { get; }

    /// <summary>The smallest change that counts as an improvement.</summary>
    public float MinDelta { get; }

    /// <summary>Whether the best epoch's weights are restored when stopping.</summary>
    public bool RestoreBestWeights { get; }

    /// <summary>The best epoch so far and its value.</summary>
    public (int Epoch, float Value)? Best { get; private set; }

    /// <inheritdoc />
    public void OnEpochEnd(TrainingContext context, EpochRecord epoch)
    {
        float value = Monitor switch
        {
            Metric.ValidationCost => epoch.ValidationCost ?? throw NoValidation(),
            Metric.ValidationAccuracy => epoch.ValidationAccuracy ?? throw NoValidation(),
            _ => epoch.Cost,
        };
        bool higherIsBetter = Monitor == Metric.ValidationAccuracy;
        bool improved = Best is not { } best || (higherIsBetter ? value > best.Value + MinDelta : value < best.Value - MinDelta);
        var parameters = context.Trainer.Model.Parameters;
        if (improved)
        {
            Best = (epoch.Epoch, value);
            _epochsWithoutImprovement = 0;
            if (RestoreBestWeights) _bestWeights = parameters.Select(p => p.Value.Data.ToArray()).ToArray();
            return;
        }
        if (++_epochsWithoutImprovement < Patience) return;
        if (RestoreBestWeights && _bestWeights is not null)
            for (int i = 0; i < parameters.Count; i++) _bestWeights[i].CopyTo(parameters[i].Value.Data, 0);
        context.RequestStop($"early stopping: {Monitor} did not improve for {Patience} epochs after epoch {Best!.Value.Epoch} ({Best.Value.Value:G4})");
    }

    private static InvalidOperationException NoValidation() =>
        new("EarlyStopping monitors a validation metric: pass a validation set to Fit (trainer.Fit(train, validation, options)).");
}
