using CourseKit.Nn;

namespace CourseKit.Optim;

/// <summary>
/// Updates trainable parameters from their gradients. Subclasses implement one update rule; state (velocities,
/// squared-gradient averages, the step count t) is keyed by parameter name so it survives a checkpoint round trip.
/// </summary>
public abstract class Optimizer
{
    private float _learningRate;

    /// <summary>Creates an optimizer with learning rate α.</summary>
    protected Optimizer(float learningRate) => LearningRate = learningRate;

    /// <summary>α, the step size; a learning-rate schedule sets it before each step or epoch.</summary>
    public float LearningRate
    {
        get => _learningRate;
        set
        {
            if (!(value > 0f) || !float.IsFinite(value))
                throw new ArgumentOutOfRangeException(nameof(LearningRate), value, $"learningRate: expected a finite value > 0, actual {value}.");
            _learningRate = value;
        }
    }

    /// <summary>t, the number of steps taken so far (Adam's bias correction uses it).</summary>
    public long Steps { get; protected set; }

    /// <summary>Applies one update to every trainable parameter in <paramref name="parameters"/>, then increments <see cref="Steps"/>.</summary>
    public void Step(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Steps++;
        foreach (var p in parameters)
            if (p.Trainable) Update(p);
    }

    /// <summary>Applies the update rule to one parameter; <see cref="Steps"/> is already the new t (1 on the first step).</summary>
    protected abstract void Update(Parameter parameter);

    /// <summary>The optimizer's state for a checkpoint: named float slots (e.g. <c>dense1.W/v</c>) and the step count.</summary>
    public virtual OptimizerState SaveState() => new(GetType().Name, Steps, LearningRate, new Dictionary<string, float[]>());

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when <paramref name="state"/> cannot be loaded for <paramref name="parameters"/>
    /// (another optimizer type, or slots whose sizes do not match); changes nothing.
    /// </summary>
    public virtual void ValidateState(OptimizerState state, IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(parameters);
        if (state.OptimizerType != GetType().Name)
            throw new ArgumentException($"state: expected optimizer state for {GetType().Name}, actual {state.OptimizerType}.", nameof(state));
        var sizes = parameters.ToDictionary(p => p.Name, p => p.Count);
        foreach (var (slot, values) in state.Slots)
        {
            string owner = slot.Contains('/') ? slot[..slot.LastIndexOf('/')] : slot;
            if (!sizes.TryGetValue(owner, out int size))
                throw new ArgumentException($"state: slot '{slot}' belongs to no trainable parameter of this model.", nameof(state));
            if (size != values.Length)
                throw new ArgumentException($"state: slot '{slot}': expected {size} values, actual {values.Length}.", nameof(state));
        }
    }

    /// <summary>Restores what <see cref="SaveState"/> produced; throws when the state belongs to another optimizer type.</summary>
    public virtual void LoadState(OptimizerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.OptimizerType != GetType().Name)
            throw new ArgumentException($"state: expected optimizer state for {GetType().Name}, actual {state.OptimizerType}.", nameof(state));
        Steps = state.Steps;
        LearningRate = state.LearningRate;
    }
}

/// <summary>A snapshot of an optimizer: its type, t, α and its per-parameter slots.</summary>
public sealed record OptimizerState(string OptimizerType, long Steps, float LearningRate, IReadOnlyDictionary<string, float[]> Slots);
