using CourseKit.Data;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Tensors;
using CourseKit.Training;

namespace CourseKit.Tests.Nn;

/// <summary>Forward hooks, captures and probes see inside a model during training and evaluation without changing the run.</summary>
public class HookTests
{
    private static readonly Dataset Data = Synthetic.Blobs(300, centers: 3, noise: 0.8, seed: 4);

    private static Sequential Net() => new Sequential(new Dense(16, useBias: false), new BatchNorm(), new Relu(),
        new Dropout(0.9f, seed: 2), new Dense(3)).Build(2, seed: 5);

    private static FitOptions Options(params ITrainingCallback[] callbacks) => new()
    {
        Epochs = 4, BatchSize = 32, Seed = 9, L2 = 0.01f, Callbacks = callbacks,
    };

    private static (float[][] Parameters, History History) Train(Sequential model, params ITrainingCallback[] callbacks)
    {
        var history = new Trainer(model, new SoftmaxCrossEntropyLoss(), new Adam(0.05f)).Fit(Data, Data, Options(callbacks));
        return (model.Parameters.Select(p => p.Value.Data.ToArray()).ToArray(), history);
    }

    [Fact]
    public void Hooks_captures_and_probes_leave_the_run_bit_for_bit_unchanged()
    {
        var (plain, plainHistory) = Train(Net());

        var model = Net();
        int calls = 0;
        using var hook = model.Get<BatchNorm>().RegisterForwardHook((_, x, y) => { calls++; x.Fill(1e6f); y.Fill(-1e6f); }); // writes to copies
        using var capture = model.Capture("relu1");
        var probe = new ProbeEachEpoch(model, "bn1", Data.Features);
        var (observed, observedHistory) = Train(model, probe);

        Assert.Equal(plain, observed);                         // every parameter, running statistics included
        Assert.Equal(plainHistory.Epochs.Select(e => (e.Cost, e.ValidationCost)), observedHistory.Epochs.Select(e => (e.Cost, e.ValidationCost)));
        Assert.Equal(model.Get<Dropout>().Passes, ((Dropout)Net().Layers[3]).Passes + 4 * 10); // only the training steps drew masks
        // 10 steps per epoch in training mode, one validation pass per epoch, 5 probes (before training, after each epoch).
        Assert.Equal(4 * 10 + 4 + 5, calls);
        Assert.Equal(4 * 10 + 4 + 5, capture.Calls.Count);
        Assert.Equal(4 * 10 + 5, capture.Calls.Count(c => c.Training));
        Assert.Equal([0, 1, 2, 3, 4], probe.Epochs);
    }

    [Fact]
    public void A_capture_records_copies_of_each_calls_input_and_output_until_disposed()
    {
        var model = Net();
        var x = Matrix.RandomNormal(6, 2, seed: 1);
        var capture = model.Capture("bn1");
        var trainingOutput = model.Forward(x);
        var evalOutput = model.Predict(x);
        capture.Dispose();
        model.Forward(x);
        Assert.Equal(2, capture.Calls.Count);
        Assert.True(capture.Calls[0].Training);
        Assert.False(capture.Calls[1].Training);
        // bn1 receives dense1's output and normalizes it: in training mode every column has mean 0 and variance ≈ 1.
        var dense = model.Get<Dense>("dense1");
        Assert.Equal(Matrix.Multiply(x, dense.W.Value).Data, capture.Calls[0].Input!.Data);
        for (int j = 0; j < 16; j++)
        {
            var column = Enumerable.Range(0, 6).Select(i => (double)capture.Calls[0].Output![i, j]).ToArray();
            Assert.Equal(0, column.Average(), 5);
            Assert.Equal(1, column.Average(v => v * v), 3);   // σ²/(σ² + ε) with ε = 1e-5
        }
        Assert.NotSame(capture.LastOutput, capture.Calls[0].Output);
        Assert.NotEqual(capture.Calls[0].Output!.Data, capture.LastOutput.Data); // inference uses the running averages
        _ = trainingOutput; _ = evalOutput;
    }

    [Fact]
    public void A_removed_hook_is_no_longer_called_and_a_capture_can_record_only_outputs()
    {
        var model = Net();
        int calls = 0;
        var handle = model.Get<Relu>().RegisterForwardHook((layer, _, _) => { calls++; Assert.Equal("relu1", layer.Name); });
        model.Predict(Matrix.RandomNormal(3, 2, seed: 1));
        handle.Remove();
        handle.Dispose();                                      // removing twice does nothing
        model.Predict(Matrix.RandomNormal(3, 2, seed: 1));
        Assert.Equal(1, calls);
        using var outputs = model.Capture("dense2", inputs: false);
        model.Predict(Matrix.RandomNormal(3, 2, seed: 1));
        Assert.Equal(new Shape(3, 3), outputs.LastOutput.Shape);
        Assert.Contains("does not record inputs", Assert.Throws<InvalidOperationException>(() => outputs.LastInput).Message);
        Assert.Contains("no forward call recorded yet", Assert.Throws<InvalidOperationException>(() => model.Capture("bn1").LastOutput).Message);
    }

    [Fact]
    public void A_probe_in_training_mode_uses_the_batch_statistics_and_restores_the_running_ones()
    {
        var model = Net();
        var bn = model.Get<BatchNorm>();
        float[] runningMean = bn.RunningMean.Value.Data.ToArray();
        var x = Matrix.RandomNormal(50, 2, seed: 1, mean: 3f);
        using var capture = model.Capture("bn1");
        model.Eval();
        model.Probe(x, training: true);
        Assert.False(model.IsTraining);                        // the mode is put back
        Assert.True(capture.LastInput.Rows == 50 && capture.Calls[^1].Training);
        Assert.Equal(runningMean, bn.RunningMean.Value.Data);
        Assert.Equal(0, model.Get<Dropout>().Passes);
    }
}
