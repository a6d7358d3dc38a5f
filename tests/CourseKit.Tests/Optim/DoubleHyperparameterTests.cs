using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Training;

namespace CourseKit.Tests.Optim;

/// <summary>Hyperparameters come from the tuner as doubles: every constructor takes them and runs in float.</summary>
public class DoubleHyperparameterTests
{
    [Fact]
    public void Doubles_become_the_floats_the_updates_use_and_float_literals_are_unchanged()
    {
        double lr = 0.0123, beta = 0.95;
        Assert.Equal((float)lr, new Momentum(lr, beta).LearningRate);
        Assert.Equal((float)beta, new Momentum(lr, beta).Beta);
        // The defaults in double are exactly the float values they replaced (so runs and pinned figures are unchanged).
        var adam = new Adam();
        Assert.Equal((0.001f, 0.9f, 0.999f, 1e-8f), (adam.LearningRate, adam.Beta1, adam.Beta2, adam.Epsilon));
        Assert.Equal(0.01f, new AdamW().WeightDecay);
        Assert.Equal((0.9f, 1e-5f), (new BatchNorm().Momentum, new BatchNorm().Epsilon));
        Assert.Equal(0.01f, new LeakyRelu().Slope);
        Assert.Equal(0.8f, new Dropout(0.8).KeepProb);
        Assert.Equal(0.125f, new InverseTimeDecay(0.5, 1).Rate(epoch: 3, step: 1)); // 0.5 / (1 + 1·3)
        Assert.Equal(0.03f, new ManualSchedule(new Dictionary<int, double> { [1] = 0.1, [10] = 0.03 }).Rate(epoch: 12, step: 1));
        Assert.Equal(0.1, new FitOptions { L2 = 0.1 }.L2);
        var w = CourseKit.Autodiff.Variable.Parameter(2f, "w");
        (w * w).Backward();                                                        // dJ/dw = 2w = 4
        CourseKit.Autodiff.GradientDescent.Step([w], learningRate: 0.1);          // the autodiff step takes a double too
        Assert.Equal(2f - 0.1f * 4f, w.Item, 6);
    }

    [Fact]
    public void A_double_that_leaves_its_range_in_float_is_refused()
    {
        var below1 = Assert.Throws<ArgumentOutOfRangeException>(() => new Momentum(0.1, beta: 0.999999999));
        Assert.StartsWith("beta: expected a value in [0, 1) that stays below 1 in float, actual 0.999999999.", below1.Message);
        var tiny = Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(1e-50));
        Assert.StartsWith("learningRate: expected a finite value > 0, actual 1E-50.", tiny.Message);
        Assert.StartsWith("learningRate: expected a finite value > 0, actual 1E-50.",
            Assert.Throws<ArgumentOutOfRangeException>(() => CourseKit.Autodiff.GradientDescent.Step([CourseKit.Autodiff.Variable.Parameter(1f)], 1e-50)).Message);
        Assert.StartsWith("keepProb: expected a value in (0, 1], actual 1.5.", Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout(1.5)).Message);
        Assert.StartsWith("L2: expected a finite value ≥ 0, actual -0.1.", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new Trainer(new Sequential(new Dense(2)).Build(2, 0), new SoftmaxCrossEntropyLoss(), new Sgd(0.1))
                .Fit(new CourseKit.Data.Dataset(new CourseKit.Tensors.Matrix(4, 2), [0, 1, 0, 1], 2), options: new FitOptions { L2 = -0.1 })).Message);
    }
}
