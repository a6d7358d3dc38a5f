using CourseKit.Nn;

namespace CourseKit.Training;

/// <summary>
/// Records, per parameter, the distribution of its values and of its gradients over training — what Weights &amp;
/// Biases' <c>log_weights</c> / <c>log_gradients</c> and TensorBoard's histograms show: the values once when created
/// (epoch 0, before training) and at the end of every epoch; the gradients of every optimization step of an epoch,
/// pooled per epoch. It copies and never writes, so a run with the recorder is bit for bit the run without it.
/// </summary>
/// <example>
/// <code>
/// var recorder = new ParameterDistributions(model);                 // every Dense layer's W by default
/// trainer.Fit(train, dev, new FitOptions { Epochs = 50, Callbacks = [recorder] });
/// recorder.Histograms("dense1.W", gradients: true).Fractions[10];  // the gradient histogram of epoch 10
/// </code>
/// </example>
/// <remarks>
/// The gradient recorded is the one the optimizer used (after the L2 term, when there is one). Memory: each epoch keeps
/// one copy of the selected values and one per step of their gradients — meant for the small models of a case study.
/// </remarks>
public sealed class ParameterDistributions : ITrainingCallback
{
    private readonly Sequential _model;
    private readonly Parameter[] _parameters;
    private readonly Dictionary<int, float[][]> _values = [];
    private readonly Dictionary<int, List<float>[]> _gradients = [];

    /// <summary>Records <paramref name="model"/>'s parameters that <paramref name="select"/> accepts (trainable ones only), now and during training.</summary>
    /// <param name="model">The model that will be trained (built).</param>
    /// <param name="select">Which parameters to record; null records every weight matrix (local name <c>W</c>).</param>
    /// <exception cref="ArgumentException">No trainable parameter of the model is selected.</exception>
    public ParameterDistributions(Sequential model, Func<Parameter, bool>? select = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.RequireBuilt();
        select ??= p => p.LocalName == "W";
        _model = model;
        _parameters = model.TrainableParameters.Where(select).ToArray();
        if (_parameters.Length == 0)
            throw new ArgumentException($"select: expected at least one trainable parameter of the model, actual none among " +
                $"{string.Join(", ", model.TrainableParameters.Select(p => p.Name))}.", nameof(select));
        RecordValues(0);
    }

    /// <summary>The recorded parameters' names, in the model's order (<c>dense1.W</c>, <c>dense2.W</c>, …).</summary>
    public IReadOnlyList<string> Names => _parameters.Select(p => p.Name).ToList();

    /// <summary>The epochs whose values were recorded: 0 (at creation), then each epoch as it ended.</summary>
    public IReadOnlyList<int> Epochs => _values.Keys.Order().ToList();

    /// <summary>The values of <paramref name="name"/> at the end of <paramref name="epoch"/> (0: before training), flattened row by row.</summary>
    public float[] Values(string name, int epoch) =>
        _values.TryGetValue(epoch, out var record) ? record[IndexOf(name)].ToArray()
            : throw new ArgumentOutOfRangeException(nameof(epoch), epoch, $"epoch: expected one of the recorded epochs ({Describe(Epochs)}), actual {epoch}.");

    /// <summary>Every entry of <paramref name="name"/>'s gradient at every step of <paramref name="epoch"/> (≥ 1), pooled.</summary>
    public float[] Gradients(string name, int epoch) =>
        _gradients.TryGetValue(epoch, out var record) ? record[IndexOf(name)].ToArray()
            : throw new ArgumentOutOfRangeException(nameof(epoch), epoch,
                $"epoch: expected an epoch with recorded steps ({Describe(_gradients.Keys.Order().ToList())}), actual {epoch}.");

    /// <inheritdoc />
    public void OnBatchEnd(TrainingContext context, StepRecord step)
    {
        RequireModel(context);
        if (!_gradients.TryGetValue(step.Epoch, out var pooled))
            _gradients[step.Epoch] = pooled = _parameters.Select(_ => new List<float>()).ToArray();
        for (int k = 0; k < _parameters.Length; k++) pooled[k].AddRange(_parameters[k].Grad.AsSpan());
    }

    /// <inheritdoc />
    public void OnEpochEnd(TrainingContext context, EpochRecord epoch)
    {
        RequireModel(context);
        RecordValues(epoch.Epoch);
    }

    /// <summary>
    /// Histograms of <paramref name="name"/>'s values (or gradients) per recorded epoch, on <paramref name="bins"/> equal
    /// bins spanning the finite range over all epochs, so that epochs compare bin by bin.
    /// </summary>
    public DistributionHistograms Histograms(string name, bool gradients = false, int bins = 30)
    {
        int[] epochs = gradients ? _gradients.Keys.Order().ToArray() : _values.Keys.Order().ToArray();
        if (epochs.Length == 0)
            throw new InvalidOperationException($"{name}: no gradients recorded yet; pass the recorder in FitOptions.Callbacks and train.");
        return DistributionHistograms.Of(name, gradients, epochs, epochs.Select(e => gradients ? Gradients(name, e) : Values(name, e)).ToArray(), bins);
    }

    private void RecordValues(int epoch) => _values[epoch] = _parameters.Select(p => p.Value.AsSpan().ToArray()).ToArray();

    private int IndexOf(string name)
    {
        int index = Array.FindIndex(_parameters, p => p.Name == name);
        return index >= 0 ? index
            : throw new KeyNotFoundException($"name: '{name}' is not recorded; recorded: {string.Join(", ", Names)}.");
    }

    private void RequireModel(TrainingContext context)
    {
        if (!ReferenceEquals(context.Trainer.Model, _model))
            throw new InvalidOperationException("ParameterDistributions: created for another model than the one being trained; record the model you train.");
    }

    private static string Describe(IReadOnlyList<int> epochs) => epochs.Count == 0 ? "none" : $"{epochs[0]}–{epochs[^1]}";
}
