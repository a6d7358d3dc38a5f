using CourseKit.Data;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Tensors;
using CourseKit.Training;

namespace CourseKit.Tests.Nn;

/// <summary>A model is a layer: models nest, and everything that walks a model walks into the nested ones.</summary>
public sealed class NestingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ck-nest-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Sequential Block() => new(new Dense(8, useBias: false), new BatchNorm(), new Relu());

    private static Sequential Nested(int seed = 0) =>
        new Sequential(Block(), Block(), new Dropout(0.8f, seed: 1), new Dense(3, name: "out")).Build(2, seed);

    private static Sequential Flat(int seed = 0) => new Sequential(
        new Dense(8, useBias: false), new BatchNorm(), new Relu(), new Dense(8, useBias: false), new BatchNorm(), new Relu(),
        new Dropout(0.8f, seed: 1), new Dense(3, name: "out")).Build(2, seed);

    [Fact]
    public void Nested_models_are_named_like_any_layer_and_qualify_their_parameters()
    {
        var model = Nested();
        Assert.Equal(["sequential1", "sequential2", "dropout1", "out"], model.Layers.Select(l => l.Name));
        Assert.Equal(["sequential1.dense1.W", "sequential1.bn1.gamma", "sequential1.bn1.beta", "sequential1.bn1.running_mean",
            "sequential1.bn1.running_var", "sequential2.dense1.W", "sequential2.bn1.gamma", "sequential2.bn1.beta",
            "sequential2.bn1.running_mean", "sequential2.bn1.running_var", "out.W", "out.b"], model.Parameters.Select(p => p.Name));
        var summary = model.Summary();
        Assert.Equal(["sequential1.dense1", "sequential1.bn1", "sequential1.relu1", "sequential2.dense1", "sequential2.bn1",
            "sequential2.relu1", "dropout1", "out"], summary.Layers.Select(l => l.Name));
        Assert.Equal(Flat().Summary().Trainable, summary.Trainable);
        Assert.Equal(2 * 2 * 8, summary.NonTrainable);
    }

    [Fact]
    public void A_nested_model_computes_what_the_flat_one_computes_and_trains_bit_for_bit_the_same()
    {
        // Initial values derive from positions, which differ: copy the flat model's values in (no dropout, whose masks do too).
        var nested = new Sequential(Block(), Block(), new Dense(3)).Build(2, seed: 0);
        var flat = new Sequential(new Dense(8, useBias: false), new BatchNorm(), new Relu(), new Dense(8, useBias: false), new BatchNorm(),
            new Relu(), new Dense(3)).Build(2, seed: 0);
        for (int i = 0; i < flat.Parameters.Count; i++) flat.Parameters[i].Value.CopyTo(nested.Parameters[i].Value);
        var data = Synthetic.Blobs(200, centers: 3, noise: 0.5, seed: 2);
        var options = new FitOptions { Epochs = 3, BatchSize = 32, Seed = 4, L2 = 0.01f };
        var a = new Trainer(nested, new SoftmaxCrossEntropyLoss(), new Adam(0.01f)).Fit(data, options: options);
        var b = new Trainer(flat, new SoftmaxCrossEntropyLoss(), new Adam(0.01f)).Fit(data, options: options);
        Assert.Equal(b.Epochs.Select(e => e.Cost), a.Epochs.Select(e => e.Cost));
        for (int i = 0; i < flat.Parameters.Count; i++) Assert.Equal(flat.Parameters[i].Value.Data, nested.Parameters[i].Value.Data);
        Assert.Equal(flat.Predict(data.Features).Data, nested.Predict(data.Features).Data);
    }

    [Fact]
    public void Modes_BatchNorm_detection_and_gradient_checking_reach_inside_nested_models()
    {
        var model = Nested();
        model.Eval();
        Assert.All(model.AllLayers, l => Assert.False(l.Training));
        model.Train();
        Assert.All(model.AllLayers, l => Assert.True(l.Training));
        var data = Synthetic.Blobs(33, centers: 3, noise: 0.5, seed: 2);
        var ex = Assert.Throws<ArgumentException>(() => new Trainer(model, new SoftmaxCrossEntropyLoss(), new Sgd(0.1f))
            .Fit(data, options: new FitOptions { BatchSize = 32 }));
        Assert.Contains("BatchNorm cannot train on one example", ex.Message);
        var checkable = new Sequential(Block(), new Sequential(new Dense(4), new Tanh()), new Dense(3)).Build(2, seed: 1);
        var report = GradientCheck.Run(checkable, new SoftmaxCrossEntropyLoss(), Matrix.RandomNormal(10, 2, seed: 3), [0, 1, 2, 0, 1, 2, 0, 1, 2, 0]);
        Assert.True(report.Worst < 1e-7, report.ToString());
        Assert.Contains(report.Parameters, p => p.Name == "sequential2.dense1.b");
    }

    [Fact]
    public void Checkpoints_round_trip_through_nested_models_and_refuse_another_nesting()
    {
        var model = Nested(seed: 1);
        var trainer = new Trainer(model, new SoftmaxCrossEntropyLoss(), new Adam(0.01f));
        trainer.Fit(Synthetic.Blobs(96, centers: 3, noise: 0.5, seed: 2), options: new FitOptions { Epochs = 2, BatchSize = 32 });
        string path = Path.Combine(_dir, "nested.ckpt");
        Checkpoint.Save(path, model, trainer.Optimizer);
        var restored = Nested(seed: 9);
        var optimizer = new Adam(0.01f);
        Checkpoint.Load(path, restored, optimizer);
        for (int i = 0; i < model.Parameters.Count; i++) Assert.Equal(model.Parameters[i].Value.Data, restored.Parameters[i].Value.Data);
        Assert.Equal(model.Get<Dropout>().Passes, restored.Get<Dropout>().Passes);
        Assert.Equal(trainer.Optimizer.Steps, optimizer.Steps);
        var ex = Assert.Throws<ArgumentException>(() => Checkpoint.Load(path, Flat()));
        Assert.Contains("different architecture", ex.Message);
        Assert.Contains("sequential1.dense1:Dense:2->8", ex.Message);
    }

    [Fact]
    public void Layers_are_found_by_name_path_and_type_with_errors_that_list_the_candidates()
    {
        var model = Nested();
        Assert.Same(model.Layers[3], model.Get<Dense>("out"));
        Assert.Same(((Sequential)model.Layers[1]).Layers[1], model.Get<BatchNorm>("sequential2.bn1"));
        Assert.Same(model.Layers[2], model.Get<Dropout>());
        Assert.Equal(2, model.GetAll<BatchNorm>().Count);
        var several = Assert.Throws<ArgumentException>(() => model.Get<BatchNorm>("bn1"));
        Assert.Contains("2 layers are named 'bn1' (sequential1.bn1 (BatchNorm), sequential2.bn1 (BatchNorm)); give the path", several.Message);
        var byType = Assert.Throws<InvalidOperationException>(() => model.Get<BatchNorm>());
        Assert.Contains("has 2 layers of that type (sequential1.bn1 (BatchNorm), sequential2.bn1 (BatchNorm))", byType.Message);
        var none = Assert.Throws<InvalidOperationException>(() => model.Get<Tanh>());
        Assert.Contains("no Tanh; its layers: sequential1 (Sequential), sequential1.dense1 (Dense)", none.Message);
        var missing = Assert.Throws<ArgumentException>(() => model.Get("bn3"));
        Assert.Contains("no layer named 'bn3'", missing.Message);
        var wrongType = Assert.Throws<ArgumentException>(() => model.Get<BatchNorm>("out"));
        Assert.Contains("'out' is out (Dense) 8 → 3, expected a BatchNorm", wrongType.Message);
    }

    [Fact]
    public void Names_given_at_construction_are_kept_and_automatic_names_skip_them()
    {
        var model = new Sequential(new Dense(4, name: "dense2"), new Dense(4), new Dense(4), new Relu(name: "act"));
        Assert.Equal(["dense2", "dense1", "dense3", "act"], model.Layers.Select(l => l.Name));
        Assert.Contains("a layer named 'x' already exists", Assert.Throws<ArgumentException>(() =>
            new Sequential(new Dense(2, name: "x"), new Relu(name: "x"))).Message);
        Assert.Contains("expected a layer name without spaces or '.', actual 'a.b'",
            Assert.Throws<ArgumentException>(() => new Dense(2, name: "a.b")).Message);
        var shared = new Dense(2);
        _ = new Sequential(shared);
        Assert.Contains("already in a model", Assert.Throws<ArgumentException>(() => new Sequential(shared)).Message);
        var outer = new Sequential(new Dense(2));
        Assert.Contains("cannot contain itself", Assert.Throws<ArgumentException>(() => outer.Add(outer)).Message);
    }
}
