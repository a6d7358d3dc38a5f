using CourseKit.Nn;
using CourseKit.Tensors;

namespace CourseKit.Tests.Nn;

public class SequentialTests
{
    private static Sequential DigitsNet(bool batchNorm) => batchNorm
        ? new Sequential(new Dense(256, useBias: false), new BatchNorm(), new Relu(), new Dense(256, useBias: false), new BatchNorm(), new Relu(),
            new Dense(256, useBias: false), new BatchNorm(), new Relu(), new Dense(10))
        : new Sequential(new Dense(256), new Relu(), new Dense(256), new Relu(), new Dense(256), new Relu(), new Dense(10));

    [Fact]
    public void Layers_are_named_by_kind_and_parameters_by_layer()
    {
        var model = DigitsNet(batchNorm: true).Build(64, seed: 0);
        Assert.Equal(["dense1", "bn1", "relu1", "dense2", "bn2", "relu2", "dense3", "bn3", "relu3", "dense4"], model.Layers.Select(l => l.Name));
        Assert.Contains(model.Parameters, p => p.Name == "bn1.gamma" && p.Trainable);
        Assert.Contains(model.Parameters, p => p.Name == "bn1.running_var" && !p.Trainable);
        Assert.DoesNotContain(model.Parameters, p => p.Name == "dense1.b");
    }

    [Fact]
    public void Summary_counts_trainable_and_non_trainable_parameters_like_Keras()
    {
        var summary = DigitsNet(batchNorm: true).Build(64, seed: 0).Summary();
        // W without bias: 64·256 + 256·256 + 256·256; γ, β per BatchNorm: 3·2·256; last Dense: 256·10 + 10.
        long trainable = 64 * 256 + 2 * 256 * 256 + 3 * 2 * 256 + 256 * 10 + 10;
        Assert.Equal(trainable, summary.Trainable);
        Assert.Equal(3 * 2 * 256, summary.NonTrainable); // running mean and variance
        Assert.Equal(10, summary.Layers[^1].OutputFeatures);
        Assert.Contains("bn1 (BatchNorm)", summary.ToString());
    }

    [Fact]
    public void Build_is_reproducible_from_its_seed()
    {
        var a = DigitsNet(false).Build(64, seed: 7);
        var b = DigitsNet(false).Build(64, seed: 7);
        var c = DigitsNet(false).Build(64, seed: 8);
        Assert.Equal(a.Parameters[0].Value.Data, b.Parameters[0].Value.Data);
        Assert.NotEqual(a.Parameters[0].Value.Data, c.Parameters[0].Value.Data);
    }

    [Theory]
    [InlineData(Initializer.He, 2.0 / 400)]
    [InlineData(Initializer.Xavier, 1.0 / 400)]
    [InlineData(Initializer.Glorot, 2.0 / 700)]
    public void Initializers_have_the_lecture_variance(Initializer scheme, double variance)
    {
        var w = Initializers.Create(scheme, 400, 300, seed: 1);
        double mean = w.Data.Average(v => (double)v);
        double actual = w.Data.Average(v => (v - mean) * (v - mean));
        Assert.Equal(variance, actual, variance * 0.02); // 120,000 samples: the sample variance is within ~1 %
    }

    [Fact]
    public void Wrong_input_width_names_the_layer_and_both_sizes()
    {
        var model = DigitsNet(false).Build(64, seed: 0);
        var ex = Assert.Throws<ArgumentException>(() => model.Forward(new Matrix(5, 63)));
        Assert.Contains("dense1", ex.Message);
        Assert.Contains("expects 64 input features, actual 63", ex.Message);
        Assert.Throws<InvalidOperationException>(() => new Sequential(new Dense(3)).Forward(new Matrix(1, 2)));
    }

    [Fact]
    public void Backward_before_forward_is_a_clear_error()
    {
        var model = new Sequential(new Dense(3)).Build(2, seed: 0);
        var ex = Assert.Throws<InvalidOperationException>(() => model.Backward(new Matrix(1, 3)));
        Assert.Contains("Backward needs a Forward in training mode first", ex.Message);
    }

    [Fact]
    public void Eval_uses_running_statistics_and_Predict_restores_the_mode()
    {
        var model = new Sequential(new Dense(4, useBias: false), new BatchNorm(momentum: 0f)).Build(3, seed: 0);
        var x = Matrix.RandomNormal(32, 3, seed: 1, mean: 5f);
        var train = model.Forward(x).Clone();
        // momentum 0: running statistics are exactly this batch's (variance unbiased), so inference ≈ training output.
        var eval = model.Predict(x);
        Assert.True(model.IsTraining);
        for (int i = 0; i < train.Length; i++) Assert.Equal(train.Data[i] * MathF.Sqrt(31f / 32f), eval.Data[i], 1e-3f);
    }

    [Fact]
    public void Dropout_is_the_identity_in_inference_and_reproducible_in_training()
    {
        var x = Matrix.Full(4, 50, 1f);
        Sequential Make() => new Sequential(new Dropout(0.5f, seed: 3)).Build(50, seed: 1);
        var a = Make();
        var b = Make();
        Assert.Equal(a.Forward(x).Data, b.Forward(x).Data);
        var second = a.Forward(x).Data.ToArray();
        Assert.NotEqual(second, b.Predict(x).Data);
        Assert.Equal(x.Data, b.Predict(x).Data);
    }
}
