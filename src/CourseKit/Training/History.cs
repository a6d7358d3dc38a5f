namespace CourseKit.Training;

/// <summary>One optimization step: its epoch, t, the mini-batch cost and α used.</summary>
public sealed record StepRecord(int Epoch, long Step, float Cost, float LearningRate);

/// <summary>
/// One epoch: mean mini-batch cost and accuracy over the epoch (in training mode, as Keras reports them), and the
/// validation cost and accuracy in inference mode when validation data was given.
/// </summary>
public sealed record EpochRecord(int Epoch, float Cost, float Accuracy, float? ValidationCost, float? ValidationAccuracy,
    float LearningRate, long Steps, double Seconds);

/// <summary>What a training run recorded: learning curves per epoch and per step.</summary>
[TypeFormatterSource("CourseKit.Display.HistoryFormatterSource")]
public sealed class History
{
    private readonly List<EpochRecord> _epochs = [];
    private readonly List<StepRecord> _steps = [];

    /// <summary>Per-epoch records, in order.</summary>
    public IReadOnlyList<EpochRecord> Epochs => _epochs;

    /// <summary>Per-step records (mini-batch costs), in order; empty when step recording was off.</summary>
    public IReadOnlyList<StepRecord> Steps => _steps;

    /// <summary>Why training stopped before its last epoch (early stopping, a callback), or null.</summary>
    public string? StopReason { get; internal set; }

    /// <summary>The first epoch whose validation accuracy reached <paramref name="accuracy"/>, or null.</summary>
    public int? FirstEpochReachingValidationAccuracy(float accuracy) =>
        _epochs.FirstOrDefault(e => e.ValidationAccuracy >= accuracy)?.Epoch;

    internal void Add(EpochRecord epoch) => _epochs.Add(epoch);

    internal void Add(StepRecord step) => _steps.Add(step);
}
