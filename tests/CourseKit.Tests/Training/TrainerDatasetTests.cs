using CourseKit.Data;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Tensors;
using CourseKit.Training;

namespace CourseKit.Tests.Training;

/// <summary>Fit and Evaluate take the library's <see cref="Dataset"/>, as the tuner, the babysitter and the model tuner do.</summary>
public class TrainerDatasetTests
{
    private static readonly Dataset[] Parts = Splits.Stratified(Synthetic.Blobs(300, centers: 3, noise: 0.8, seed: 4), [0.8, 0.2], seed: 1);

    private static Trainer NewTrainer() => new(new Sequential(new Dense(16, useBias: false), new BatchNorm(), new Relu(), new Dense(3)).Build(2, seed: 5),
        new SoftmaxCrossEntropyLoss(), new Adam(0.01f));

    [Fact]
    public void Fit_on_datasets_is_the_matrix_form_with_validation_options()
    {
        var (train, dev) = (Parts[0], Parts[1]);
        var a = NewTrainer();
        var fromDatasets = a.Fit(train, dev, new FitOptions { Epochs = 3, BatchSize = 32, Seed = 2 });
        var b = NewTrainer();
        var fromMatrices = b.Fit(train.Features, train.Labels, new FitOptions
        {
            Epochs = 3, BatchSize = 32, Seed = 2, ValidationFeatures = dev.Features, ValidationLabels = dev.Labels,
        });
        Assert.Equal(fromMatrices.Epochs.Select(e => (e.Cost, e.Accuracy, e.ValidationCost, e.ValidationAccuracy)),
            fromDatasets.Epochs.Select(e => (e.Cost, e.Accuracy, e.ValidationCost, e.ValidationAccuracy)));
        Assert.All(fromDatasets.Epochs, e => Assert.InRange(e.ValidationAccuracy ?? -1f, 0f, 1f));
        var evaluation = a.Evaluate(dev);
        Assert.Equal(b.Evaluate(dev.Features, dev.Labels), evaluation);
        Assert.Equal(fromDatasets.Epochs[^1].ValidationCost, evaluation.Cost);
        var (cost, accuracy) = evaluation;                     // deconstructs like the tuple it replaced
        Assert.Equal((evaluation.Cost, evaluation.Accuracy), (cost, accuracy));
        Assert.Matches(@"^cost \d\.\d{4}, accuracy \d+\.\d %$", evaluation.ToString());
    }

    [Fact]
    public void Fit_without_options_runs_ten_epochs_of_64_and_without_validation_records_none()
    {
        var history = NewTrainer().Fit(Parts[0]);
        Assert.Equal(10, history.Epochs.Count);
        Assert.Equal(10 * 4, history.Steps.Count);             // 240 examples in batches of 64: 3 full and one of 48
        Assert.All(history.Epochs, e => Assert.Null(e.ValidationCost));
    }

    [Fact]
    public void Validation_given_twice_or_of_another_width_is_refused_by_name()
    {
        var trainer = NewTrainer();
        var twice = Assert.Throws<ArgumentException>(() => trainer.Fit(Parts[0], Parts[1],
            new FitOptions { ValidationFeatures = Parts[1].Features, ValidationLabels = Parts[1].Labels }));
        Assert.Equal("validation", twice.ParamName);
        var wide = new Dataset(new Matrix(5, 3), [0, 1, 2, 0, 1], 3);
        var width = Assert.Throws<ArgumentException>(() => trainer.Fit(Parts[0], wide));
        Assert.Contains("validation: expected 2 features (as the training set), actual 3", width.Message);
        Assert.Contains("labels: expected one label per row of x (5), actual 4",
            Assert.Throws<ArgumentException>(() => trainer.Evaluate(new Matrix(5, 2), [0, 1, 2, 0])).Message);
        Assert.Contains("pass a validation set to Fit", Assert.Throws<InvalidOperationException>(() =>
            trainer.Fit(Parts[0], options: new FitOptions { Callbacks = [new EarlyStopping()] })).Message);
    }
}
