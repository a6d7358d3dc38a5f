using System.Diagnostics;
using CourseKit.Data;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Tensors;

namespace CourseKit.Training;

/// <summary>
/// The fit loop: for each epoch, shuffled mini-batches → forward → cost and dZ → backward (+ L2) → optimizer step,
/// recording learning curves and calling callbacks; validation in inference mode after each epoch.
/// </summary>
/// <remarks>
/// Everything random is seeded: the model's initialization (its Build seed), the mini-batch order (the fit seed and
/// the epoch number), dropout masks (the layer's seed and pass count). A run resumed from a checkpoint taken at the
/// end of epoch k, with <see cref="FitOptions.InitialEpoch"/> = k, continues bit-identically.
/// </remarks>
public sealed partial class Trainer(Sequential model, ILoss loss, Optimizer optimizer)
{
    private Matrix? _dOutput;
    private IReadOnlyList<Parameter>? _trainable;

    /// <summary>The model being trained.</summary>
    public Sequential Model { get; } = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>The cost on the model's output.</summary>
    public ILoss Loss { get; } = loss ?? throw new ArgumentNullException(nameof(loss));

    /// <summary>The update rule.</summary>
    public Optimizer Optimizer { get; } = optimizer ?? throw new ArgumentNullException(nameof(optimizer));

    /// <summary>Trains on (<paramref name="x"/>, <paramref name="labels"/>) as <paramref name="options"/> say; returns the history.</summary>
    /// <remarks>The same as <see cref="Fit(Dataset, Dataset?, FitOptions?)"/> with the data as a matrix and labels.</remarks>
    public History Fit(Matrix x, int[] labels, FitOptions options)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(x.Rows);
        if (labels.Length != x.Rows)
            throw new ArgumentException($"labels: expected one label per row of x ({x.Rows}), actual {labels.Length}.", nameof(labels));
        if (!options.DropLastBatch && x.Rows % options.BatchSize == 1 && Model.AllLayers.OfType<BatchNorm>().Any())
            throw new ArgumentException(
                $"BatchSize: {x.Rows} examples in batches of {options.BatchSize} leave a last batch of 1 example, and BatchNorm " +
                "cannot train on one example (its batch variance is 0). Set DropLastBatch = true or choose another batch size.", nameof(options));
        var history = new History();
        var context = new TrainingContext(this, history);
        var batches = new MiniBatches(x, labels, options.BatchSize, options.Seed, options.DropLastBatch, shuffle: true, reuseBuffers: true);
        for (int epoch = options.InitialEpoch + 1; epoch <= options.Epochs && !context.StopRequested; epoch++)
        {
            var record = RunEpoch(batches, epoch, options, history, context);
            history.Add(record);
            foreach (var callback in options.Callbacks) callback.OnEpochEnd(context, record);
        }
        return history;
    }

    /// <summary>Mean cost and accuracy on (<paramref name="x"/>, <paramref name="labels"/>) in inference mode, in batches.</summary>
    public Evaluation Evaluate(Matrix x, int[] labels, int batchSize = 1024)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != x.Rows)
            throw new ArgumentException($"labels: expected one label per row of x ({x.Rows}), actual {labels.Length}.", nameof(labels));
        if (x.Rows < 1) throw new ArgumentException($"x: expected at least 1 example to evaluate, actual shape {x.Shape}.", nameof(x));
        bool wasTraining = Model.IsTraining;
        Model.Eval();
        try
        {
            if (Model.Placement is { } device) return EvaluateOnDevice(device, x, labels, batchSize);
            double cost = 0;
            long correct = 0;
            foreach (var (bx, by) in new MiniBatches(x, labels, batchSize, seed: 0, dropLast: false, shuffle: false, reuseBuffers: true).Epoch(1))
            {
                var output = Model.ForwardShared(bx);
                cost += (double)Loss.Compute(output, by, null) * bx.Rows;
                correct += CountCorrect(output, by);
            }
            return new Evaluation((float)(cost / x.Rows), (float)correct / x.Rows);
        }
        finally
        {
            if (wasTraining) Model.Train();
        }
    }

    private EpochRecord RunEpoch(MiniBatches batches, int epoch, FitOptions options, History history, TrainingContext context)
    {
        var clock = Stopwatch.StartNew();
        Model.Train();
        double costSum = 0;
        long correct = 0, seen = 0;
        foreach (var (bx, by) in batches.Epoch(epoch))
        {
            float rate = options.Schedule?.Apply(Optimizer, epoch) ?? Optimizer.LearningRate;
            float cost = Step(bx, by, (float)options.L2, out int batchCorrect);
            costSum += (double)cost * bx.Rows;
            correct += batchCorrect;
            seen += bx.Rows;
            var step = new StepRecord(epoch, Optimizer.Steps, cost, rate);
            if (options.RecordSteps) history.Add(step);
            foreach (var callback in options.Callbacks) callback.OnBatchEnd(context, step);
            if (context.StopRequested) break;
        }
        double seconds = clock.Elapsed.TotalSeconds;
        Evaluation? validation = options.ValidationFeatures is null ? null
            : Evaluate(options.ValidationFeatures, options.ValidationLabels!);
        return new EpochRecord(epoch, seen == 0 ? float.NaN : (float)(costSum / seen), seen == 0 ? float.NaN : (float)correct / seen,
            validation?.Cost, validation?.Accuracy, Optimizer.LearningRate, Optimizer.Steps, seconds);
    }

    /// <summary>One optimization step on a batch; returns its cost (with the L2 term when λ &gt; 0).</summary>
    private float Step(Matrix x, int[] labels, float lambda, out int correct)
    {
        if (Model.Placement is { } device) return StepOnDevice(device, x, labels, lambda, out correct);
        var output = Model.ForwardShared(x);
        var dOutput = _dOutput is { } d && d.Rows == output.Rows && d.Cols == output.Cols ? d : _dOutput = new Matrix(output.Rows, output.Cols);
        float cost = Loss.Compute(output, labels, dOutput);
        correct = CountCorrect(output, labels);
        Model.BackwardParameters(dOutput);
        if (lambda > 0f)
        {
            cost += Model.L2Penalty(lambda, x.Rows);
            Model.AddL2Gradients(lambda, x.Rows);
        }
        Optimizer.Step(_trainable ??= Model.TrainableParameters);
        return cost;
    }

    private int CountCorrect(Matrix output, int[] labels)
    {
        int[] predicted = Loss.Predict(output);
        int correct = 0;
        for (int i = 0; i < predicted.Length; i++) if (predicted[i] == labels[i]) correct++;
        return correct;
    }
}
