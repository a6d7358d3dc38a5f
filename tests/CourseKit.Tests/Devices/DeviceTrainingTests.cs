using CourseKit.Data;
using CourseKit.Devices;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Tensors;
using CourseKit.Tests.Support;
using CourseKit.Training;

namespace CourseKit.Tests.Devices;

/// <summary>
/// A model moved to ILGPU's CPU accelerator trains as it does on the CPU: same parameters, same history, same dropout
/// masks, within the rounding of GEMMs and reductions summed in another order.
/// </summary>
public class DeviceTrainingTests
{
    // Differences come from sums taken in another order (GEMM, batch statistics): float rounding, amplified a little
    // by a few dozen Adam steps. Measured at most 1.1e-6 of the largest |value| here; the bound leaves room without hiding a bug
    // (dropping the bias gradient on the device moves them by 8e-5 to 4e-2).
    private const double ParameterTolerance = 1e-5;

    internal static readonly Dataset Blobs = Synthetic.Blobs(240, centers: 3, noise: 0.8, seed: 4);

    internal static Sequential Net() => new Sequential(new Dense(16, useBias: false), new BatchNorm(), new Relu(),
        new Dropout(0.8, seed: 2), new Dense(3)).Build(2, seed: 5);

    internal static FitOptions Options(int epochs = 3) => new()
    {
        Epochs = epochs, BatchSize = 32, Seed = 9, L2 = 0.01, Schedule = new InverseTimeDecay(0.05f, 0.5f),
    };

    [Fact]
    public void The_same_run_on_cpu_and_on_ilgpu_cpu_gives_the_same_parameters_and_history()
    {
        var cpu = new Trainer(Net(), new SoftmaxCrossEntropyLoss(), new Adam(0.05));
        var device = new Trainer(Net().To(Device.IlgpuCpu), new SoftmaxCrossEntropyLoss(), new Adam(0.05));
        var (train, dev) = (Splits.Stratified(Blobs, [0.8, 0.2], seed: 1)[0], Splits.Stratified(Blobs, [0.8, 0.2], seed: 1)[1]);

        var expected = cpu.Fit(train, dev, Options());
        var actual = device.Fit(train, dev, Options());

        Assert.Equal("ilgpu-cpu", device.Model.Device.Name);
        AssertSameParameters(cpu.Model, device.Model);
        Assert.Equal(expected.Epochs.Count, actual.Epochs.Count);
        for (int e = 0; e < expected.Epochs.Count; e++)
        {
            Assert.Equal(expected.Epochs[e].Cost, actual.Epochs[e].Cost, 1e-4f);
            Assert.Equal(expected.Epochs[e].Accuracy, actual.Epochs[e].Accuracy);
            Assert.Equal(expected.Epochs[e].ValidationCost!.Value, actual.Epochs[e].ValidationCost!.Value, 1e-4f);
            Assert.Equal(expected.Epochs[e].Steps, actual.Epochs[e].Steps);
        }
        Assert.Equal(expected.Steps.Select(s => s.Cost), actual.Steps.Select(s => s.Cost), (a, b) => Math.Abs(a - b) < 1e-4f);
        Assert.Equal(cpu.Model.Get<Dropout>("dropout1").Passes, device.Model.Get<Dropout>("dropout1").Passes);
        Assert.Equal(cpu.Evaluate(dev).Accuracy, device.Evaluate(dev).Accuracy);
        Assert.Equal(cpu.Evaluate(dev).Cost, device.Evaluate(dev).Cost, 1e-4f);
    }

    public static TheoryData<string, string, string> Combinations() => new()
    {
        { "sgd", "tanh", "softmax" },
        { "momentum", "sigmoid", "softmax" },
        { "rmsprop", "leaky_relu", "softmax" },
        { "adamw", "relu", "binary" },
    };

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Every_optimizer_activation_and_loss_trains_on_the_device_as_on_the_cpu(string optimizer, string activation, string loss)
    {
        var data = loss == "binary" ? Binary(Blobs) : Blobs;
        Trainer Make(Device d) => new(Build(activation, loss == "binary" ? 1 : 3).To(d),
            loss == "binary" ? new BinaryCrossEntropyLoss() : new SoftmaxCrossEntropyLoss(), Optimizer(optimizer));
        var cpu = Make(Device.Cpu);
        var device = Make(Device.IlgpuCpu);

        var expected = cpu.Fit(data, options: Options(epochs: 2));
        var actual = device.Fit(data, options: Options(epochs: 2));

        AssertSameParameters(cpu.Model, device.Model);
        Assert.Equal(expected.Epochs[^1].Cost, actual.Epochs[^1].Cost, 1e-4f);
        Assert.Equal(cpu.Model.Predict(data.Features).Data, device.Model.Predict(data.Features).Data, (a, b) => Math.Abs(a - b) <= 1e-4f * (1 + Math.Abs(a)));
    }

    [Fact]
    public void Dropout_draws_the_same_masks_on_every_device_for_the_same_seed()
    {
        var x = Matrix.Full(16, 40, 1f);
        var cpu = new Sequential(new Dropout(0.6, seed: 3)).Build(40, seed: 1);
        var device = new Sequential(new Dropout(0.6, seed: 3)).Build(40, seed: 1).To(Device.IlgpuCpu);

        for (int pass = 0; pass < 3; pass++)
        {
            var expected = cpu.Forward(x);
            var actual = device.Forward(x);
            Assert.Equal(expected.Data, actual.Data);  // 0 or 1/0.6 at the very same places, bit for bit
            Assert.Contains(0f, actual.Data);
        }
        Assert.Equal(3, device.Get<Dropout>("dropout1").Passes);
    }

    [Fact]
    public void Forward_backward_and_gradients_through_the_matrix_api_agree_with_the_cpu()
    {
        var x = new Matrix(8, 2, TestData.Normal(16, seed: 3));
        var dy = new Matrix(8, 3, TestData.Normal(24, seed: 4));
        var cpu = Net();
        var device = Net().To(Device.IlgpuCpu);

        Tolerance.Close(cpu.Forward(x).Data, device.Forward(x).Data, rel: 1e-5, abs: 1e-6, what: "output");
        Tolerance.Close(cpu.Backward(dy).Data, device.Backward(dy).Data, rel: 1e-5, abs: 1e-6, what: "dx");
        for (int i = 0; i < cpu.Parameters.Count; i++)
            Tolerance.Close(cpu.Parameters[i].Grad.Data, device.Parameters[i].Grad.Data, rel: 1e-5, abs: 1e-6, what: cpu.Parameters[i].Name);
    }

    [Fact]
    public void Values_written_on_the_host_reach_the_device_and_the_model_comes_back_to_the_cpu()
    {
        var model = Net().To(Device.IlgpuCpu);
        var dense = model.Get<Dense>("dense2");
        dense.W.Value.Data.AsSpan().Clear();   // as a learner would, between steps
        dense.B!.Value.Data.AsSpan().Fill(0.5f);

        var output = model.Predict(new Matrix(4, 2, TestData.Normal(8)));
        Assert.All(output.Data, v => Assert.Equal(0.5f, v));

        var trainer = new Trainer(model, new SoftmaxCrossEntropyLoss(), new Momentum(0.1));
        trainer.Fit(Blobs, options: Options(epochs: 1));
        float[] trained = dense.W.Value.Data.ToArray();
        Assert.Contains(trained, v => v != 0f);   // the device's updates, read back
        Assert.Contains("dense1.W/v", trainer.Optimizer.SaveState().Slots.Keys);

        model.To(Device.Cpu);
        Assert.Same(Device.Cpu, model.Device);
        Assert.Equal(trained, dense.W.Value.Data);
        trainer.Fit(Blobs, options: Options(epochs: 2) with { InitialEpoch = 1 });   // the momentum comes back with it
        Assert.NotEqual(trained, dense.W.Value.Data);
    }

    [Fact]
    public void A_checkpoint_of_a_model_on_a_device_round_trips()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("ck-device-").FullName, "run.ckpt");
        var trainer = new Trainer(Net().To(Device.IlgpuCpu), new SoftmaxCrossEntropyLoss(), new Adam(0.05));
        trainer.Fit(Blobs, options: Options(epochs: 1));
        Checkpoint.Save(path, trainer.Model, trainer.Optimizer);

        var cpu = new Trainer(Net(), new SoftmaxCrossEntropyLoss(), new Adam(0.05));
        Checkpoint.Load(path, cpu.Model, cpu.Optimizer);
        var again = new Trainer(Net().To(Device.IlgpuCpu), new SoftmaxCrossEntropyLoss(), new Adam(0.05));
        Checkpoint.Load(path, again.Model, again.Optimizer);
        trainer.Fit(Blobs, options: Options(epochs: 2) with { InitialEpoch = 1 });
        again.Fit(Blobs, options: Options(epochs: 2) with { InitialEpoch = 1 });
        cpu.Fit(Blobs, options: Options(epochs: 2) with { InitialEpoch = 1 });

        AssertSameParameters(trainer.Model, again.Model, tolerance: 0);   // same device, same state: bit for bit
        AssertSameParameters(cpu.Model, again.Model);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    internal static void AssertSameParameters(Sequential expected, Sequential actual, double tolerance = ParameterTolerance)
    {
        Assert.Equal(expected.Parameters.Select(p => p.Name), actual.Parameters.Select(p => p.Name));
        for (int i = 0; i < expected.Parameters.Count; i++)
        {
            float[] e = expected.Parameters[i].Value.Data, a = actual.Parameters[i].Value.Data;
            double scale = Math.Max(1e-3, e.Max(Math.Abs));
            double worst = e.Zip(a, (x, y) => Math.Abs(x - y)).Max() / scale;
            Assert.True(worst <= tolerance, $"{expected.Parameters[i].Name}: largest difference {worst:E2} of max |value| {scale:G4}, allowed {tolerance:E1}");
        }
    }

    private static Sequential Build(string activation, int outputs) => new Sequential(new Dense(12), activation switch
    {
        "tanh" => new CourseKit.Nn.Tanh(),
        "sigmoid" => new CourseKit.Nn.Sigmoid(),
        "leaky_relu" => new LeakyRelu(0.1),
        _ => new Relu(),
    }, new Dense(outputs)).Build(2, seed: 7);

    private static Optimizer Optimizer(string name) => name switch
    {
        "sgd" => new Sgd(0.1),
        "momentum" => new Momentum(0.1),
        "rmsprop" => new RmsProp(0.01),
        _ => new AdamW(0.02, weightDecay: 0.01),
    };

    private static Dataset Binary(Dataset data) => new(data.Features, data.Labels.Select(l => l == 0 ? 0 : 1).ToArray(), 2);
}
