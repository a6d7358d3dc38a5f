using CourseKit.Optim;
using CourseKit.Tensors;

namespace CourseKit.Training;

/// <summary>How <see cref="Trainer.Fit(CourseKit.Data.Dataset, CourseKit.Data.Dataset?, FitOptions?)"/> runs: epochs, mini-batches, regularization, schedule, validation, callbacks.</summary>
public sealed record FitOptions
{
    /// <summary>Number of passes through the training set (the last epoch number when resuming).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Mini-batch size B.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Seed of the mini-batch shuffles: epoch e's order depends only on (seed, e).</summary>
    public int Seed { get; init; }

    /// <summary>L2 strength λ on weights (0: none); the cost includes λ/(2m)·Σ‖W‖².</summary>
    public double L2 { get; init; }

    /// <summary>Learning-rate schedule applied before every step; null keeps the optimizer's α.</summary>
    public ILearningRateSchedule? Schedule { get; init; }

    /// <summary>Validation features (inference mode after each epoch), or null; <c>Fit(train, validation, options)</c> sets them from its validation set.</summary>
    public Matrix? ValidationFeatures { get; init; }

    /// <summary>Validation labels, with <see cref="ValidationFeatures"/>.</summary>
    public int[]? ValidationLabels { get; init; }

    /// <summary>Callbacks, called in order.</summary>
    public IReadOnlyList<ITrainingCallback> Callbacks { get; init; } = [];

    /// <summary>Skip the last, smaller batch of each epoch (useful with BatchNorm when m mod B = 1).</summary>
    public bool DropLastBatch { get; init; }

    /// <summary>Record every step's cost in <see cref="History.Steps"/>.</summary>
    public bool RecordSteps { get; init; } = true;

    /// <summary>Epochs already completed (0 for a fresh run; the checkpoint's epoch when resuming).</summary>
    public int InitialEpoch { get; init; }

    internal void Validate(int examples)
    {
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, $"Epochs: expected ≥ 1, actual {Epochs}.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"BatchSize: expected ≥ 1, actual {BatchSize}.");
        CourseKit.Tensors.ScalarArguments.NonNegative(L2, nameof(L2));
        if (InitialEpoch < 0 || InitialEpoch > Epochs)
            throw new ArgumentOutOfRangeException(nameof(InitialEpoch), InitialEpoch, $"InitialEpoch: expected 0 ≤ InitialEpoch ≤ Epochs ({Epochs}), actual {InitialEpoch}.");
        if ((ValidationFeatures is null) != (ValidationLabels is null))
            throw new ArgumentException("ValidationFeatures, ValidationLabels: give both or neither.", nameof(ValidationLabels));
        if (ValidationFeatures is not null && ValidationLabels!.Length != ValidationFeatures.Rows)
            throw new ArgumentException($"ValidationLabels: expected one label per validation row ({ValidationFeatures.Rows}), actual {ValidationLabels.Length}.", nameof(ValidationLabels));
        if (examples < 1) throw new ArgumentException($"x: expected at least 1 training example, actual {examples}.", "x");
    }
}
