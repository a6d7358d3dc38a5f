using System.Globalization;
using System.Text.Json;
using CourseKit.Charts;
using CourseKit.Data;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Training;
using CourseKit.Tuning;

/// <summary>
/// What a practitioner does with CourseKit outside the repository: a training run on the iris set embedded in the
/// library, the chart of its learning curves, and a study stored in SQLite, then reopened. Each result is one
/// "key: value" line. The package tests build this file into three consumer apps and compare their lines with the
/// ones this same code prints in the test process: same seeds, so the same numbers, bit for bit.
/// </summary>
/// <remarks>No namespace: a file-based app puts its top-level statement between these usings and this class.</remarks>
public static class PackageConsumer
{
    /// <summary>Runs everything, writing the chart and the study database into <paramref name="folder"/>.</summary>
    public static void Run(string folder, TextWriter output)
    {
        var parts = Splits.Stratified(Datasets.Iris(), [0.8, 0.2], seed: 0);
        var (train, dev) = (parts[0], parts[1]);
        var history = Fit(train, dev, units: 16, learningRate: 0.02, epochs: 30, seed: 0);
        Report(output, "first cost", history.Epochs[0].Cost);
        Report(output, "last cost", history.Epochs[^1].Cost);
        Report(output, "dev accuracy", history.Epochs[^1].ValidationAccuracy!.Value);
        Chart(history, Path.Combine(folder, "learning-curves.html"), output);
        Tune(train, dev, Path.Combine(folder, "study.db"), output);
        output.WriteLine($"library: {typeof(Study).Assembly.GetName().Name}");
    }

    private static History Fit(Dataset train, Dataset dev, int units, double learningRate, int epochs, int seed)
    {
        var model = new Sequential(new Dense(units), new Relu(), new Dense(train.ClassCount)).Build(train.FeatureCount, seed);
        var trainer = new Trainer(model, new SoftmaxCrossEntropyLoss(), new Adam((float)learningRate));
        return trainer.Fit(train.Features, train.Labels, new FitOptions
        {
            Epochs = epochs, BatchSize = 16, Seed = seed, ValidationFeatures = dev.Features, ValidationLabels = dev.Labels,
        });
    }

    private static void Chart(History history, string htmlPath, TextWriter output)
    {
        var chart = history.LearningCurves();
        File.WriteAllText(htmlPath, chart.ToNotebookHtml());
        using var figure = JsonDocument.Parse(chart.FigureJson());
        var traces = figure.RootElement.GetProperty("data").EnumerateArray().ToList();
        output.WriteLine($"chart traces: {string.Join(" | ", traces.Select(t => $"{t.GetProperty("name").GetString()} on {Axis(t)}"))}");
        output.WriteLine($"chart points: {traces.Sum(t => t.GetProperty("y").GetArrayLength())}");
        // The figure's own JSON sits in the page: the accuracy panel's title is one of its strings.
        bool pageHasFigure = File.ReadAllText(htmlPath).Contains("\"Accuracy\"", StringComparison.Ordinal);
        output.WriteLine($"chart html has the figure: {pageHasFigure}");
    }

    // Which y axis a trace is drawn on: "y" (the first panel) unless the trace names another.
    private static string Axis(JsonElement trace) =>
        trace.TryGetProperty("yaxis", out var axis) ? axis.GetString()! : "y";

    private static void Tune(Dataset train, Dataset dev, string databasePath, TextWriter output)
    {
        double DevAccuracy(Trial trial) =>
            Fit(train, dev, trial.Int("units", 4, 32, Scale.Log), trial.Float("lr", 1e-3, 0.1, Scale.Log), epochs: 5, trial.Seed)
                .Epochs[^1].ValidationAccuracy!.Value;

        using (var storage = new SqliteStorage(databasePath))
        {
            var study = Study.Create("iris", Direction.Maximize, new RandomSampler(), seed: 0, storage: storage);
            study.Optimize(DevAccuracy, trials: 3);
            Report(output, "study best", study.BestValue);
        }
        using var reopened = new SqliteStorage(databasePath);
        var loaded = Study.Load("iris", reopened);
        output.WriteLine($"reloaded complete trials: {loaded.Trials.Count(t => t.State == TrialState.Complete)}");
        Report(output, "reloaded best", loaded.BestValue);
        output.WriteLine($"reloaded best units: {loaded.BestParams["units"]}");
    }

    private static void Report(TextWriter output, string key, double value) =>
        output.WriteLine($"{key}: {value.ToString("R", CultureInfo.InvariantCulture)}");
}
