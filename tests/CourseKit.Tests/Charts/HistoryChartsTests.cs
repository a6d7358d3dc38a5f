using System.Text.Json;
using CourseKit.Charts;
using CourseKit.Data;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Training;
using static CourseKit.Tests.Charts.FigureJson;

namespace CourseKit.Tests.Charts;

public sealed class HistoryChartsTests
{
    // A tiny real run: 2 epochs on blobs, with validation, steps recorded (120 examples in batches of 32 → 4 steps per epoch).
    private static readonly History Trained = Train(withValidation: true);

    private static History Train(bool withValidation)
    {
        var data = Synthetic.Blobs(150, centers: 3, noise: 0.8, seed: 4);
        var split = Splits.Stratified(data, [0.8, 0.2], seed: 1);
        var model = new Sequential(new Dense(8), new Relu(), new Dense(3)).Build(2, seed: 5);
        return new Trainer(model, new SoftmaxCrossEntropyLoss(), new Adam(0.01f)).Fit(split[0].Features, split[0].Labels, new FitOptions
        {
            Epochs = 2, BatchSize = 32, Seed = 1,
            ValidationFeatures = withValidation ? split[1].Features : null, ValidationLabels = withValidation ? split[1].Labels : null,
        });
    }

    // The JSON holds each float as it prints; parsed back to float it is the recorded value exactly.
    private static float[] Floats(JsonElement array) => Numbers(array).Select(v => (float)v).ToArray();

    [Fact]
    public void Learning_curves_show_train_and_validation_cost_beside_accuracy_per_epoch()
    {
        var root = Parse(Trained.LearningCurves());
        var data = root.GetProperty("data");
        Assert.Equal(["train", "validation", "train", "validation"], data.EnumerateArray().Select(t => t.GetProperty("name").GetString()!));
        Assert.Equal([true, true, false, false], data.EnumerateArray().Select(t => t.GetProperty("showlegend").GetBoolean())); // one entry per run
        Assert.Equal(["x", "x", "x2", "x2"], data.EnumerateArray().Select(t => t.GetProperty("xaxis").GetString()!));
        Assert.Equal([1.0, 2.0], Numbers(data[0].GetProperty("x")));
        Assert.Equal(Trained.Epochs.Select(e => e.Cost), Floats(data[0].GetProperty("y")));
        Assert.Equal(Trained.Epochs.Select(e => e.ValidationCost!.Value), Floats(data[1].GetProperty("y")));
        Assert.Equal(Trained.Epochs.Select(e => e.ValidationAccuracy!.Value), Floats(data[3].GetProperty("y")));
        var layout = root.GetProperty("layout");
        Assert.Equal(1, layout.GetProperty("grid").GetProperty("rows").GetInt32());
        Assert.Equal(2, layout.GetProperty("grid").GetProperty("columns").GetInt32());
        Assert.Equal("epoch", Text(layout, "xaxis2", "title", "text"));
        Assert.Equal("accuracy", Text(layout, "yaxis2", "title", "text"));
        Assert.Equal(["Cost", "Accuracy"], layout.GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString()!));
    }

    [Fact]
    public void Train_and_validation_have_the_same_colors_in_both_panels()
    {
        var data = Parse(Trained.LearningCurves()).GetProperty("data");
        string Color(int i) => Text(data[i], "line", "color")!;
        Assert.Equal(Color(0), Color(2));
        Assert.Equal(Color(1), Color(3));
        Assert.NotEqual(Color(0), Color(1));
    }

    [Fact]
    public void Per_step_cost_places_each_epoch_s_steps_between_its_start_and_end()
    {
        var steps = Trace(Trained.CostCurve(perStepCost: true), 0);
        Assert.Equal("mini-batch cost", steps.GetProperty("name").GetString());
        Assert.Equal(Trained.Steps.Count, steps.GetProperty("x").GetArrayLength());
        Assert.Equal([0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0], Numbers(steps.GetProperty("x")));
        Assert.Equal(Trained.Steps.Select(s => s.Cost), Floats(steps.GetProperty("y")));
    }

    [Fact]
    public void A_log_cost_axis_and_no_validation_curves_without_validation_data()
    {
        var figure = Train(withValidation: false).LearningCurves(logCost: true);
        var root = Parse(figure);
        Assert.Equal(2, root.GetProperty("data").GetArrayLength());
        Assert.Equal("log", Text(root, "layout", "yaxis", "type"));
    }

    [Fact]
    public void An_empty_history_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new History().LearningCurves());
        Assert.Contains("expected at least one epoch, actual 0", ex.Message);
    }
}
