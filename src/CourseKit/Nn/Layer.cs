using CourseKit.Tensors;

namespace CourseKit.Nn;

/// <summary>
/// One step of a network: a forward pass that caches what its backward pass needs, and a backward pass that fills
/// its parameters' gradients and returns the gradient with respect to its input.
/// </summary>
/// <remarks>
/// <para>Matrices are m × n, one example per row. A layer owns its output and input-gradient buffers and reuses them
/// while the batch size stays the same, so a training step allocates nothing: the matrix <see cref="Forward"/> returns
/// is valid until the layer's next forward call. A layer never modifies the matrix it receives.</para>
/// <para>Every layer also runs in double precision on the scalar reference kernels
/// (<see cref="ForwardDouble"/>, <see cref="BackwardDouble"/>): the gradient check uses that path, where
/// two-sided differences can reach the course's 1e-7 threshold.</para>
/// </remarks>
public abstract class Layer
{
    /// <summary>The layer's name within its model (<c>dense1</c>, <c>bn2</c>); qualifies its parameter names.</summary>
    public string Name { get; internal set; } = "";

    /// <summary>Training mode (batch statistics, dropout on) or inference mode.</summary>
    public bool Training { get; internal set; } = true;

    /// <summary>Number of input features, known once built.</summary>
    public int InputFeatures { get; private set; } = -1;

    /// <summary>Whether <see cref="Build"/> has run.</summary>
    public bool IsBuilt => InputFeatures >= 0;

    /// <summary>Short prefix for automatic names (<c>dense</c> → dense1, dense2, …).</summary>
    public abstract string Kind { get; }

    /// <summary>Number of output features for <paramref name="inputFeatures"/> inputs.</summary>
    public abstract int OutputFeatures(int inputFeatures);

    /// <summary>The layer's parameters (trainable and not), with qualified names; empty before <see cref="Build"/>.</summary>
    public virtual IReadOnlyList<Parameter> Parameters => [];

    /// <summary>Creates the parameters for <paramref name="inputFeatures"/> inputs, initialized from <paramref name="seed"/>.</summary>
    public void Build(int inputFeatures, int seed)
    {
        if (inputFeatures < 1)
            throw new ArgumentOutOfRangeException(nameof(inputFeatures), inputFeatures, $"inputFeatures: expected ≥ 1, actual {inputFeatures}.");
        InputFeatures = inputFeatures;
        OnBuild(inputFeatures, seed);
    }

    /// <summary>Creates parameters; called once by <see cref="Build"/>.</summary>
    protected virtual void OnBuild(int inputFeatures, int seed) { }

    /// <summary>Forward pass on a batch (m × <see cref="InputFeatures"/>).</summary>
    public Matrix Forward(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!IsBuilt) throw new InvalidOperationException($"{Describe()}: call Build (or add the layer to a Sequential and build it) before Forward.");
        if (x.Cols != InputFeatures)
            throw new ArgumentException($"x: {Describe()} expects {InputFeatures} input features, actual {x.Cols} (shape {x.Shape}).", nameof(x));
        if (x.Rows < 1) throw new ArgumentException($"x: {Describe()} expects a batch of at least 1 example, actual shape {x.Shape}.", nameof(x));
        return OnForward(x);
    }

    /// <summary>Backward pass: <paramref name="dy"/> = ∂J/∂(output); fills parameter gradients (overwriting) and returns ∂J/∂(input).</summary>
    public Matrix Backward(Matrix dy)
    {
        ArgumentNullException.ThrowIfNull(dy);
        if (!HasForwardCache) throw new InvalidOperationException($"{Describe()}: Backward needs a Forward in training mode first.");
        return OnBackward(dy);
    }

    /// <summary>
    /// <see cref="Backward"/> when <paramref name="dy"/> is a scratch buffer its owner no longer needs (the gradient a
    /// later layer produced): a layer may write ∂J/∂(input) over it, saving a buffer's worth of memory traffic.
    /// </summary>
    internal virtual Matrix BackwardConsuming(Matrix dy) => Backward(dy);

    /// <summary>Fills the parameter gradients without computing ∂J/∂(input); layers where that saves work override it.</summary>
    internal virtual void BackwardParameters(Matrix dy) => Backward(dy);

    /// <summary>Whether a forward pass has cached what the backward pass needs.</summary>
    protected abstract bool HasForwardCache { get; }

    /// <summary>The forward computation; <paramref name="x"/> is already checked.</summary>
    protected abstract Matrix OnForward(Matrix x);

    /// <summary>The backward computation.</summary>
    protected abstract Matrix OnBackward(Matrix dy);

    /// <summary>
    /// Forward pass in double precision on the reference kernels (row-major m × n), reading parameter values by name
    /// from <paramref name="parameters"/> (the gradient check perturbs them there; float values are not used).
    /// </summary>
    public abstract double[] ForwardDouble(double[] x, int rows, IReadOnlyDictionary<string, double[]> parameters);

    /// <summary>Backward pass in double precision; returns ∂J/∂(input) and adds nothing to the float gradients: it writes
    /// this layer's parameter gradients into <paramref name="gradients"/> by parameter name.</summary>
    public abstract double[] BackwardDouble(double[] dy, int rows, IDictionary<string, double[]> gradients);

    /// <summary>Extra state to checkpoint besides parameters (e.g. a dropout layer's step counter).</summary>
    public virtual IReadOnlyDictionary<string, long> SaveExtraState() => new Dictionary<string, long>();

    /// <summary>Restores what <see cref="SaveExtraState"/> returned.</summary>
    public virtual void LoadExtraState(IReadOnlyDictionary<string, long> state) { }

    /// <summary>A short description for messages and the model summary, e.g. <c>dense1 (Dense 64 → 256)</c>.</summary>
    public virtual string Describe() => string.IsNullOrEmpty(Name) ? GetType().Name : $"{Name} ({GetType().Name})";

    /// <summary>Returns <paramref name="buffer"/> if it already has the shape, otherwise a new matrix of that shape.</summary>
    protected static Matrix Reuse(ref Matrix? buffer, int rows, int cols)
    {
        if (buffer is null || buffer.Rows != rows || buffer.Cols != cols) buffer = new Matrix(rows, cols);
        return buffer;
    }
}
