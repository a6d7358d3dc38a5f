using CourseKit.Charts;
using CourseKit.Data;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Tests.Charts;
using CourseKit.Tensors;
using CourseKit.Tests.Support;
using CourseKit.Training;
using CourseKit.Tuning;

namespace CourseKit.Tests.Tuning;

public class TrainingIntegrationTests
{
    private static (Dataset Train, Dataset Dev) Blobs()
    {
        var data = Synthetic.Blobs(300, centers: 3, noise: 1.0, seed: 0);
        var parts = Splits.Stratified(data, [0.7, 0.3], seed: 0);
        return (parts[0], parts[1]);
    }

    [Fact]
    public void Model_tuner_trains_each_trial_and_keeps_the_best_model()
    {
        var (train, dev) = Blobs();
        var tuner = new ModelTuner(hp =>
        {
            var model = new Sequential(new Dense(hp.Int("units", 4, 32, Scale.Log)), new Relu(), new Dense(3));
            return new TunedModel(model, new Adam(hp.Float("lr", 1e-4, 1e-1, Scale.Log), hp.Float("beta1", 0.8, 0.99, Scale.ReverseLog)));
        }, train, dev, new ModelTunerOptions { Epochs = 4, BatchSize = 32, ExecutionsPerTrial = 2 },
            Study.Create("mt", Direction.Maximize, new TpeSampler(new TpeOptions { StartupTrials = 3 }), new MedianPruner(3, warmupSteps: 1), seed: 0));
        var trials = tuner.Search(8, new OptimizeOptions { Concurrency = 2 });
        Assert.Equal(8, trials.Count);
        Assert.All(trials.Where(t => t.State == TrialState.Complete), t => Assert.Equal(4, t.Intermediate.Count));
        Assert.True(tuner.Study.BestValue > 0.8, $"best dev accuracy {tuner.Study.BestValue}");
        var bestPredictions = tuner.BestModel!.Model.Predict(dev.Features).ArgMax();   // the kept model classifies dev as its trial did
        Assert.True(bestPredictions.Zip(dev.Labels).Count(p => p.First == p.Second) > 0.8 * dev.Count, "the best model's dev accuracy");
        Assert.Equal(["units", "lr", "beta1"], tuner.BestHyperparameters.Keys);
        Assert.InRange(tuner.BestHyperparameters.Get<int>("units"), 4, 32);
        Assert.Equal(tuner.Study.BestTrial.InternalParams["lr"], tuner.BestHyperparameters.Get<double>("lr"));
        Assert.Equal((float)tuner.BestHyperparameters.Get<double>("lr"), ((Adam)tuner.BestModel!.Optimizer).LearningRate);
    }

    [Fact]
    public void Babysitting_records_every_branch_and_reverting_restores_the_checkpoint()
    {
        var (train, dev) = Blobs();
        using var temp = new TempFolder();
        var study = Study.Create("panda", Direction.Maximize);
        var model = new Sequential(new Dense(16), new Relu(), new Dense(3)).Build(2, seed: 0);
        var panda = new Babysitter(study, model, new Adam(0.01f), train, dev, temp.Path, new FitOptions { BatchSize = 32, Seed = 1 });
        var first = panda.Train(3);
        panda.SetLearningRate(0.001);
        panda.Train(2);
        panda.RevertTo(2, branch: 0);
        Assert.Equal(2, panda.Epoch);
        var again = panda.Train(1);
        // Epoch 3 after reverting to epoch 2 of branch 0 (α = 0.01 restored) repeats branch 0's epoch 3 exactly.
        Assert.Equal(first[2].ValidationAccuracy, again[0].ValidationAccuracy);
        Assert.Equal(first[2].Cost, again[0].Cost);
        panda.Finish();

        var branches = Babysitter.Replay(study);
        Assert.Equal(new[] { "start", "learning_rate", "revert" }, branches.Select(b => b.Action));
        Assert.Equal(new int?[] { null, 0, 0 }, branches.Select(b => b.Parent));
        Assert.Equal(new[] { 0, 3, 2 }, branches.Select(b => b.FromEpoch));
        Assert.Equal(0.001, branches[1].LearningRate, 6);
        Assert.Equal(new[] { 4, 5 }, branches[1].Curve.Keys);
        var lines = FigureJson.Traces(study.PlotBranches());
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("trial 2: revert α=0.01 from epoch 2", lines[2].GetProperty("name").GetString());
        Assert.Equal(branches[1].Curve.Values, FigureJson.Numbers(lines[1].GetProperty("y")));
        Assert.All(study.Trials, t => Assert.Equal(TrialState.Complete, t.State));
    }

    [Fact]
    public void Pruning_callback_stops_fit_for_a_hopeless_trial()
    {
        var (train, dev) = Blobs();
        var study = Study.Create("cb", Direction.Maximize, new RandomSampler(), new MedianPruner(startupTrials: 1), seed: 0);
        study.Optimize(t =>
        {
            var model = new Sequential(new Dense(8), new Relu(), new Dense(3)).Build(2, t.Seed);
            float lr = t.Number == 0 ? 0.05f : 1e-7f;  // trial 1 cannot learn
            var trainer = new Trainer(model, new SoftmaxCrossEntropyLoss(), new Adam(lr));
            var h = trainer.Fit(train.Features, train.Labels, new FitOptions
            {
                Epochs = 5, BatchSize = 32, ValidationFeatures = dev.Features, ValidationLabels = dev.Labels,
                Callbacks = [new PruningCallback(t, e => e.ValidationAccuracy!.Value)],
            });
            return h.Epochs[^1].ValidationAccuracy!.Value;
        }, 2);
        Assert.Equal(TrialState.Complete, study.Trials[0].State);
        Assert.Equal(TrialState.Pruned, study.Trials[1].State);
        Assert.True(study.Trials[1].Intermediate.Count < 5);
    }
}
