using CourseKit.Kernels.Reference;
using CourseKit.Tensors;
using CourseKit.Kernels;

namespace CourseKit.Nn;

/// <summary>
/// Batch Normalization over the features of a batch: effectively computes x̂ = (x − μ)/√(σ² + ε) and
/// y = γ·x̂ + β with the batch's mean and biased variance in training mode, and the running averages in inference mode.
/// </summary>
/// <remarks>
/// γ and β are trainable (no L2); the running mean and variance are non-trainable parameters, updated in training as
/// exponentially weighted averages: running = momentum·running + (1 − momentum)·batch (PyTorch's momentum is 1 − ours).
/// The forward pass does not store x̂: the fused backward recomputes it from x, μ and 1/√(σ² + ε), which halves the
/// memory traffic. Taught in "Normalizing activations in a network" and "Batch Norm at test time".
/// </remarks>
public sealed partial class BatchNorm : Layer, IDoublePrecisionLayer
{
    private Parameter? _gamma, _beta, _runningMean, _runningVar;
    private Matrix? _input, _output, _dx;
    private float[] _mean = [], _invStd = [];
    private (double[] XHat, double[] InvStd, double[] Gamma)? _cacheDouble;

    /// <summary>Creates a BatchNorm layer.</summary>
    /// <param name="momentum">Weight of the old running value, in [0, 1); 0.9 matches PyTorch's default 0.1.</param>
    /// <param name="epsilon">ε &gt; 0 inside the square root; 1e-5 as in PyTorch.</param>
    /// <param name="name">The layer's name; bn1, bn2, … (given by its model) when null.</param>
    public BatchNorm(double momentum = 0.9, double epsilon = 1e-5, string? name = null) : base(name)
    {
        Momentum = ScalarArguments.UnitInterval(momentum, nameof(momentum));
        Epsilon = ScalarArguments.Positive(epsilon, nameof(epsilon));
    }

    /// <summary>Weight of the old running value.</summary>
    public float Momentum { get; }

    /// <summary>ε added to the variance.</summary>
    public float Epsilon { get; }

    /// <summary>γ, 1 × n, starts at 1.</summary>
    public Parameter Gamma => _gamma ?? throw new InvalidOperationException($"{Describe()}: not built yet.");

    /// <summary>β, 1 × n, starts at 0.</summary>
    public Parameter Beta => _beta ?? throw new InvalidOperationException($"{Describe()}: not built yet.");

    /// <summary>Running mean (non-trainable), starts at 0.</summary>
    public Parameter RunningMean => _runningMean ?? throw new InvalidOperationException($"{Describe()}: not built yet.");

    /// <summary>Running variance (non-trainable), starts at 1.</summary>
    public Parameter RunningVariance => _runningVar ?? throw new InvalidOperationException($"{Describe()}: not built yet.");

    /// <inheritdoc />
    public override string Kind => "bn";

    /// <inheritdoc />
    public override int OutputFeatures(int inputFeatures) => inputFeatures;

    /// <inheritdoc />
    protected override void OnBuild(int n, int seed)
    {
        _gamma = AddParameter("gamma", Matrix.Full(1, n, 1f));
        _beta = AddParameter("beta", new Matrix(1, n));
        _runningMean = AddParameter("running_mean", new Matrix(1, n), trainable: false);
        _runningVar = AddParameter("running_var", Matrix.Full(1, n, 1f), trainable: false);
        _mean = new float[n];
        _invStd = new float[n];
    }

    /// <inheritdoc />
    protected override Matrix OnForward(Matrix x)
    {
        int n = InputFeatures;
        var y = Reuse(ref _output, x.Rows, n);
        if (Training)
        {
            CpuKernels.BatchNormForwardTraining(x.AsSpan(), x.Rows, n, Gamma.Value.AsSpan(), Beta.Value.AsSpan(), Epsilon,
                y.AsSpan(), _mean, _invStd, [], RunningMean.Value.AsSpan(), RunningVariance.Value.AsSpan(), Momentum);
            _input = x;
        }
        else
        {
            CpuKernels.BatchNormForwardInference(x.AsSpan(), x.Rows, n, Gamma.Value.AsSpan(), Beta.Value.AsSpan(),
                RunningMean.Value.AsSpan(), RunningVariance.Value.AsSpan(), Epsilon, y.AsSpan());
            _input = null;
        }
        return y;
    }

    /// <inheritdoc />
    protected override Matrix OnBackward(Matrix dy)
    {
        var x = _input!;
        x.Shape.RequireSame(dy.Shape, nameof(dy));
        var dx = Reuse(ref _dx, x.Rows, InputFeatures);
        CpuKernels.BatchNormBackward(dy.AsSpan(), x.AsSpan(), x.Rows, InputFeatures, Gamma.Value.AsSpan(), _mean, _invStd,
            dx.AsSpan(), Gamma.Grad.AsSpan(), Beta.Grad.AsSpan());
        return dx;
    }

    /// <summary>Writes dx over dy: BatchNorm's backward is memory-bound, and skipping a separate output saves a sixth of its traffic.</summary>
    internal override Matrix BackwardConsuming(Matrix dy)
    {
        RequireForwardCache();
        var x = _input!;
        x.Shape.RequireSame(dy.Shape, nameof(dy));
        CpuKernels.BatchNormBackward(dy.AsSpan(), x.AsSpan(), x.Rows, InputFeatures, Gamma.Value.AsSpan(), _mean, _invStd,
            dy.AsSpan(), Gamma.Grad.AsSpan(), Beta.Grad.AsSpan());
        return dy;
    }

    /// <inheritdoc />
    public double[] ForwardDouble(double[] x, int rows, IReadOnlyDictionary<string, double[]> parameters)
    {
        double[] gamma = parameters[Gamma.Name], beta = parameters[Beta.Name];
        if (!Training)
            return ReferenceKernels.BatchNormForwardInference(x, rows, InputFeatures, gamma, beta,
                parameters[RunningMean.Name], parameters[RunningVariance.Name], Epsilon);
        var r = ReferenceKernels.BatchNormForwardTraining(x, rows, InputFeatures, gamma, beta, Epsilon);
        _cacheDouble = (r.XHat, r.InvStd, gamma);
        return r.Y;
    }

    /// <inheritdoc />
    public double[] BackwardDouble(double[] dy, int rows, IDictionary<string, double[]> gradients)
    {
        var c = _cacheDouble ?? throw new InvalidOperationException($"{Describe()}: BackwardDouble needs ForwardDouble in training mode first.");
        var r = ReferenceKernels.BatchNormBackward(dy, c.XHat, rows, InputFeatures, c.Gamma, c.InvStd);
        gradients[Gamma.Name] = r.DGamma;
        gradients[Beta.Name] = r.DBeta;
        return r.Dx;
    }
}
