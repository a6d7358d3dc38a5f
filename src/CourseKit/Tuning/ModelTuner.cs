using CourseKit.Data;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Training;

namespace CourseKit.Tuning;

/// <summary>What a <see cref="ModelTuner"/>'s build function returns: a model (unbuilt: the tuner builds it, seeded per execution) and its optimizer.</summary>
public sealed record TunedModel(Sequential Model, Optimizer Optimizer);

/// <summary>The value a <see cref="ModelTuner"/> optimizes, measured on the validation set after each epoch.</summary>
public enum TunerObjective
{
    /// <summary>Validation accuracy, maximized.</summary>
    ValidationAccuracy,

    /// <summary>Validation cost, minimized.</summary>
    ValidationCost,
}

/// <summary>How a <see cref="ModelTuner"/> trains each trial.</summary>
public sealed record ModelTunerOptions
{
    /// <summary>Epochs per execution.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Independent trainings per trial (different initialization and batch order); the objective is their mean (Keras Tuner's executions_per_trial).</summary>
    public int ExecutionsPerTrial { get; init; } = 1;

    /// <summary>What is optimized.</summary>
    public TunerObjective Objective { get; init; } = TunerObjective.ValidationAccuracy;

    /// <summary>The cost; softmax cross-entropy when null.</summary>
    public ILoss? Loss { get; init; }
}

/// <summary>
/// A Keras-Tuner-like entry point: <c>build(hp)</c> returns a model and optimizer from hyperparameters drawn with
/// <see cref="Trial"/>'s methods; the tuner trains <see cref="ModelTunerOptions.ExecutionsPerTrial"/> copies epoch by
/// epoch, reports the mean validation metric after each epoch (so the study's pruner can stop bad trials early) and
/// returns the last epoch's mean as the trial's value. The best trial's first model is kept as <see cref="BestModel"/>.
/// </summary>
public sealed class ModelTuner
{
    private readonly Func<Trial, TunedModel> _build;
    private readonly Dataset _train, _validation;
    private readonly Lock _lock = new();
    private double? _bestValue;
    private int _bestNumber;

    /// <summary>A tuner over <paramref name="build"/>, training on <paramref name="train"/> and scoring on <paramref name="validation"/>.</summary>
    /// <param name="build">Makes a model and optimizer from hyperparameters.</param>
    /// <param name="train">Training data.</param>
    /// <param name="validation">The dev set the objective is measured on.</param>
    /// <param name="options">Epochs, batch size, executions, objective.</param>
    /// <param name="study">The study to record into; a new in-memory TPE study with a median pruner when null.</param>
    public ModelTuner(Func<Trial, TunedModel> build, Dataset train, Dataset validation, ModelTunerOptions? options = null, Study? study = null)
    {
        _build = build ?? throw new ArgumentNullException(nameof(build));
        _train = train ?? throw new ArgumentNullException(nameof(train));
        _validation = validation ?? throw new ArgumentNullException(nameof(validation));
        Options = options ?? new ModelTunerOptions();
        if (Options.Epochs < 1) throw new ArgumentOutOfRangeException(nameof(options), Options.Epochs, "options.Epochs: expected ≥ 1.");
        if (Options.ExecutionsPerTrial < 1) throw new ArgumentOutOfRangeException(nameof(options), Options.ExecutionsPerTrial, "options.ExecutionsPerTrial: expected ≥ 1.");
        var direction = Options.Objective == TunerObjective.ValidationAccuracy ? Direction.Maximize : Direction.Minimize;
        Study = study ?? Study.Create("model-tuner", direction, new TpeSampler(), new MedianPruner(startupTrials: 5, warmupSteps: 1));
        if (Study.Direction != direction)
            throw new ArgumentException($"study: expected direction {direction} for {Options.Objective}, actual {Study.Direction}.", nameof(study));
    }

    /// <summary>The settings.</summary>
    public ModelTunerOptions Options { get; }

    /// <summary>Where trials are recorded.</summary>
    public Study Study { get; }

    /// <summary>The trained model (first execution) of the best trial so far, or null.</summary>
    public TunedModel? BestModel { get; private set; }

    /// <summary>The best trial's hyperparameters.</summary>
    public ParameterValues BestHyperparameters => Study.BestParams;

    /// <summary>Runs <paramref name="trials"/> trials (in parallel with <see cref="OptimizeOptions.Concurrency"/>).</summary>
    public IReadOnlyList<TrialRecord> Search(int trials, OptimizeOptions? options = null) => Study.Optimize(Objective, trials, options);

    /// <summary>Trains one trial's executions and returns the mean validation metric after the last epoch.</summary>
    public double Objective(Trial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var runs = Enumerable.Range(0, Options.ExecutionsPerTrial).Select(k =>
        {
            var built = _build(trial) ?? throw new InvalidOperationException("build: returned null; expected a TunedModel.");
            int seed = Seeds.Derive(trial.Seed, k);
            if (built.Model.InputFeatures < 0) built.Model.Build(_train.FeatureCount, seed);
            return (built, trainer: new Trainer(built.Model, Options.Loss ?? new SoftmaxCrossEntropyLoss(), built.Optimizer), seed);
        }).ToList();
        double mean = double.NaN;
        for (int epoch = 1; epoch <= Options.Epochs; epoch++)
        {
            double sum = 0;
            foreach (var (_, trainer, seed) in runs)
            {
                var history = trainer.Fit(_train, _validation, new FitOptions
                {
                    Epochs = epoch, InitialEpoch = epoch - 1, BatchSize = Options.BatchSize, Seed = seed, RecordSteps = false,
                });
                var record = history.Epochs[^1];
                sum += Options.Objective == TunerObjective.ValidationAccuracy ? record.ValidationAccuracy!.Value : record.ValidationCost!.Value;
            }
            mean = sum / runs.Count;
            trial.Report(epoch, mean);
            if (trial.ShouldPrune()) throw new TrialPrunedException($"Trial {trial.Number} pruned after epoch {epoch}.");
        }
        lock (_lock)
        {
            // Ties go to the lower trial number, as Study.BestTrial breaks them: trials finish in any order when they run concurrently.
            bool better = _bestValue is not { } b || (Study.Direction == Direction.Maximize ? mean > b : mean < b)
                || (mean == b && trial.Number < _bestNumber);
            if (better) (_bestValue, _bestNumber, BestModel) = (mean, trial.Number, runs[0].built);
        }
        return mean;
    }
}
