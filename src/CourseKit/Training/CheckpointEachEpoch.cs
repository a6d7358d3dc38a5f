namespace CourseKit.Training;

/// <summary>
/// Saves a checkpoint (model, optimizer, the epoch reached) after every epoch — to one file, replaced atomically,
/// or to one file per epoch when <see cref="KeepEvery"/> is set, so a run can be reverted to an earlier epoch.
/// </summary>
public sealed class CheckpointEachEpoch(string path, bool keepEvery = false) : ITrainingCallback
{
    /// <summary>The checkpoint path; with <see cref="KeepEvery"/>, <c>{name}.epoch{N}{ext}</c> beside it.</summary>
    public string Path { get; } = string.IsNullOrWhiteSpace(path) ? throw new ArgumentException("path: expected a file path, actual empty.", nameof(path)) : path;

    /// <summary>Keep one file per epoch instead of replacing one file.</summary>
    public bool KeepEvery { get; } = keepEvery;

    /// <summary>The file written for <paramref name="epoch"/>.</summary>
    public string PathFor(int epoch) => !KeepEvery ? Path
        : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path) ?? "",
            $"{System.IO.Path.GetFileNameWithoutExtension(Path)}.epoch{epoch}{System.IO.Path.GetExtension(Path)}");

    /// <inheritdoc />
    public void OnEpochEnd(TrainingContext context, EpochRecord epoch) =>
        Checkpoint.Save(PathFor(epoch.Epoch), context.Trainer.Model, context.Trainer.Optimizer,
            new Dictionary<string, long> { ["epoch"] = epoch.Epoch, ["steps"] = epoch.Steps });
}
