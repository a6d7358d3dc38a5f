using BenchmarkDotNet.Attributes;
using CourseKit.Charts;
using CourseKit.Data;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Training;
using Plotly.NET;

namespace CourseKit.Benchmarks;

/// <summary>
/// A chart's figure JSON written by Plotly.NET (<c>GenericChart.toFigureJson</c>, Json.NET's dynamic contract through
/// the C# runtime binder) and by CourseKit (<see cref="ChartHtml.FigureJson"/>, the same JSON through DynamicObj's own
/// API), and the whole notebook HTML a chart cell displays. Run:
/// <c>dotnet run -c Release --project tests/CourseKit.Benchmarks -- --filter '*ChartJson*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class ChartJsonBenchmarks
{
    private GenericChart _chart = null!;

    /// <summary>A chapter's small chart, a training run's curves, and a 200×200 decision-region grid.</summary>
    [Params("histogram_4", "learning_curves", "decision_regions_200")]
    public string Chart { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _chart = Chart switch
    {
        "histogram_4" => Plots.Histogram([1.0, 2, 2, 3]),
        "learning_curves" => Train().LearningCurves(),
        "decision_regions_200" => DecisionRegions.Plot(x => Enumerable.Range(0, x.Rows).Select(i => x[i, 0] < 0 ? 0 : 1).ToArray(),
            Synthetic.Spirals(300, arms: 3, noise: 0.05, seed: 0), resolution: 200),
        _ => throw new ArgumentOutOfRangeException(nameof(Chart), Chart, "Chart: expected one of the [Params] names."),
    };

    private static History Train()
    {
        var parts = Splits.Stratified(Synthetic.Blobs(600, centers: 3, noise: 0.8, seed: 4), [0.8, 0.2], seed: 1);
        var model = new Sequential(new Dense(16), new Relu(), new Dense(3)).Build(2, seed: 5);
        return new Trainer(model, new SoftmaxCrossEntropyLoss(), new Adam(0.01f))
            .Fit(parts[0], parts[1], new FitOptions { Epochs = 20, BatchSize = 32, Seed = 1 });
    }

    [Benchmark(Baseline = true)]
    public string PlotlyNetFigureJson() => GenericChart.toFigureJson(_chart);

    [Benchmark]
    public string CourseKitFigureJson() => _chart.FigureJson();

    [Benchmark]
    public string CourseKitNotebookHtml() => _chart.ToNotebookHtml();
}
