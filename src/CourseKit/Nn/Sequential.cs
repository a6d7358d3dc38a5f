using CourseKit.Tensors;
using CourseKit.Kernels;

namespace CourseKit.Nn;

/// <summary>
/// A stack of layers applied in order: forward through all of them, backward in reverse.
/// </summary>
/// <example>
/// <code>
/// var model = new Sequential(new Dense(256, useBias: false), new BatchNorm(), new Relu(), new Dense(10));
/// model.Build(inputFeatures: 64, seed: 0);
/// </code>
/// </example>
public sealed class Sequential
{
    private readonly List<Layer> _layers = [];
    private readonly Dictionary<string, int> _kindCounts = [];

    /// <summary>Creates a model from <paramref name="layers"/>, naming each by kind and position (dense1, bn1, relu1, dense2, …).</summary>
    public Sequential(params Layer[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        foreach (var layer in layers) Add(layer);
    }

    /// <summary>The layers, in order.</summary>
    public IReadOnlyList<Layer> Layers => _layers;

    /// <summary>Number of input features, once built.</summary>
    public int InputFeatures { get; private set; } = -1;

    /// <summary>Whether the model is in training mode (see <see cref="Train"/> and <see cref="Eval"/>).</summary>
    public bool IsTraining { get; private set; } = true;

    /// <summary>Appends a layer, giving it a name (<paramref name="name"/> or kind + count).</summary>
    public Sequential Add(Layer layer, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (InputFeatures >= 0) throw new InvalidOperationException("Add: the model is already built; add layers before Build.");
        if (_layers.Contains(layer)) throw new ArgumentException($"layer: {layer.Describe()} is already in this model.", nameof(layer));
        int count = _kindCounts[layer.Kind] = _kindCounts.GetValueOrDefault(layer.Kind) + 1;
        layer.Name = name ?? $"{layer.Kind}{count}";
        if (_layers.Any(l => l.Name == layer.Name)) throw new ArgumentException($"name: a layer named '{layer.Name}' already exists.", nameof(name));
        _layers.Add(layer);
        return this;
    }

    /// <summary>Creates every layer's parameters for <paramref name="inputFeatures"/> inputs; layer i draws from a seed derived from (<paramref name="seed"/>, i).</summary>
    public Sequential Build(int inputFeatures, int seed)
    {
        if (_layers.Count == 0) throw new InvalidOperationException("Build: the model has no layers.");
        if (InputFeatures >= 0) throw new InvalidOperationException($"Build: the model is already built for {InputFeatures} input features.");
        int n = inputFeatures;
        for (int i = 0; i < _layers.Count; i++)
        {
            _layers[i].Build(n, unchecked(seed * 1_000_003 + i));
            n = _layers[i].OutputFeatures(n);
        }
        InputFeatures = inputFeatures;
        return this;
    }

    /// <summary>Number of outputs of the last layer.</summary>
    public int OutputFeatures => _layers.Aggregate(RequireBuilt(), (n, l) => l.OutputFeatures(n));

    /// <summary>All parameters, trainable or not, named <c>layer.param</c>.</summary>
    public IReadOnlyList<Parameter> Parameters => _layers.SelectMany(l => l.Parameters).ToList();

    /// <summary>The parameters optimizers update.</summary>
    public IReadOnlyList<Parameter> TrainableParameters => _layers.SelectMany(l => l.Parameters).Where(p => p.Trainable).ToList();

    /// <summary>Training mode: BatchNorm uses batch statistics (and updates running ones), dropout is on.</summary>
    public Sequential Train() => SetMode(true);

    /// <summary>Inference mode: BatchNorm uses running statistics, dropout is off.</summary>
    public Sequential Eval() => SetMode(false);

    /// <summary>Forward pass through every layer; the result is owned by the last layer (valid until its next forward).</summary>
    public Matrix Forward(Matrix x)
    {
        RequireBuilt();
        ArgumentNullException.ThrowIfNull(x);
        foreach (var layer in _layers) x = layer.Forward(x);
        return x;
    }

    /// <summary>Backward pass from ∂J/∂(output); fills every trainable parameter's gradient and returns ∂J/∂(input).</summary>
    public Matrix Backward(Matrix dOutput)
    {
        RequireBuilt();
        dOutput = _layers[^1].Backward(dOutput);
        // Gradients between layers are the model's own buffers: a layer may overwrite the one it receives.
        for (int i = _layers.Count - 2; i >= 0; i--) dOutput = _layers[i].BackwardConsuming(dOutput);
        return dOutput;
    }

    /// <summary>Backward pass that fills every trainable parameter's gradient but skips ∂J/∂(input) of the first layer (training needs no gradient for the data).</summary>
    public void BackwardToParameters(Matrix dOutput)
    {
        RequireBuilt();
        if (_layers.Count > 1) dOutput = _layers[^1].Backward(dOutput);
        for (int i = _layers.Count - 2; i > 0; i--) dOutput = _layers[i].BackwardConsuming(dOutput);
        _layers[0].BackwardParameters(dOutput);
    }

    /// <summary>Forward pass in inference mode, restoring the previous mode afterwards.</summary>
    public Matrix Predict(Matrix x)
    {
        bool wasTraining = IsTraining;
        Eval();
        try { return Forward(x); }
        finally { SetMode(wasTraining); }
    }

    /// <summary>The L2 cost term λ/(2m)·Σ‖W‖²_F over regularized parameters (weights only).</summary>
    public float L2Penalty(float lambda, int batchSize) =>
        Parameters.Where(p => p.Regularized).Sum(p => CpuKernels.L2Penalty(p.Value.AsSpan(), lambda, batchSize));

    /// <summary>Adds (λ/m)·W to each weight's gradient, after <see cref="Backward"/>.</summary>
    public void AddL2Gradients(float lambda, int batchSize)
    {
        foreach (var p in Parameters.Where(p => p.Regularized))
            CpuKernels.L2GradientAccumulate(p.Value.AsSpan(), lambda, batchSize, p.Grad.AsSpan());
    }

    /// <summary>A Keras-style summary: layer, output shape, trainable and non-trainable parameter counts.</summary>
    public ModelSummary Summary() => ModelSummary.Of(this);

    /// <inheritdoc />
    public override string ToString() => InputFeatures < 0 ? $"Sequential({_layers.Count} layers, not built)" : Summary().ToString();

    private Sequential SetMode(bool training)
    {
        IsTraining = training;
        foreach (var layer in _layers) layer.Training = training;
        return this;
    }

    private int RequireBuilt() => InputFeatures >= 0 ? InputFeatures
        : throw new InvalidOperationException("The model is not built: call Build(inputFeatures, seed) first.");
}
