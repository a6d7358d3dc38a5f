using System.Globalization;
using CourseKit.Data;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Training;

namespace CourseKit.Tuning;

/// <summary>One branch of a babysat run: a trial of the study, started from <see cref="FromEpoch"/> of <see cref="Parent"/> by <see cref="Action"/>.</summary>
public sealed record PandaBranch(int Trial, int? Parent, int FromEpoch, string Action, double LearningRate, IReadOnlyDictionary<int, double> Curve)
{
    /// <summary>The last epoch trained on this branch.</summary>
    public int LastEpoch => Curve.Count == 0 ? FromEpoch : Curve.Keys.Max();
}

/// <summary>
/// The panda approach: babysit one model epoch by epoch with the library's <see cref="Trainer"/>. Every epoch is
/// checkpointed; changing the learning rate or reverting to an earlier checkpoint starts a new <em>branch</em> — a new
/// trial of the study whose attributes name its parent branch, the epoch it starts from and the action — so the whole
/// session can be replayed (<see cref="Replay"/>) and plotted (<c>study.PlotBranches()</c> in <c>CourseKit.Charts</c>) from the study alone, also after a reload.
/// The metric is the dev accuracy for a maximizing study and the dev cost for a minimizing one.
/// </summary>
public sealed class Babysitter
{
    private const string Parent = "panda:parent", From = "panda:from_epoch", Action = "panda:action", Rate = "panda:learning_rate";
    private readonly Trainer _trainer;
    private readonly Dataset _train, _dev;
    private readonly FitOptions _fit;
    private Trial _branch;

    /// <summary>Starts babysitting <paramref name="model"/> (built) with <paramref name="optimizer"/>; checkpoints go to <paramref name="checkpointFolder"/>.</summary>
    public Babysitter(Study study, Sequential model, Optimizer optimizer, Dataset train, Dataset dev, string checkpointFolder, FitOptions? fit = null, ILoss? loss = null)
    {
        Study = study ?? throw new ArgumentNullException(nameof(study));
        _trainer = new Trainer(model, loss ?? new SoftmaxCrossEntropyLoss(), optimizer);
        (_train, _dev) = (train ?? throw new ArgumentNullException(nameof(train)), dev ?? throw new ArgumentNullException(nameof(dev)));
        ArgumentException.ThrowIfNullOrWhiteSpace(checkpointFolder);
        Folder = Directory.CreateDirectory(checkpointFolder).FullName;
        _fit = (fit ?? new FitOptions()) with { RecordSteps = false, Callbacks = [], ValidationFeatures = null, ValidationLabels = null };
        _branch = StartBranch(null, 0, "start");
    }

    /// <summary>The study that records the session.</summary>
    public Study Study { get; }

    /// <summary>Where checkpoints are written: <c>trial{T}-epoch{E}.ckpt</c>.</summary>
    public string Folder { get; }

    /// <summary>The epoch the model is at.</summary>
    public int Epoch { get; private set; }

    /// <summary>The current branch's trial number.</summary>
    public int Branch => _branch.Number;

    /// <summary>Trains <paramref name="epochs"/> more epochs, checkpointing and recording each; returns their records.</summary>
    public IReadOnlyList<EpochRecord> Train(int epochs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        var records = new List<EpochRecord>();
        for (int i = 0; i < epochs; i++)
        {
            var record = _trainer.Fit(_train, _dev, _fit with { InitialEpoch = Epoch, Epochs = Epoch + 1 }).Epochs[^1];
            Epoch = record.Epoch;
            Save();
            _branch.Report(Epoch, Metric(record));
            records.Add(record);
        }
        return records;
    }

    /// <summary>Changes α from now on; starts a new branch from the current epoch.</summary>
    public void SetLearningRate(double learningRate)
    {
        if (!(learningRate > 0) || !double.IsFinite(learningRate))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, $"learningRate: expected a finite α > 0, actual {learningRate}.");
        int parent = EndBranch();
        _trainer.Optimizer.LearningRate = (float)learningRate;
        _branch = StartBranch(parent, Epoch, "learning_rate");
    }

    /// <summary>Restores the checkpoint of <paramref name="epoch"/> on branch <paramref name="branch"/> (the current one when null) and continues from there as a new branch.</summary>
    public void RevertTo(int epoch, int? branch = null)
    {
        int source = branch ?? Branch;
        string path = PathOf(source, epoch);
        if (!File.Exists(path))
            throw new ArgumentException($"epoch: no checkpoint of epoch {epoch} on branch {source} ('{path}'); branches hold the epochs they trained (and the one they started from).", nameof(epoch));
        int parent = EndBranch();
        Checkpoint.Load(path, _trainer.Model, _trainer.Optimizer);
        Epoch = epoch;
        _branch = StartBranch(source, epoch, "revert");
        _ = parent;
    }

    /// <summary>Ends the current branch (complete, with its last value); call when done.</summary>
    public void Finish() => EndBranch();

    /// <summary>The session's branches in order, read from <paramref name="study"/>.</summary>
    public static IReadOnlyList<PandaBranch> Replay(Study study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return study.Trials.Where(t => t.Attributes.ContainsKey(Action)).Select(t => new PandaBranch(t.Number,
            t.Attributes.TryGetValue(Parent, out var p) && p.Length > 0 ? int.Parse(p, CultureInfo.InvariantCulture) : null,
            int.Parse(t.Attributes[From], CultureInfo.InvariantCulture), t.Attributes[Action],
            double.Parse(t.Attributes[Rate], CultureInfo.InvariantCulture), t.Intermediate)).ToList();
    }

    private Trial StartBranch(int? parent, int fromEpoch, string action)
    {
        var trial = Study.Ask();
        trial.SetAttribute(Parent, parent?.ToString(CultureInfo.InvariantCulture) ?? "");
        trial.SetAttribute(From, fromEpoch.ToString(CultureInfo.InvariantCulture));
        trial.SetAttribute(Action, action);
        trial.SetAttribute(Rate, _trainer.Optimizer.LearningRate.ToString("R", CultureInfo.InvariantCulture));
        _branch = trial;
        Save();
        return trial;
    }

    private int EndBranch()
    {
        var curve = _branch.Intermediate;
        if (_branch.Study.Trials[_branch.Number].IsFinished) return _branch.Number;
        if (curve.Count > 0) Study.Tell(_branch, curve[curve.Keys.Max()]);
        else Study.Tell(_branch, TrialState.Cancelled);
        return _branch.Number;
    }

    private void Save() => Checkpoint.Save(PathOf(_branch.Number, Epoch), _trainer.Model, _trainer.Optimizer, new Dictionary<string, long> { ["epoch"] = Epoch });

    private string PathOf(int branch, int epoch) => Path.Combine(Folder, $"trial{branch}-epoch{epoch}.ckpt");

    private double Metric(EpochRecord r) => Study.Direction == Direction.Maximize ? r.ValidationAccuracy!.Value : r.ValidationCost!.Value;
}
