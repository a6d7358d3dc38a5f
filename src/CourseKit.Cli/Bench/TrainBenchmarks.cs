using System.Text.Json;
using CourseKit.Data;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Training;

namespace CourseKit.Cli.Bench;

/// <summary>One training benchmark: median epoch time (training only, validation excluded) and final test accuracy.</summary>
internal sealed record TrainResult(string Name, double MsPerEpoch, double TestAccuracy, int Epochs, int? EpochsTo95, string Backend = "cpu");

/// <summary>
/// The cases of <c>coursekit bench train</c>, mirrored in PyTorch by bench/compare_train.py: the digits network of the
/// BatchNorm chapter and a Fashion-MNIST network, single-threaded; on a device (<c>--backend</c>) the model is moved there
/// with <c>model.To(device)</c> and the very same trainer runs.
/// </summary>
internal static class TrainBenchmarks
{
    /// <param name="filter">digits or fashion_mnist; null: every case.</param>
    /// <param name="progress">Where to report progress; null: nowhere.</param>
    /// <param name="device">Where to train: null or <c>cpu</c> for the default path.</param>
    /// <param name="size">Overrides of the epochs and the number of training examples, for a quick check.</param>
    public static IReadOnlyList<TrainResult> Run(string? filter, TextWriter? progress, Devices.Device? device = null, TrainSize size = default)
    {
        var settings = new Settings(device ?? Devices.Device.Cpu, size, progress);
        var results = new List<TrainResult>();
        if (filter is null || "digits".Contains(filter, StringComparison.OrdinalIgnoreCase))
        {
            var splits = Splits.Stratified(Datasets.Digits(), [0.8, 0.2], seed: 0);
            results.Add(Measure("digits", splits[0], splits[1], hidden: [256, 256, 256], batchNorm: true, batchSize: 64, epochs: 30, settings));
            results.Add(Measure("digits_no_batchnorm", splits[0], splits[1], hidden: [256, 256, 256], batchNorm: false, batchSize: 64, epochs: 30, settings));
        }
        if (filter is null || "fashion_mnist".Contains(filter, StringComparison.OrdinalIgnoreCase))
        {
            var (train, test) = FashionMnist.Load();
            results.Add(Measure("fashion_mnist", train, test, hidden: [256, 256], batchNorm: true, batchSize: 128, epochs: 3, settings));
        }
        return results;
    }

    /// <summary>Dense(h, no bias) → BatchNorm → ReLU per hidden layer (Dense(h) → ReLU without BatchNorm), then Dense(classes).</summary>
    internal static Sequential Network(int inputs, int[] hidden, int classes, bool batchNorm, int seed)
    {
        var model = new Sequential();
        foreach (int h in hidden)
        {
            model.Add(new Dense(h, useBias: !batchNorm));
            if (batchNorm) model.Add(new BatchNorm());
            model.Add(new Relu());
        }
        return model.Add(new Dense(classes)).Build(inputs, seed);
    }

    private sealed record Settings(Devices.Device Device, TrainSize Size, TextWriter? Progress);

    private static TrainResult Measure(string name, Dataset train, Dataset test, int[] hidden, bool batchNorm, int batchSize, int epochs, Settings settings)
    {
        var progress = settings.Progress;
        epochs = settings.Size.Epochs ?? epochs;
        if (settings.Size.Examples is int n && n < train.Count) train = train.Subset(Enumerable.Range(0, n).ToArray());
        progress?.WriteLine($"  {name}: {train.Count} training examples, {epochs} epochs on {settings.Device.Name} …");
        var model = Network(train.FeatureCount, hidden, train.ClassCount, batchNorm, seed: 0).To(settings.Device);
        var trainer = new Trainer(model, new SoftmaxCrossEntropyLoss(), new Adam(1e-3f));
        var history = trainer.Fit(train, test, new FitOptions { Epochs = epochs, BatchSize = batchSize, Seed = 0, RecordSteps = false });
        double[] ms = history.Epochs.Select(e => e.Seconds * 1000).Order().ToArray();
        double median = ms.Length % 2 == 1 ? ms[ms.Length / 2] : (ms[ms.Length / 2 - 1] + ms[ms.Length / 2]) / 2;
        progress?.WriteLine($"    test accuracy by epoch: {string.Join(" ", history.Epochs.Select(e => e.ValidationAccuracy!.Value.ToString("F3")))}");
        return new TrainResult(name, median, history.Epochs[^1].ValidationAccuracy!.Value, epochs, history.FirstEpochReachingValidationAccuracy(0.95f), settings.Device.Name);
    }

    /// <summary>The rows as JSON; a row trained on a device carries its <c>backend</c> (the default cpu rows are as they always were).</summary>
    public static string ToJson(IReadOnlyList<TrainResult> results) => JsonSerializer.Serialize(results.Select(r =>
    {
        var row = new Dictionary<string, object?>
        {
            ["name"] = r.Name,
            ["ms_per_epoch"] = Math.Round(r.MsPerEpoch, 3),
            ["test_accuracy"] = Math.Round(r.TestAccuracy, 4),
            ["epochs"] = r.Epochs,
            ["epochs_to_95"] = r.EpochsTo95,
        };
        if (r.Backend != "cpu") row["backend"] = r.Backend;
        return row;
    }), new JsonSerializerOptions { WriteIndented = true });

    /// <summary>The rows as a table; the name says the backend when it is not the cpu.</summary>
    public static string ToTable(IReadOnlyList<TrainResult> results) =>
        $"{"name",-22} {"ms/epoch",10} {"test acc",9} {"epochs",7} {"epochs to 95%",14}\n" +
        string.Join("\n", results.Select(r => $"{(r.Backend == "cpu" ? r.Name : $"{r.Name} ({r.Backend})"),-22} {r.MsPerEpoch,10:F2} {r.TestAccuracy,9:P1} {r.Epochs,7} {r.EpochsTo95?.ToString() ?? "—",14}"));
}

/// <summary>Overrides of a training benchmark's size: its epochs and its number of training examples (null: the case's own).</summary>
internal readonly record struct TrainSize(int? Epochs = null, int? Examples = null);
