using CourseKit.Nn;
using CourseKit.Tensors;

namespace CourseKit.Training;

/// <summary>
/// Records what one layer receives and emits for fixed examples — once when created (before training) and after
/// every epoch — without changing the run: each record is a <see cref="Sequential.Probe"/> (running statistics and
/// dropout counters put back) seen through a <see cref="ForwardCapture"/>.
/// </summary>
/// <example>
/// <code>
/// var relu2 = new ProbeEachEpoch(model, "relu2", sample);      // record 0: before training
/// trainer.Fit(train, dev, new FitOptions { Epochs = 20, Callbacks = [relu2] });
/// relu2.Inputs[20];                                              // what relu2 received after epoch 20
/// </code>
/// </example>
public sealed class ProbeEachEpoch : ITrainingCallback
{
    private readonly Sequential _model;
    private readonly Layer _layer;
    private readonly Matrix _examples;
    private readonly List<(int Epoch, Matrix Input, Matrix Output)> _records = [];

    /// <summary>Probes <paramref name="layer"/> of <paramref name="model"/> on <paramref name="examples"/> (copied), recording once now.</summary>
    /// <param name="model">The model that will be trained (built).</param>
    /// <param name="layer">The layer's name or path, as <see cref="Sequential.Get(string)"/> takes it.</param>
    /// <param name="examples">The examples, m × n_in.</param>
    /// <param name="training">
    /// Probe in training mode (true: BatchNorm normalizes with these examples' own statistics, as in a training step)
    /// or in inference mode (false: with the running averages).
    /// </param>
    public ProbeEachEpoch(Sequential model, string layer, Matrix examples, bool training = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(examples);
        model.RequireBuilt();
        if (examples.Cols != model.InputFeatures)
            throw new ArgumentException($"examples: expected {model.InputFeatures} features (the model's inputs), actual shape {examples.Shape}.", nameof(examples));
        (_model, _layer, _examples, Training) = (model, model.Get(layer), examples.Clone(), training);
        Record(0);
    }

    /// <summary>Whether the probes run in training mode.</summary>
    public bool Training { get; }

    /// <summary>The epoch of each record: 0 for the one taken at creation, then the epochs as they ended.</summary>
    public IReadOnlyList<int> Epochs => _records.Select(r => r.Epoch).ToList();

    /// <summary>What the layer received, one matrix per record (m × its inputs); index k is record k.</summary>
    public IReadOnlyList<Matrix> Inputs => _records.Select(r => r.Input).ToList();

    /// <summary>What the layer emitted, one matrix per record.</summary>
    public IReadOnlyList<Matrix> Outputs => _records.Select(r => r.Output).ToList();

    /// <inheritdoc />
    public void OnEpochEnd(TrainingContext context, EpochRecord epoch)
    {
        if (!ReferenceEquals(context.Trainer.Model, _model))
            throw new InvalidOperationException($"ProbeEachEpoch: created for another model than the one being trained; probe the model you train.");
        Record(epoch.Epoch);
    }

    private void Record(int epoch)
    {
        using var capture = _layer.Capture();
        _model.Probe(_examples, Training);
        var call = capture.Calls[^1];
        _records.Add((epoch, call.Input!, call.Output!));
    }
}
