using CourseKit.Charts;
using CourseKit.Data;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Training;
using static CourseKit.Tests.Charts.FigureJson;

namespace CourseKit.Tests.Training;

public sealed class ParameterDistributionsTests
{
    private static readonly Dataset Circles = Synthetic.Circles(200, noise: 0.1, seed: 3);

    private static Sequential Net() => new Sequential(new Dense(8, useBias: false), new BatchNorm(), new Relu(), new Dense(2)).Build(2, seed: 4);

    private static History Fit(Trainer trainer, int epochs, int batchSize, params ITrainingCallback[] callbacks) =>
        trainer.Fit(Circles.Features, Circles.Labels, new FitOptions { Epochs = epochs, BatchSize = batchSize, Seed = 1, Callbacks = callbacks });

    [Fact]
    public void Recording_leaves_the_run_bit_for_bit_unchanged()
    {
        var (plain, recorded) = (new Trainer(Net(), new SoftmaxCrossEntropyLoss(), new Adam(0.01)), new Trainer(Net(), new SoftmaxCrossEntropyLoss(), new Adam(0.01)));
        var recorder = new ParameterDistributions(recorded.Model);
        Fit(plain, 3, 32);
        Fit(recorded, 3, 32, recorder);
        foreach (var (a, b) in plain.Model.Parameters.Zip(recorded.Model.Parameters))
            Assert.True(a.Value.AsSpan().SequenceEqual(b.Value.AsSpan()), a.Name);
        Assert.Equal(["dense1.W", "dense2.W"], recorder.Names);
        Assert.Equal([0, 1, 2, 3], recorder.Epochs);
        Assert.Equal(plain.Model.Get<Dense>("dense2").W.Value.AsSpan().ToArray(), recorder.Values("dense2.W", 3));
    }

    [Fact]
    public void The_gradient_recorded_is_the_one_the_step_used_and_epochs_pool_every_step()
    {
        // One full batch per epoch and plain gradient descent: W after = W before − α·dW, so dW = (before − after)/α.
        var trainer = new Trainer(Net(), new SoftmaxCrossEntropyLoss(), new Sgd(0.5));
        var recorder = new ParameterDistributions(trainer.Model);
        Fit(trainer, 2, Circles.Count, recorder);
        float[] before = recorder.Values("dense1.W", 1), after = recorder.Values("dense1.W", 2), gradient = recorder.Gradients("dense1.W", 2);
        Assert.Equal(16, gradient.Length);
        for (int i = 0; i < gradient.Length; i++) Assert.Equal((before[i] - after[i]) / 0.5, gradient[i], 1e-5);

        var batches = new ParameterDistributions(new Trainer(Net(), new SoftmaxCrossEntropyLoss(), new Sgd(0.5)).Model);
        var second = new Trainer(Net(), new SoftmaxCrossEntropyLoss(), new Sgd(0.5));
        var pooled = new ParameterDistributions(second.Model);
        Fit(second, 1, 50, pooled);
        Assert.Equal(4 * 16, pooled.Gradients("dense1.W", 1).Length);   // 200 examples in batches of 50: four steps
        Assert.Throws<InvalidOperationException>(() => batches.Histograms("dense1.W", gradients: true));
    }

    [Fact]
    public void Bad_names_epochs_selections_and_models_are_named()
    {
        var trainer = new Trainer(Net(), new SoftmaxCrossEntropyLoss(), new Adam(0.01));
        var recorder = new ParameterDistributions(trainer.Model, p => p.LocalName is "W" or "gamma");
        Assert.Equal(["dense1.W", "bn1.gamma", "dense2.W"], recorder.Names);
        Assert.Contains("recorded: dense1.W, bn1.gamma, dense2.W", Assert.Throws<KeyNotFoundException>(() => recorder.Values("dense3.W", 0)).Message);
        Assert.Contains("(0–0), actual 4", Assert.Throws<ArgumentOutOfRangeException>(() => recorder.Values("dense1.W", 4)).Message);
        Assert.Contains("actual none among", Assert.Throws<ArgumentException>(() => new ParameterDistributions(Net(), p => p.LocalName == "running_mean")).Message);
        var other = new ParameterDistributions(Net());
        Assert.Contains("another model", Assert.Throws<InvalidOperationException>(() => Fit(trainer, 1, 32, other)).Message);
    }

    [Fact]
    public void Histograms_share_their_bins_over_epochs_and_each_sums_to_one()
    {
        var h = DistributionHistograms.Of("w", false, [0, 1], [[0f, 1f, 2f, 3f], [3f, 3f, float.NaN, 1.5f]], bins: 3);
        Assert.Equal([0, 1, 2, 3], h.Edges);
        Assert.Equal([0.5, 1.5, 2.5], h.Centers);
        Assert.Equal([0.25, 0.25, 0.5], h.Fractions[0]);                // 3 falls in the last bin, closed on the right
        Assert.Equal([0, 1 / 3.0, 2 / 3.0], h.Fractions[1], new ToleranceComparer(1e-12));
        Assert.Equal(Math.Sqrt(1.25), h.Stds[0], 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => DistributionHistograms.Of("w", false, [0], [[1f]], bins: 0));
        Assert.Contains("at least one finite", Assert.Throws<ArgumentException>(() => DistributionHistograms.Of("w", false, [0], [[float.NaN]], 3)).Message);
    }

    [Fact]
    public void The_chart_is_a_heatmap_with_one_column_per_epoch_and_one_row_per_bin()
    {
        var trainer = new Trainer(Net(), new SoftmaxCrossEntropyLoss(), new Adam(0.01));
        var recorder = new ParameterDistributions(trainer.Model);
        Fit(trainer, 2, 32, recorder);
        var chart = recorder.Histograms("dense1.W", gradients: true, bins: 5).PlotOverEpochs();
        var trace = Trace(chart);
        Assert.Equal("heatmap", Text(trace, "type"));
        Assert.Equal([1, 2], Numbers(trace.GetProperty("x")));
        Assert.Equal(5, trace.GetProperty("z").GetArrayLength());
        Assert.Equal(2, trace.GetProperty("z")[0].GetArrayLength());
        Assert.Equal("dense1.W — gradients", Text(Layout(chart), "title", "text"));
        Assert.Equal(2, Traces(recorder.PlotOverEpochs()).Length);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
