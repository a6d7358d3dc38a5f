using CourseKit.Tensors;
using CourseKit.Kernels;

namespace CourseKit.Nn;

/// <summary>
/// A stack of layers applied in order: forward through all of them, backward in reverse. A model is itself a
/// <see cref="Layer"/>, so models nest: a <see cref="Sequential"/> can be one step of another.
/// </summary>
/// <example>
/// <code>
/// var model = new Sequential(new Dense(256, useBias: false), new BatchNorm(), new Relu(), new Dense(10, name: "out"));
/// model.Build(inputFeatures: 64, seed: 0);
/// var bn = model.Get&lt;BatchNorm&gt;("bn1");
/// </code>
/// </example>
public sealed partial class Sequential : Layer
{
    private readonly List<Layer> _layers = [];

    /// <summary>Creates a model from <paramref name="layers"/>, naming each that has no name by kind and count (dense1, bn1, relu1, dense2, …).</summary>
    public Sequential(params Layer[] layers) : this(null, layers) { }

    /// <summary>Creates a model named <paramref name="name"/> (its name inside an enclosing model; sequential1, … when null).</summary>
    public Sequential(string? name, params Layer[] layers) : base(name)
    {
        ArgumentNullException.ThrowIfNull(layers);
        foreach (var layer in layers) Add(layer);
    }

    /// <summary>The layers directly in this model, in order (a nested model counts as one).</summary>
    public IReadOnlyList<Layer> Layers => _layers;

    /// <summary>Every layer inside this model, depth first in forward order: nested models and the layers inside them.</summary>
    public IEnumerable<Layer> AllLayers => _layers.SelectMany(l => l is Sequential s ? s.AllLayers.Prepend(l) : [l]);

    /// <summary>The layers that compute (every layer inside except nested models), in forward order.</summary>
    internal IEnumerable<Layer> Leaves => AllLayers.Where(l => l is not Sequential);

    /// <summary>Whether the model is in training mode (see <see cref="Train"/> and <see cref="Eval"/>).</summary>
    public bool IsTraining => Training;

    /// <inheritdoc />
    public override string Kind => "sequential";

    /// <summary>
    /// Appends a layer, named <paramref name="name"/>, else the name it was given at construction, else its kind and
    /// the first free count (dense1, dense2, …).
    /// </summary>
    public Sequential Add(Layer layer, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (IsBuilt) throw new InvalidOperationException("Add: the model is already built; add layers before Build.");
        if (ReferenceEquals(layer, this) || (layer is Sequential s && s.AllLayers.Contains(this)))
            throw new ArgumentException($"layer: a model cannot contain itself.", nameof(layer));
        if (layer.Parent is not null)
            throw new ArgumentException($"layer: {layer.Describe()} is already in a model; a layer belongs to one model (create another layer).", nameof(layer));
        if (layer.IsBuilt)
            throw new ArgumentException($"layer: {layer.Describe()} is already built; add layers before building, the model's Build creates their parameters.", nameof(layer));
        if (name is not null) LayerNames.Validate(name, nameof(name));
        string chosen = name ?? (layer.Name.Length > 0 ? layer.Name : LayerNames.Next(layer.Kind, _layers.Select(l => l.Name)));
        if (_layers.Any(l => l.Name == chosen))
            throw new ArgumentException($"name: a layer named '{chosen}' already exists in this model.", nameof(name));
        layer.Name = chosen;
        layer.Parent = this;
        _layers.Add(layer);
        return this;
    }

    /// <summary>
    /// Creates every layer's parameters for <paramref name="inputFeatures"/> inputs; layer i draws from a seed derived
    /// from (<paramref name="seed"/>, i). Returns this model.
    /// </summary>
    public new Sequential Build(int inputFeatures, int seed)
    {
        if (_layers.Count == 0) throw new InvalidOperationException("Build: the model has no layers.");
        base.Build(inputFeatures, seed);
        return this;
    }

    /// <inheritdoc />
    protected override void OnBuild(int inputFeatures, int seed)
    {
        int n = inputFeatures;
        for (int i = 0; i < _layers.Count; i++)
        {
            _layers[i].Build(n, unchecked(seed * 1_000_003 + i));
            n = _layers[i].OutputFeatures(n);
        }
    }

    /// <inheritdoc />
    public override int OutputFeatures(int inputFeatures) => _layers.Aggregate(inputFeatures, (n, l) => l.OutputFeatures(n));

    /// <summary>Number of outputs of the last layer.</summary>
    public int OutputCount => OutputFeatures(RequireBuilt());

    /// <summary>All parameters, trainable or not, named by layer path (<c>dense1.W</c>, <c>block1.bn1.gamma</c>).</summary>
    public override IReadOnlyList<Parameter> Parameters => _layers.SelectMany(l => l.Parameters).ToList();

    /// <summary>The parameters optimizers update.</summary>
    public IReadOnlyList<Parameter> TrainableParameters => Parameters.Where(p => p.Trainable).ToList();

    /// <summary>Training mode: BatchNorm uses batch statistics (and updates running ones), dropout is on.</summary>
    public Sequential Train() => SetMode(true);

    /// <summary>Inference mode: BatchNorm uses running statistics, dropout is off.</summary>
    public Sequential Eval() => SetMode(false);

    /// <inheritdoc />
    internal override void SetTraining(bool training)
    {
        base.SetTraining(training);
        foreach (var layer in _layers) layer.SetTraining(training);
    }

    /// <inheritdoc />
    protected override Matrix OnForward(Matrix x)
    {
        foreach (var layer in _layers) x = layer.ForwardShared(x);
        return x;
    }

    /// <inheritdoc />
    protected override Matrix OnBackward(Matrix dOutput)
    {
        dOutput = _layers[^1].BackwardShared(dOutput);
        // Gradients between layers are the model's own buffers: a layer may overwrite the one it receives.
        for (int i = _layers.Count - 2; i >= 0; i--) dOutput = _layers[i].BackwardConsuming(dOutput);
        return dOutput;
    }

    /// <inheritdoc />
    internal override Matrix BackwardConsuming(Matrix dOutput)
    {
        RequireForwardCache();
        for (int i = _layers.Count - 1; i >= 0; i--) dOutput = _layers[i].BackwardConsuming(dOutput);
        return dOutput;
    }

    /// <summary>Backward pass that fills every trainable parameter's gradient but skips ∂J/∂(input) of the first layer (training needs no gradient for the data).</summary>
    internal override void BackwardParameters(Matrix dOutput)
    {
        RequireForwardCache();
        if (_layers.Count > 1) dOutput = _layers[^1].BackwardShared(dOutput);
        for (int i = _layers.Count - 2; i > 0; i--) dOutput = _layers[i].BackwardConsuming(dOutput);
        _layers[0].BackwardParameters(dOutput);
    }

    /// <summary>Forward pass in inference mode, restoring the previous mode afterwards; the result belongs to the caller.</summary>
    public Matrix Predict(Matrix x)
    {
        bool wasTraining = IsTraining;
        Eval();
        try { return Forward(x); }
        finally { SetMode(wasTraining); }
    }

    /// <summary>The L2 cost term λ/(2m)·Σ‖W‖²_F over regularized parameters (weights only).</summary>
    public float L2Penalty(float lambda, int batchSize) => Placement is not null ? L2OnDevice(lambda, batchSize, addGradients: false) :
        Parameters.Where(p => p.Regularized).Sum(p => CpuKernels.L2Penalty(p.Value.AsSpan(), lambda, batchSize));

    /// <summary>Adds (λ/m)·W to each weight's gradient, after <see cref="Layer.Backward"/>.</summary>
    public void AddL2Gradients(float lambda, int batchSize)
    {
        if (Placement is not null)
        {
            L2OnDevice(lambda, batchSize, addGradients: true);
            return;
        }
        foreach (var p in Parameters.Where(p => p.Regularized))
            CpuKernels.L2GradientAccumulate(p.Value.AsSpan(), lambda, batchSize, p.Grad.AsSpan());
    }

    /// <summary>A Keras-style summary: layer, output shape, trainable and non-trainable parameter counts.</summary>
    public ModelSummary Summary() => ModelSummary.Of(this);

    /// <summary>The model and its first layer, e.g. <c>Sequential of 4 layers, first dense1 (Dense 64 → 256)</c>.</summary>
    public override string Describe() =>
        $"{base.Describe()} of {_layers.Count} layer{(_layers.Count == 1 ? "" : "s")}{(_layers.Count > 0 ? $", first {_layers[0].Describe()}" : "")}";

    /// <inheritdoc />
    public override string ToString() => !IsBuilt ? $"Sequential({_layers.Count} layers, not built)" : Summary().ToString();

    private Sequential SetMode(bool training)
    {
        SetTraining(training);
        return this;
    }

    internal int RequireBuilt() => IsBuilt ? InputFeatures
        : throw new InvalidOperationException("The model is not built: call Build(inputFeatures, seed) first.");
}
