using CourseKit.Nn;
using CourseKit.Tensors;

namespace CourseKit.Tests.Nn;

public class GradientCheckTests
{
    private static (Matrix X, int[] Y) Batch(int m, int n, int classes, int seed)
    {
        var x = Matrix.RandomNormal(m, n, seed);
        var rng = new Random(seed + 1);
        return (x, Enumerable.Range(0, m).Select(_ => rng.Next(classes)).ToArray());
    }

    [Fact]
    public void Dense_BatchNorm_tanh_softmax_with_L2_passes_the_course_threshold()
    {
        var model = new Sequential(new Dense(7, useBias: false, Initializer.Xavier), new BatchNorm(), new Tanh(),
            new Dense(5, useBias: false), new BatchNorm(), new Tanh(), new Dense(4)).Build(inputFeatures: 6, seed: 42);
        var (x, y) = Batch(16, 6, 4, seed: 42);
        var report = GradientCheck.Run(model, new SoftmaxCrossEntropyLoss(), x, y, lambda: 0.7f);
        Assert.All(report.Parameters, p => Assert.True(p.RelativeDifference < 1e-7, $"{p.Name}: {p.RelativeDifference:E2}"));
        Assert.Equal(GradientVerdict.Great, report.Verdict);
        // Every trainable parameter was checked: W1, γ1, β1, W2, γ2, β2, W3, b3.
        Assert.Equal(["dense1.W", "bn1.gamma", "bn1.beta", "dense2.W", "bn2.gamma", "bn2.beta", "dense3.W", "dense3.b"],
            report.Parameters.Select(p => p.Name));
        // The float SIMD backward agrees with the double backprop to float precision.
        Assert.All(report.Parameters, p => Assert.True(p.FloatKernelDifference < 1e-4, $"{p.Name} float: {p.FloatKernelDifference:E2}"));
    }

    [Fact]
    public void A_bias_before_BatchNorm_has_zero_gradient_and_is_reported_as_such()
    {
        // BatchNorm subtracts the batch mean, so b before it cannot change the cost: why the lecture drops it.
        var model = new Sequential(new Dense(5), new BatchNorm(), new Tanh(), new Dense(3)).Build(4, seed: 1);
        var (x, y) = Batch(10, 4, 3, seed: 2);
        var report = GradientCheck.Run(model, new SoftmaxCrossEntropyLoss(), x, y);
        var bias = report.Parameters.Single(p => p.Name == "dense1.b");
        Assert.True(bias.BelowNoiseFloor);
        Assert.True(report.Worst < 1e-7, report.ToString());
        Assert.All(report.Parameters.Where(p => p.Name != "dense1.b"), p => Assert.False(p.BelowNoiseFloor));
    }

    [Fact]
    public void Relu_leaky_relu_sigmoid_and_binary_cross_entropy_pass_too()
    {
        var model = new Sequential(new Dense(8), new LeakyRelu(0.1f), new Dense(6), new Sigmoid(), new Dense(5), new Relu(), new Dense(1))
            .Build(inputFeatures: 3, seed: 3);
        var (x, y) = Batch(12, 3, 2, seed: 5);
        var report = GradientCheck.Run(model, new BinaryCrossEntropyLoss(), x, y);
        Assert.True(report.Worst < 1e-7, report.ToString());
    }

    [Fact]
    public void A_wrong_backward_is_flagged()
    {
        // A layer whose forward doubles its input but whose backward forgets the factor 2: the classic chain-rule slip.
        var model = new Sequential(new Dense(3), new ForgetfulDoubling(), new Dense(2)).Build(4, seed: 1);
        var (x, y) = Batch(5, 4, 2, seed: 2);
        var report = GradientCheck.Run(model, new SoftmaxCrossEntropyLoss(), x, y);
        Assert.Equal(GradientVerdict.Wrong, report.Parameters.Single(p => p.Name == "dense1.W").Verdict);
        Assert.Equal(GradientVerdict.Great, report.Parameters.Single(p => p.Name == "dense2.W").Verdict);
        Assert.Equal(GradientVerdict.Check, GradientCheck.VerdictFor(3e-6));
        Assert.Equal(GradientVerdict.Worry, GradientCheck.VerdictFor(3e-4));
    }

    private sealed class ForgetfulDoubling : Layer, IDoublePrecisionLayer
    {
        private Matrix? _y;
        public override string Kind => "double";
        protected override Matrix OnForward(Matrix x)
        {
            _y = x.Clone();
            for (int i = 0; i < _y.Length; i++) _y.Data[i] *= 2;
            return _y;
        }
        protected override Matrix OnBackward(Matrix dy) => dy.Clone();
        public double[] ForwardDouble(double[] x, int rows, IReadOnlyDictionary<string, double[]> parameters) => x.Select(v => 2 * v).ToArray();
        public double[] BackwardDouble(double[] dy, int rows, IDictionary<string, double[]> gradients) => dy;
    }

    [Fact]
    public void It_refuses_to_run_with_dropout_on_and_leaves_the_model_unchanged()
    {
        var model = new Sequential(new Dense(4), new BatchNorm(), new Dropout(0.5f), new Dense(2)).Build(3, seed: 0);
        var (x, y) = Batch(6, 3, 2, seed: 1);
        var ex = Assert.Throws<InvalidOperationException>(() => GradientCheck.Run(model, new SoftmaxCrossEntropyLoss(), x, y));
        Assert.Contains("refuses to run with dropout on", ex.Message);
        Assert.Contains("build the network with keepProb = 1", ex.Message);
        model.Eval();   // not a way around it: backward needs a training-mode forward, and the message says so
        var inEval = Assert.Throws<InvalidOperationException>(() => GradientCheck.Run(model, new SoftmaxCrossEntropyLoss(), x, y));
        Assert.StartsWith("model: expected training mode for a gradient check (model.Train()), actual inference mode (Eval())", inEval.Message);
        var noDropout = new Sequential(new Dense(4), new BatchNorm(), new Dense(2)).Build(3, seed: 0);
        var bn = (BatchNorm)noDropout.Layers[1];
        float[] before = bn.RunningMean.Value.Data.ToArray();
        GradientCheck.Run(noDropout, new SoftmaxCrossEntropyLoss(), x, y);
        Assert.Equal(before, bn.RunningMean.Value.Data);
    }

    [Fact]
    public void Sampling_limits_the_components_checked()
    {
        var model = new Sequential(new Dense(30), new Relu(), new Dense(3)).Build(20, seed: 0);
        var (x, y) = Batch(8, 20, 3, seed: 1);
        var report = GradientCheck.Run(model, new SoftmaxCrossEntropyLoss(), x, y, maxPerParameter: 25);
        Assert.Equal(25, report.Parameters[0].Checked);
        Assert.Equal(3, report.Parameters[^1].Checked);
        Assert.True(report.Worst < 1e-7);
    }
}
