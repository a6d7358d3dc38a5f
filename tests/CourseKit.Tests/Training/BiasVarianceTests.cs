using CourseKit.Data;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Training;

namespace CourseKit.Tests.Training;

public class BiasVarianceTests
{
    [Theory]
    [InlineData(0.01, 0.11, 0.0, false, true, "high variance")]
    [InlineData(0.15, 0.16, 0.0, true, false, "high bias")]
    [InlineData(0.15, 0.30, 0.0, true, true, "high bias and high variance")]
    [InlineData(0.005, 0.01, 0.0, false, false, "low bias and low variance")]
    [InlineData(0.15, 0.16, 0.14, false, false, "low bias and low variance")]   // blurry images: 15 % is near the best possible
    public void The_four_classic_cases_and_a_high_base_error(double train, double dev, double baseError, bool bias, bool variance, string verdict)
    {
        var d = BiasVariance.Diagnose(train, dev, baseError, threshold: 0.02);
        Assert.Equal((bias, variance, verdict), (d.HighBias, d.HighVariance, d.Verdict));
        Assert.Equal(train - baseError, d.AvoidableBias, 12);
        Assert.Equal(dev - train, d.Variance, 12);
    }

    [Fact]
    public void The_basic_recipe_fixes_bias_before_variance()
    {
        Assert.StartsWith("reduce bias", BiasVariance.Diagnose(0.15, 0.30).NextStep);
        Assert.StartsWith("reduce variance", BiasVariance.Diagnose(0.01, 0.11).NextStep);
        Assert.StartsWith("done", BiasVariance.Diagnose(0.005, 0.01).NextStep);
    }

    [Fact]
    public void A_gap_equal_to_the_threshold_is_not_high()
    {
        var d = BiasVariance.Diagnose(0.25, 0.5, 0, threshold: 0.25);
        Assert.False(d.HighBias);
        Assert.False(d.HighVariance);
    }

    [Theory]
    [InlineData(-0.1, 0.1, 0.0, 0.02, "trainError")]
    [InlineData(0.1, 1.5, 0.0, 0.02, "devError")]
    [InlineData(0.1, 0.1, double.NaN, 0.02, "baseError")]
    [InlineData(0.1, 0.1, 0.0, -1.0, "threshold")]
    public void Bad_errors_name_the_argument(double train, double dev, double baseError, double threshold, string name)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BiasVariance.Diagnose(train, dev, baseError, threshold));
        Assert.Equal(name, ex.ParamName);
    }

    [Fact]
    public void A_trained_model_is_diagnosed_from_its_inference_mode_errors()
    {
        var parts = Splits.Stratified(Datasets.Digits(), [0.8, 0.2], seed: 0);
        var model = new Sequential(new Dense(10)).Build(inputFeatures: 64, seed: 0);
        var trainer = new Trainer(model, new SoftmaxCrossEntropyLoss(), new Adam(0.01f));
        trainer.Fit(parts[0], parts[1], new FitOptions { Epochs = 3, Seed = 0, RecordSteps = false });
        var d = BiasVariance.Diagnose(trainer, parts[0], parts[1], baseError: 0.005);
        Assert.Equal(1 - (double)trainer.Evaluate(parts[0]).Accuracy, d.TrainError, 12);
        Assert.Equal(1 - (double)trainer.Evaluate(parts[1]).Accuracy, d.DevError, 12);
        Assert.Equal(0.005, d.BaseError);
    }
}
