using CourseKit.Tensors;

namespace CourseKit.Nn;

/// <summary>One forward call a <see cref="ForwardCapture"/> recorded: copies of what the layer received and emitted.</summary>
/// <param name="Call">0, 1, 2, … in the order of the layer's forward calls since the capture started.</param>
/// <param name="Training">Whether the layer ran in training mode (a training step, or a probe in training mode).</param>
/// <param name="Input">The layer's input (m × n_in), or null when inputs are not captured.</param>
/// <param name="Output">The layer's output (m × n_out), or null when outputs are not captured.</param>
public sealed record CapturedForward(int Call, bool Training, Matrix? Input, Matrix? Output);

/// <summary>
/// Records what one layer receives and emits on every forward call — in training steps, evaluation, predictions —
/// until disposed: <c>using var relu = model.Capture("relu2");</c>. It copies and never writes, so a run with a
/// capture is bit for bit the run without it (running statistics and results included).
/// </summary>
public sealed class ForwardCapture : IDisposable
{
    private readonly List<CapturedForward> _calls = [];
    private readonly ForwardHookHandle _handle;

    internal ForwardCapture(Layer layer, bool inputs, bool outputs)
    {
        if (!inputs && !outputs) throw new ArgumentException("inputs, outputs: expected at least one of them to be captured, actual neither.", nameof(outputs));
        Layer = layer;
        _handle = layer.Observe((l, x, y) =>
        {
            lock (_calls) _calls.Add(new CapturedForward(_calls.Count, l.Training, inputs ? x.Clone() : null, outputs ? y.Clone() : null));
        });
    }

    /// <summary>The layer observed.</summary>
    public Layer Layer { get; }

    /// <summary>Every call recorded so far, in order.</summary>
    public IReadOnlyList<CapturedForward> Calls { get { lock (_calls) return _calls.ToList(); } }

    /// <summary>The inputs of the calls recorded so far (when inputs are captured).</summary>
    public IReadOnlyList<Matrix> Inputs => Calls.Select(c => c.Input ?? throw NotCaptured("inputs")).ToList();

    /// <summary>The outputs of the calls recorded so far (when outputs are captured).</summary>
    public IReadOnlyList<Matrix> Outputs => Calls.Select(c => c.Output ?? throw NotCaptured("outputs")).ToList();

    /// <summary>The last call's input.</summary>
    public Matrix LastInput => Last.Input ?? throw NotCaptured("inputs");

    /// <summary>The last call's output.</summary>
    public Matrix LastOutput => Last.Output ?? throw NotCaptured("outputs");

    /// <summary>Forgets the calls recorded so far (the capture goes on).</summary>
    public void Clear()
    {
        lock (_calls) _calls.Clear();
    }

    /// <summary>Stops recording; what was recorded stays readable.</summary>
    public void Dispose() => _handle.Dispose();

    private CapturedForward Last
    {
        get
        {
            lock (_calls)
                return _calls.Count > 0 ? _calls[^1]
                    : throw new InvalidOperationException($"{Layer.Describe()}: no forward call recorded yet; run the model (Forward, Predict, Fit) while the capture is open.");
        }
    }

    private InvalidOperationException NotCaptured(string what) =>
        new($"{Layer.Describe()}: this capture does not record {what}; open it with {what}: true.");

    /// <inheritdoc />
    public override string ToString() => $"ForwardCapture of {Layer.Describe()}: {Calls.Count} calls";
}
