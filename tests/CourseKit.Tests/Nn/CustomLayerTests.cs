using CourseKit.Data;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Tensors;
using CourseKit.Training;

namespace CourseKit.Tests.Nn;

/// <summary>A custom layer needs a forward pass, a backward pass and its parameters; the rest is optional.</summary>
public class CustomLayerTests
{
    /// <summary>y = x ⊙ s, one learnable scale per feature — all a learner writes.</summary>
    private sealed class FeatureScale(bool forgetX = false) : Layer
    {
        private Parameter? _s;
        private Matrix? _x;

        protected override void OnBuild(int inputFeatures, int seed) => _s = AddParameter("s", Matrix.Full(1, inputFeatures, 1.5f));

        protected override Matrix OnForward(Matrix x)
        {
            _x = x;
            return x * _s!.Value;
        }

        protected override Matrix OnBackward(Matrix dy)
        {
            (forgetX ? dy : dy * _x!).ColumnSums().CopyTo(_s!.Grad);   // the buggy variant forgets ∂y/∂s = x
            return dy * _s.Value;
        }
    }

    /// <summary>The same layer with the optional double path, so the check runs in double.</summary>
    private sealed class DoubleFeatureScale : Layer, IDoublePrecisionLayer
    {
        private Parameter? _s;
        private Matrix? _x;
        private double[]? _xDouble, _sDouble;

        protected override void OnBuild(int inputFeatures, int seed) => _s = AddParameter("s", Matrix.Full(1, inputFeatures, 1.5f));
        protected override Matrix OnForward(Matrix x) => (_x = x) * _s!.Value;
        protected override Matrix OnBackward(Matrix dy)
        {
            (dy * _x!).ColumnSums().CopyTo(_s!.Grad);
            return dy * _s.Value;
        }

        public double[] ForwardDouble(double[] x, int rows, IReadOnlyDictionary<string, double[]> parameters)
        {
            (_xDouble, _sDouble) = (x, parameters[_s!.Name]);
            int n = _sDouble.Length;
            return x.Select((v, k) => v * _sDouble[k % n]).ToArray();
        }

        public double[] BackwardDouble(double[] dy, int rows, IDictionary<string, double[]> gradients)
        {
            int n = _sDouble!.Length;
            var ds = new double[n];
            for (int k = 0; k < dy.Length; k++) ds[k % n] += dy[k] * _xDouble![k];
            gradients[_s!.Name] = ds;
            return dy.Select((v, k) => v * _sDouble[k % n]).ToArray();
        }
    }

    private static Sequential Model(Layer custom) => new Sequential(new Dense(8), custom, new Tanh(), new Dense(3)).Build(2, seed: 3);

    private static (Matrix X, int[] Y) Batch() => (Matrix.RandomNormal(12, 2, seed: 4), [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]);

    [Fact]
    public void A_custom_layer_is_named_built_summarized_and_trained_like_a_built_in_one()
    {
        var model = Model(new FeatureScale());
        Assert.Equal("feature_scale1", model.Layers[1].Name);
        Assert.Contains(model.Parameters, p => p.Name == "feature_scale1.s" && p.Trainable && p.Value.Shape == new Shape(1, 8));
        Assert.Contains("feature_scale1 (FeatureScale)", model.Summary().ToString());
        var parts = Splits.Stratified(Synthetic.Blobs(300, centers: 3, noise: 0.8, seed: 4), [0.8, 0.2], seed: 1);
        var trainer = new Trainer(model, new SoftmaxCrossEntropyLoss(), new Adam(0.02));
        var history = trainer.Fit(parts[0], parts[1], new FitOptions { Epochs = 15, BatchSize = 32 });
        Assert.True(history.Epochs[^1].ValidationAccuracy > 0.9f, $"dev accuracy {history.Epochs[^1].ValidationAccuracy}");
        Assert.NotEqual(Enumerable.Repeat(1.5f, 8), model.Get<FeatureScale>().Parameters[0].Value.Data); // s was trained
    }

    [Fact]
    public void Without_a_double_path_the_gradient_check_runs_in_float_and_says_so()
    {
        var (x, y) = Batch();
        var report = GradientCheck.Run(Model(new FeatureScale()), new SoftmaxCrossEntropyLoss(), x, y);
        Assert.Equal(GradientCheckPrecision.Float, report.Precision);
        Assert.Equal(1e-3, report.Epsilon);
        Assert.Equal(GradientVerdict.Great, report.Verdict);
        Assert.StartsWith("checked in float, ε = 0.001 (feature_scale1 (FeatureScale) does not implement IDoublePrecisionLayer): thresholds 1e-3 great",
            report.ToString());
        Assert.All(report.Parameters, p => Assert.True(double.IsNaN(p.FloatKernelDifference)));
        var buggy = GradientCheck.Run(Model(new FeatureScale(forgetX: true)), new SoftmaxCrossEntropyLoss(), x, y);
        Assert.Equal(GradientVerdict.Wrong, buggy.Parameters.Single(p => p.Name == "feature_scale1.s").Verdict);
        Assert.Equal(GradientVerdict.Great, buggy.Parameters.Single(p => p.Name == "dense2.W").Verdict);
    }

    [Fact]
    public void With_the_double_path_it_reaches_the_courses_threshold()
    {
        var (x, y) = Batch();
        var report = GradientCheck.Run(Model(new DoubleFeatureScale()), new SoftmaxCrossEntropyLoss(), x, y, lambda: 0.1);
        Assert.Equal(GradientCheckPrecision.Double, report.Precision);
        Assert.True(report.Worst < 1e-7, report.ToString());
        Assert.DoesNotContain("checked in float", report.ToString());
    }

    [Fact]
    public void Built_in_layers_checked_in_float_pass_the_float_thresholds_and_double_is_refused_when_missing()
    {
        var (x, y) = Batch();
        var model = new Sequential(new Dense(6, useBias: false), new BatchNorm(), new Relu(), new Dense(3)).Build(2, seed: 5);
        var report = GradientCheck.Run(model, new SoftmaxCrossEntropyLoss(), x, y, lambda: 0.1, precision: GradientCheckPrecision.Float);
        Assert.Equal(GradientVerdict.Great, report.Verdict);
        Assert.Contains("float was asked for", report.ToString());
        var ex = Assert.Throws<ArgumentException>(() => GradientCheck.Run(Model(new FeatureScale()), new SoftmaxCrossEntropyLoss(), x, y,
            precision: GradientCheckPrecision.Double));
        Assert.Contains("feature_scale1 (FeatureScale) does not implement IDoublePrecisionLayer", ex.Message);
    }

    [Fact]
    public void A_float_check_leaves_the_model_exactly_as_it_was()
    {
        var (x, y) = Batch();
        var model = new Sequential(new Dense(6, useBias: false), new BatchNorm(), new FeatureScale(), new Relu(), new Dense(3)).Build(2, seed: 5);
        float[][] before = model.Parameters.Select(p => p.Value.Data.ToArray()).ToArray();
        var report = GradientCheck.Run(model, new SoftmaxCrossEntropyLoss(), x, y, lambda: 0.1);
        Assert.Equal(GradientCheckPrecision.Float, report.Precision);
        Assert.True(report.Worst < 1e-3, report.ToString());
        Assert.Equal(before, model.Parameters.Select(p => p.Value.Data.ToArray()).ToArray()); // values and running statistics
        Assert.True(model.IsTraining);
    }

    /// <summary>A loss with only Compute and Predict: the check runs in float.</summary>
    private sealed class MeanSquaredError : ILoss
    {
        public float Compute(Matrix logits, ReadOnlySpan<int> labels, Matrix? gradient)
        {
            var target = CourseKit.Data.OneHot.Encode(labels.ToArray(), logits.Cols);
            var diff = logits - target;
            if (gradient is not null) (diff * (2f / logits.Length)).CopyTo(gradient);
            return (diff * diff).Mean();
        }

        public int[] Predict(Matrix logits) => logits.ArgMax();
    }

    [Fact]
    public void A_custom_loss_needs_only_Compute_and_Predict()
    {
        var (x, y) = Batch();
        var loss = new MeanSquaredError();
        Assert.Equal("MeanSquaredError", ((ILoss)loss).Name);
        var report = GradientCheck.Run(new Sequential(new Dense(5), new Relu(), new Dense(3)).Build(2, seed: 1), loss, x, y);
        Assert.Equal(GradientCheckPrecision.Float, report.Precision);
        Assert.Contains("the loss MeanSquaredError does not implement IDoublePrecisionLoss", report.FloatReason);
        Assert.Equal(GradientVerdict.Great, report.Verdict);
    }
}
