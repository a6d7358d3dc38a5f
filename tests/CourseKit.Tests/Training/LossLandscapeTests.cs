using CourseKit.Data;
using CourseKit.Nn;
using CourseKit.Tensors;
using CourseKit.Training;

namespace CourseKit.Tests.Training;

/// <summary>The loss and the gradient along the gradient direction, measured without changing the model.</summary>
public class LossLandscapeTests
{
    private static readonly Dataset Blobs = Synthetic.Blobs(64, centers: 3, noise: 0.8, seed: 4);

    private static Sequential Net() => new Sequential(new Dense(8, useBias: false), new BatchNorm(), new Relu(), new Dense(3)).Build(2, seed: 5);

    [Fact]
    public void The_model_is_left_exactly_as_it_was()
    {
        var model = Net();
        var before = model.Parameters.Select(p => p.Value.Data.ToArray()).ToArray();
        LossLandscape.AlongGradient(model, new SoftmaxCrossEntropyLoss(), Blobs.Features, Blobs.Labels, [0.1, 0.5, 1]);
        var after = model.Parameters.Select(p => p.Value.Data.ToArray()).ToArray();
        for (int k = 0; k < before.Length; k++) Assert.Equal(before[k], after[k]);       // running statistics included
        Assert.True(model.IsTraining);
    }

    [Fact]
    public void At_step_zero_the_loss_is_the_batch_loss_and_the_gradient_has_not_changed()
    {
        var model = Net();
        var loss = new SoftmaxCrossEntropyLoss();
        var points = LossLandscape.AlongGradient(model, loss, Blobs.Features, Blobs.Labels, [0]);
        Assert.Equal(0, points[0].GradientChange);
        double expected = loss.Compute(model.Forward(Blobs.Features), Blobs.Labels, null);   // training mode, the batch's statistics
        Assert.Equal(expected, points[0].Loss, 5);
    }

    [Fact]
    public void A_small_step_lowers_the_loss_by_about_eta_times_the_squared_gradient_norm()
    {
        var model = Net();
        var loss = new SoftmaxCrossEntropyLoss();
        var points = LossLandscape.AlongGradient(model, loss, Blobs.Features, Blobs.Labels, [0, 1e-2]);
        LossLandscape.AlongGradient(model, loss, Blobs.Features, Blobs.Labels, [0]);     // Grad holds the last point's: evaluate at θ again
        double gSquared = model.TrainableParameters.Sum(p => p.Grad.Data.Sum(v => (double)v * v));
        double slope = (points[1].Loss - points[0].Loss) / 1e-2;
        Assert.InRange(slope / -gSquared, 0.8, 1.2);
        Assert.True(points[1].GradientChange > 0);
    }

    [Fact]
    public void Bad_input_is_refused_naming_the_argument()
    {
        var model = Net();
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => LossLandscape.AlongGradient(model, new SoftmaxCrossEntropyLoss(), Blobs.Features, [0, 1], [0.1])).ParamName);
        Assert.Equal("steps", Assert.Throws<ArgumentException>(() => LossLandscape.AlongGradient(model, new SoftmaxCrossEntropyLoss(), Blobs.Features, Blobs.Labels, [])).ParamName);
        Assert.Equal("steps", Assert.Throws<ArgumentException>(() => LossLandscape.AlongGradient(model, new SoftmaxCrossEntropyLoss(), Blobs.Features, Blobs.Labels, [double.NaN])).ParamName);
    }
}
