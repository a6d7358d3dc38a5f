using CourseKit.Kernels;
using CourseKit.Nn;
using CourseKit.Tensors;

namespace CourseKit.Optim;

/// <summary>
/// Updates trainable parameters from their gradients. Subclasses implement one update rule; state (velocities,
/// squared-gradient averages, the step count t) is keyed by parameter name so it survives a checkpoint round trip.
/// </summary>
/// <remarks>
/// Per-parameter state arrays ("slots", e.g. <c>dense1.W/v</c>) are allocated once, on the first step that sees the
/// parameter, and reused afterwards: a training step allocates nothing. Before anything is updated, every trainable
/// gradient is checked to be finite and every existing state to match its parameter's size; a failed check throws
/// and leaves parameters, state and <see cref="Steps"/> unchanged. t is shared by all parameters: step them together.
/// </remarks>
public abstract partial class Optimizer
{
    private readonly Dictionary<string, float[][]> _state = new(StringComparer.Ordinal);
    private readonly List<Parameter> _buffer = [];
    private float _learningRate;

    /// <summary>Creates an optimizer with learning rate α (a double, as the tuner draws it; the updates run in float).</summary>
    protected Optimizer(double learningRate) => _learningRate = ScalarArguments.Positive(learningRate, nameof(learningRate));

    /// <summary>α, the step size; a learning-rate schedule sets it before each step or epoch.</summary>
    public float LearningRate
    {
        get => _learningRate;
        set
        {
            CheckLearningRate(value, nameof(LearningRate));
            _learningRate = value;
        }
    }

    /// <summary>t, the number of steps taken so far (Adam's bias correction uses it).</summary>
    public long Steps { get; protected set; }

    /// <summary>Names of the per-parameter state slots this rule keeps, e.g. <c>["v", "s"]</c> for Adam; empty for SGD.</summary>
    protected virtual IReadOnlyList<string> SlotNames => [];

    /// <summary>Applies one update to every trainable parameter in <paramref name="parameters"/>, then increments <see cref="Steps"/>.</summary>
    /// <exception cref="ArgumentException">A gradient holds NaN or ±∞, or a parameter's size differs from its saved state; nothing is updated.</exception>
    public void Step(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        // A list is walked twice (check, then update) without allocating; any other sequence is enumerated once.
        IReadOnlyList<Parameter> list = parameters as IReadOnlyList<Parameter> ?? Buffer(parameters);
        var device = DeviceOf(list);
        if (device is not null)
        {
            StepOnDevice(device, list);
            _buffer.Clear();
            return;
        }
        for (int i = 0; i < list.Count; i++)
            if (list[i].Trainable) Check(list[i]);
        // Only once every check passed (a failed step leaves no state), in the parameters' order, as a checkpoint lists it.
        if (SlotNames.Count > 0)
            for (int i = 0; i < list.Count; i++)
                if (list[i].Trainable) State(list[i]);
        Steps++;
        // Last to first: a network's first layer, the largest and the first the next step's forward pass reads, is
        // updated last and so is still partly in L2. Fashion-MNIST's step (784-256-256-10, Adam): the update 54–55 →
        // 48–51 µs, the next batch's gather 38–46 → 35–44 µs (StepPhases --wall, 2026-12-01). Each parameter's update
        // is independent of the others, so the order changes no result.
        for (int i = list.Count - 1; i >= 0; i--)
            if (list[i].Trainable) Update(list[i]);
        _buffer.Clear();
    }

    /// <summary>Applies the update rule to one parameter; <see cref="Steps"/> is already the new t (1 on the first step).</summary>
    protected abstract void Update(Parameter parameter);

    /// <summary>The state slots of <paramref name="parameter"/>, in <see cref="SlotNames"/> order, zero-filled on first use.</summary>
    protected float[][] State(Parameter parameter)
    {
        if (_state.TryGetValue(parameter.Name, out var slots)) return slots;
        if (TakeStateFromDevice(parameter.Name) is { } downloaded)
        {
            _state.Add(parameter.Name, downloaded);
            return downloaded;
        }
        slots = new float[SlotNames.Count][];
        for (int k = 0; k < slots.Length; k++) slots[k] = new float[parameter.Count];
        _state.Add(parameter.Name, slots);
        return slots;
    }

    /// <summary>The optimizer's state for a checkpoint: named float slots (e.g. <c>dense1.W/v</c>, copied) and the step count.</summary>
    public virtual OptimizerState SaveState()
    {
        var slots = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var (name, arrays) in _state.Concat(DeviceStateOnHost()))
            for (int k = 0; k < arrays.Length; k++) slots[$"{name}/{SlotNames[k]}"] = (float[])arrays[k].Clone();
        return new(GetType().Name, Steps, LearningRate, slots);
    }

    /// <summary>Restores what <see cref="SaveState"/> produced (copying the slots), replacing the current state.</summary>
    /// <remarks>All checks run first: on error nothing changes.</remarks>
    public virtual void LoadState(OptimizerState state) => LoadState(state, null);

    /// <summary>Restores <paramref name="state"/> and checks every slot's length against the parameter of the same name.</summary>
    /// <exception cref="ArgumentException">Another optimizer type, an unknown or missing slot, or a length mismatch; nothing changes.</exception>
    public void LoadState(OptimizerState state, IEnumerable<Parameter>? parameters)
    {
        ArgumentNullException.ThrowIfNull(state);
        var loaded = OptimizerStateReader.Read(state, GetType().Name, SlotNames, parameters);
        _state.Clear();
        ClearDeviceState();
        foreach (var (name, slots) in loaded) _state.Add(name, slots);
        Steps = state.Steps;
        _learningRate = state.LearningRate;
    }

    internal static void CheckLearningRate(float value, string argument) => ScalarArguments.Positive(value, argument);

    private void Check(Parameter p)
    {
        if (!Finite.All(p.Grad.AsSpan())) OptimizerStateReader.ThrowNonFiniteGradient(p);
        if (_state.TryGetValue(p.Name, out var slots) && slots.Length > 0 && slots[0].Length != p.Count)
            ThrowStateMismatch(p, slots[0].Length);
    }

    private static void ThrowStateMismatch(Parameter p, int actual) => throw new ArgumentException(
        $"{p.Name}: expected optimizer state of length {p.Count} (shape {p.Value.Shape}), actual {actual}; " +
        "another parameter was stepped under the same name.", "parameters");

    private List<Parameter> Buffer(IEnumerable<Parameter> parameters)
    {
        _buffer.Clear();
        foreach (var p in parameters) _buffer.Add(p);
        return _buffer;
    }
}

/// <summary>A snapshot of an optimizer: its type, t, α and its per-parameter slots.</summary>
public sealed record OptimizerState(string OptimizerType, long Steps, float LearningRate, IReadOnlyDictionary<string, float[]> Slots);
