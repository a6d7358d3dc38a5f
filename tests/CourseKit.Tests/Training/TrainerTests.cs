using CourseKit.Data;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Tensors;
using CourseKit.Training;

namespace CourseKit.Tests.Training;

public sealed class TrainerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ck-train-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly Dataset Blobs = Synthetic.Blobs(300, centers: 3, noise: 0.8, seed: 4);

    private static Sequential Net() => new Sequential(new Dense(16, useBias: false), new BatchNorm(), new Relu(),
        new Dropout(0.9f, seed: 2), new Dense(3)).Build(2, seed: 5);

    private static FitOptions Options(int epochs, IReadOnlyList<ITrainingCallback>? callbacks = null, int initialEpoch = 0) => new()
    {
        Epochs = epochs, BatchSize = 32, Seed = 9, L2 = 0.01f, InitialEpoch = initialEpoch,
        Schedule = new InverseTimeDecay(0.05f, 0.5f), Callbacks = callbacks ?? [],
    };

    [Fact]
    public void Training_resumed_from_a_checkpoint_continues_bit_identically()
    {
        var straight = new Trainer(Net(), new SoftmaxCrossEntropyLoss(), new Adam(0.05f));
        straight.Fit(Blobs.Features, Blobs.Labels, Options(6));

        var first = new Trainer(Net(), new SoftmaxCrossEntropyLoss(), new Adam(0.05f));
        var saver = new CheckpointEachEpoch(Path.Combine(_dir, "run.ckpt"), keepEvery: true);
        first.Fit(Blobs.Features, Blobs.Labels, Options(3, [saver]));

        // A fresh process would build the same architecture, then load: parameters, running statistics,
        // dropout counters and Adam's moments and t all come from the file.
        var resumed = new Trainer(Net(), new SoftmaxCrossEntropyLoss(), new Adam(0.05f));
        var progress = Checkpoint.Load(saver.PathFor(3), resumed.Model, resumed.Optimizer);
        resumed.Fit(Blobs.Features, Blobs.Labels, Options(6, initialEpoch: (int)progress["epoch"]));

        for (int i = 0; i < straight.Model.Parameters.Count; i++)
            Assert.Equal(straight.Model.Parameters[i].Value.Data, resumed.Model.Parameters[i].Value.Data);
        Assert.Equal(straight.Optimizer.Steps, resumed.Optimizer.Steps);
    }

    [Fact]
    public void Fit_records_learning_curves_per_epoch_and_per_step_and_learns()
    {
        var (train, dev) = (Splits.Stratified(Blobs, [0.8, 0.2], seed: 1)[0], Splits.Stratified(Blobs, [0.8, 0.2], seed: 1)[1]);
        var trainer = new Trainer(Net(), new SoftmaxCrossEntropyLoss(), new Adam(0.01f));
        var history = trainer.Fit(train.Features, train.Labels, new FitOptions
        {
            Epochs = 15, BatchSize = 50, Seed = 1, ValidationFeatures = dev.Features, ValidationLabels = dev.Labels,
        });
        Assert.Equal(15, history.Epochs.Count);
        Assert.Equal(15 * 5, history.Steps.Count); // 240 examples in batches of 50: 4 full and one of 40
        Assert.True(history.Epochs[^1].Cost < history.Epochs[0].Cost);
        Assert.True(history.Epochs[^1].ValidationAccuracy > 0.9f, $"dev accuracy {history.Epochs[^1].ValidationAccuracy}");
        Assert.Equal(history.Steps[^1].Step, history.Epochs[^1].Steps);
    }

    [Fact]
    public void The_schedule_sets_the_learning_rate_of_every_step()
    {
        var trainer = new Trainer(Net(), new SoftmaxCrossEntropyLoss(), new Sgd(0.1f));
        var history = trainer.Fit(Blobs.Features, Blobs.Labels, Options(3));
        // α = α₀/(1 + decay·epoch) with α₀ = 0.05, decay = 0.5: epochs 1, 2, 3 use 0.0333, 0.025, 0.02.
        Assert.Equal([0.05f / 1.5f, 0.05f / 2f, 0.05f / 2.5f], history.Epochs.Select(e => e.LearningRate));
        Assert.All(history.Steps.Where(s => s.Epoch == 2), s => Assert.Equal(0.025f, s.LearningRate));
    }

    [Fact]
    public void Early_stopping_stops_after_patience_epochs_and_restores_the_best_weights()
    {
        var stopper = new EarlyStopping(Metric.ValidationCost, patience: 2);
        var trainer = new Trainer(Net(), new SoftmaxCrossEntropyLoss(), new Sgd(3f)); // a far too large α: the cost soon rises
        float[]? bestWeights = null;
        var recorder = new EpochHook((context, epoch) =>
        {
            if (stopper.Best?.Epoch == epoch.Epoch) bestWeights = context.Trainer.Model.Parameters[0].Value.Data.ToArray();
        });
        var history = trainer.Fit(Blobs.Features, Blobs.Labels, new FitOptions
        {
            Epochs = 200, BatchSize = 32, ValidationFeatures = Blobs.Features, ValidationLabels = Blobs.Labels,
            Callbacks = [stopper, recorder],
        });
        Assert.True(history.Epochs.Count < 200);
        Assert.Contains("early stopping", history.StopReason);
        Assert.Equal(stopper.Best!.Value.Epoch + 2, history.Epochs[^1].Epoch);
        Assert.Equal(bestWeights, trainer.Model.Parameters[0].Value.Data);
    }

    [Fact]
    public void A_callback_can_stop_training_mid_epoch()
    {
        var trainer = new Trainer(Net(), new SoftmaxCrossEntropyLoss(), new Adam(0.01f));
        var history = trainer.Fit(Blobs.Features, Blobs.Labels, Options(5, [new BatchHook((c, s) => { if (s.Step == 7) c.RequestStop("enough"); })]));
        Assert.Equal(7, trainer.Optimizer.Steps);
        Assert.Equal("enough", history.StopReason);
    }

    [Fact]
    public void Bad_options_are_named()
    {
        var trainer = new Trainer(Net(), new SoftmaxCrossEntropyLoss(), new Adam());
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Fit(Blobs.Features, Blobs.Labels, new FitOptions { BatchSize = 0 }));
        Assert.Contains("BatchSize: expected ≥ 1, actual 0", ex.Message);
        var ex2 = Assert.Throws<ArgumentException>(() => trainer.Fit(Blobs.Features, Blobs.Labels,
            new FitOptions { ValidationFeatures = new Matrix(3, 2), ValidationLabels = [0, 1] }));
        Assert.Contains("ValidationLabels", ex2.Message);
        Assert.Throws<ArgumentException>(() => trainer.Fit(Blobs.Features, Blobs.Labels[..10], new FitOptions()));
    }

    [Fact]
    public void A_last_batch_of_one_example_with_BatchNorm_is_refused_before_training_starts()
    {
        var trainer = new Trainer(Net(), new SoftmaxCrossEntropyLoss(), new Adam());
        float[] before = trainer.Model.Parameters[0].Value.Data.ToArray();
        var ex = Assert.Throws<ArgumentException>(() => trainer.Fit(Blobs.Features, Blobs.Labels, new FitOptions { BatchSize = 299 }));
        Assert.Contains("last batch of 1 example", ex.Message);
        Assert.Equal(before, trainer.Model.Parameters[0].Value.Data);
        var history = trainer.Fit(Blobs.Features, Blobs.Labels, new FitOptions { BatchSize = 299, Epochs = 1, DropLastBatch = true });
        Assert.Single(history.Steps);
    }

    private sealed class EpochHook(Action<TrainingContext, EpochRecord> action) : ITrainingCallback
    {
        public void OnEpochEnd(TrainingContext context, EpochRecord epoch) => action(context, epoch);
    }

    private sealed class BatchHook(Action<TrainingContext, StepRecord> action) : ITrainingCallback
    {
        public void OnBatchEnd(TrainingContext context, StepRecord step) => action(context, step);
    }
}
