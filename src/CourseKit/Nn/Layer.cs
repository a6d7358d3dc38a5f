using CourseKit.Tensors;

namespace CourseKit.Nn;

/// <summary>
/// One step of a network: a forward pass that caches what its backward pass needs, and a backward pass that fills
/// its parameters' gradients and returns the gradient with respect to its input.
/// </summary>
/// <remarks>
/// <para>Matrices are m × n, one example per row. <see cref="Forward"/> and <see cref="Backward"/> return matrices the
/// caller owns, as in PyTorch. Inside a model the layers pass buffers they reuse from step to step instead, so a
/// training step allocates nothing: that path is internal to <see cref="Sequential"/> and the trainer. A layer never
/// modifies the matrix it receives, and keeps a reference to it until its backward pass.</para>
/// <para>A custom layer overrides <see cref="OnForward"/> and <see cref="OnBackward"/>, creates its parameters in
/// <see cref="OnBuild"/> with <see cref="AddParameter"/>, and overrides <see cref="OutputFeatures"/> when it changes
/// the width. Layers that also offer the double-precision path of gradient checking implement
/// <see cref="IDoublePrecisionLayer"/> (every built-in layer does).</para>
/// </remarks>
public abstract partial class Layer
{
    private readonly List<Parameter> _parameters = [];
    private bool _hasTrainingForward;

    /// <summary>A layer named by its model (kind + count: <c>dense1</c>, <c>bn2</c>).</summary>
    protected Layer() { }

    /// <summary>A layer with the name <paramref name="name"/>, or named by its model when null.</summary>
    protected Layer(string? name)
    {
        if (name is not null) Name = LayerNames.Validate(name, nameof(name));
    }

    /// <summary>
    /// The layer's name within its model (<c>dense1</c>, <c>bn2</c>, or the name given at construction); qualifies its
    /// parameter names, the summary's rows and checkpoint records.
    /// </summary>
    public string Name { get; internal set; } = "";

    /// <summary>Training mode (batch statistics, dropout on) or inference mode.</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Number of input features, known once built.</summary>
    public int InputFeatures { get; private set; } = -1;

    /// <summary>Whether <see cref="Build"/> has run.</summary>
    public bool IsBuilt => InputFeatures >= 0;

    /// <summary>Short prefix for automatic names (<c>dense</c> → dense1, dense2, …); by default the type's name in lower case.</summary>
    public virtual string Kind => LayerNames.KindOf(GetType());

    /// <summary>Number of output features for <paramref name="inputFeatures"/> inputs; by default the same (element-wise layers).</summary>
    public virtual int OutputFeatures(int inputFeatures) => inputFeatures;

    /// <summary>The layer's parameters (trainable and not), with qualified names; empty before <see cref="Build"/>.</summary>
    public virtual IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Creates the parameters for <paramref name="inputFeatures"/> inputs, initialized from <paramref name="seed"/>.</summary>
    public void Build(int inputFeatures, int seed)
    {
        if (inputFeatures < 1)
            throw new ArgumentOutOfRangeException(nameof(inputFeatures), inputFeatures, $"inputFeatures: expected ≥ 1, actual {inputFeatures}.");
        if (IsBuilt) throw new InvalidOperationException($"Build: {Describe()} is already built for {InputFeatures} input features.");
        InputFeatures = inputFeatures;
        OnBuild(inputFeatures, seed);
    }

    /// <summary>Creates parameters (with <see cref="AddParameter"/>); called once by <see cref="Build"/>.</summary>
    protected virtual void OnBuild(int inputFeatures, int seed) { }

    /// <summary>
    /// Registers a parameter of this layer, named <c>{layer path}.{name}</c> (e.g. <c>dense1.W</c>), so that models,
    /// optimizers, the summary and checkpoints see it. Call it from <see cref="OnBuild"/>.
    /// </summary>
    protected Parameter AddParameter(string name, Matrix value, bool trainable = true, bool regularized = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_parameters.Any(p => p.LocalName == name))
            throw new ArgumentException($"name: {Describe()} already has a parameter named '{name}'.", nameof(name));
        var parameter = new Parameter(Qualify(name), value, trainable, regularized) { LocalName = name };
        _parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Forward pass on a batch (m × <see cref="InputFeatures"/>); the result belongs to the caller.</summary>
    public Matrix Forward(Matrix x) => ForwardShared(x).Clone();

    /// <summary>Backward pass: <paramref name="dy"/> = ∂J/∂(output); fills parameter gradients (overwriting) and returns ∂J/∂(input), which belongs to the caller.</summary>
    public Matrix Backward(Matrix dy) => BackwardShared(dy).Clone();

    /// <summary>
    /// The forward pass the model and the trainer use: the result may be a buffer this layer reuses, valid until its
    /// next forward call.
    /// </summary>
    internal Matrix ForwardShared(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!IsBuilt) throw new InvalidOperationException($"{Describe()}: call Build (or add the layer to a Sequential and build it) before Forward.");
        if (x.Cols != InputFeatures)
            throw new ArgumentException($"x: {Describe()} expects {InputFeatures} input features, actual {x.Cols} (shape {x.Shape}).", nameof(x));
        if (x.Rows < 1) throw new ArgumentException($"x: {Describe()} expects a batch of at least 1 example, actual shape {x.Shape}.", nameof(x));
        if (Placement is not null) return ForwardThroughDevice(x);
        var y = OnForward(x);
        if (y is null || y.Rows != x.Rows || y.Cols != OutputFeatures(InputFeatures))
            throw new InvalidOperationException($"{Describe()}: OnForward returned {(y is null ? "null" : $"shape {y.Shape}")}; expected " +
                $"({x.Rows} × {OutputFeatures(InputFeatures)}) — one row per input row, OutputFeatures({InputFeatures}) columns.");
        _hasTrainingForward = Training;
        NotifyHooks(x, y);
        return y;
    }

    /// <summary>The backward pass the model uses: the result may be a buffer this layer reuses.</summary>
    internal Matrix BackwardShared(Matrix dy)
    {
        ArgumentNullException.ThrowIfNull(dy);
        RequireForwardCache();
        return Placement is null ? OnBackward(dy) : BackwardThroughDevice(dy);
    }

    /// <summary>
    /// The backward pass when <paramref name="dy"/> is a scratch buffer its owner no longer needs (the gradient a
    /// later layer produced): a layer may write ∂J/∂(input) over it, saving a buffer's worth of memory traffic.
    /// </summary>
    internal virtual Matrix BackwardConsuming(Matrix dy) => BackwardShared(dy);

    /// <summary>Fills the parameter gradients without computing ∂J/∂(input); layers where that saves work override it.</summary>
    internal virtual void BackwardParameters(Matrix dy) => BackwardShared(dy);

    /// <summary>Throws unless the last forward pass ran in training mode (so the backward pass has what it needs).</summary>
    private protected void RequireForwardCache()
    {
        if (!_hasTrainingForward) throw new InvalidOperationException($"{Describe()}: Backward needs a Forward in training mode first.");
    }

    /// <summary>
    /// The forward computation; <paramref name="x"/> is already checked. It may return a buffer the layer reuses from
    /// call to call (the base class copies it for callers of <see cref="Forward"/>), and must not modify <paramref name="x"/>.
    /// </summary>
    protected abstract Matrix OnForward(Matrix x);

    /// <summary>The backward computation: fills the parameters' <see cref="Parameter.Grad"/> and returns ∂J/∂(input); runs only after a training-mode forward.</summary>
    protected abstract Matrix OnBackward(Matrix dy);

    /// <summary>Extra state to checkpoint besides parameters (e.g. a dropout layer's step counter).</summary>
    public virtual IReadOnlyDictionary<string, long> SaveExtraState() => new Dictionary<string, long>();

    /// <summary>Restores what <see cref="SaveExtraState"/> returned.</summary>
    public virtual void LoadExtraState(IReadOnlyDictionary<string, long> state) { }

    /// <summary>A short description for messages and the model summary, e.g. <c>dense1 (Dense 64 → 256)</c>.</summary>
    public virtual string Describe() => Label.Length == 0 ? GetType().Name : $"{Label} ({GetType().Name})";

    /// <summary>Switches this layer (and the layers inside it) to training or inference mode.</summary>
    internal virtual void SetTraining(bool training) => Training = training;

    /// <summary>Sets this layer's own mode only (restoring a saved state, where every layer's mode is restored one by one).</summary>
    internal void SetTrainingSelf(bool training) => Training = training;

    /// <summary>Returns <paramref name="buffer"/> if it already has the shape, otherwise a new matrix of that shape.</summary>
    protected static Matrix Reuse(ref Matrix? buffer, int rows, int cols)
    {
        if (buffer is null || buffer.Rows != rows || buffer.Cols != cols) buffer = new Matrix(rows, cols);
        return buffer;
    }
}
