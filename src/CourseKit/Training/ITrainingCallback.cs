namespace CourseKit.Training;

/// <summary>Hooks into a training run, per mini-batch and per epoch; both default to doing nothing.</summary>
public interface ITrainingCallback
{
    /// <summary>After each optimization step.</summary>
    void OnBatchEnd(TrainingContext context, StepRecord step) { }

    /// <summary>After each epoch (validation metrics included).</summary>
    void OnEpochEnd(TrainingContext context, EpochRecord epoch) { }
}

/// <summary>What a callback sees of the run, and how it stops it.</summary>
public sealed class TrainingContext(Trainer trainer, History history)
{
    /// <summary>The trainer (model, loss, optimizer).</summary>
    public Trainer Trainer { get; } = trainer;

    /// <summary>The history so far.</summary>
    public History History { get; } = history;

    /// <summary>Whether a stop was requested.</summary>
    public bool StopRequested { get; private set; }

    /// <summary>Asks the run to stop after the current epoch (or step), recording <paramref name="reason"/>.</summary>
    public void RequestStop(string reason)
    {
        StopRequested = true;
        History.StopReason ??= reason;
    }
}
