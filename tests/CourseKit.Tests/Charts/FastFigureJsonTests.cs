using System.Text.Json.Nodes;
using CourseKit.Charts;
using CourseKit.Data;
using CourseKit.Display;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Training;
using CourseKit.Tuning;
using Plotly.NET;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace CourseKit.Tests.Charts;

/// <summary>
/// CourseKit writes a chart's JSON itself (<see cref="PlotlyJson"/>) because Plotly.NET's own writer spends hundreds of
/// milliseconds in the C# runtime binder per chart. For every kind of chart CourseKit makes, and charts a learner builds
/// with Plotly.NET.CSharp, the figure and the config must be exactly what Plotly.NET writes, and so must what a page gets.
/// </summary>
public sealed class FastFigureJsonTests
{
    public static TheoryData<string> ChartNames => [.. Catalog.Keys];

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void The_figure_json_is_plotly_nets_character_for_character(string name)
    {
        var chart = Catalog[name]();
        Assert.Equal(GenericChart.toFigureJson(chart), PlotlyJson.Figure(chart));
        Assert.Equal(GenericChart.toFigureJson(chart), chart.FigureJson());
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void The_config_is_the_one_in_plotly_nets_chart_json(string name)
    {
        var chart = Catalog[name]();
        string config = JsonNode.Parse(GenericChart.toJson(chart))!["config"]!.ToJsonString();
        Assert.Equal(config, JsonNode.Parse(PlotlyJson.Config(chart))!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Pages_get_the_figure_they_got_from_plotly_nets_json(string name)
    {
        var chart = Catalog[name]();
        Assert.Equal(FigureFromPlotlyNet(chart), ChartHtml.Figure(chart));
        Assert.StartsWith("Chart: ", ChartFormatterSource.Summary(chart));
    }

    [Fact]
    public void Properties_are_read_without_the_runtime_binder_and_objects_never_compared_by_value()
    {
        var probe = new Probe();
        probe.SetProperty("text", "probe");
        var font = new DynamicObj.DynamicObj();
        font.SetProperty("size", 3);
        probe.SetProperty("font", font); // an object below the probe: the loop check compares it with the probe
        var chart = PlotlyInterop.MapLayout(Plots.Histogram([1.0, 2, 3]), layout => layout.SetProperty("meta", probe));
        string expected = GenericChart.toFigureJson(chart);
        Assert.True(probe.BinderReads > 0 && probe.EqualsCalls > 0, "Plotly.NET's own writer binds and compares: the probe must see it");
        (probe.BinderReads, probe.EqualsCalls) = (0, 0);
        Assert.Equal(expected, PlotlyJson.Figure(chart));
        Assert.Equal((0, 0), (probe.BinderReads, probe.EqualsCalls));
    }

    // A style object that counts what Json.NET's dynamic contract (binder reads) and its reference-loop check (Equals) do to it.
    private sealed class Probe : DynamicObj.DynamicObj
    {
        public int BinderReads, EqualsCalls;

        public override bool TryGetMember(System.Dynamic.GetMemberBinder binder, out object? result)
        {
            BinderReads++;
            return base.TryGetMember(binder, out result);
        }

        public override bool Equals(object? obj)
        {
            EqualsCalls++;
            return base.Equals(obj);
        }

        public override int GetHashCode() => base.GetHashCode();
    }

    // What ChartHtml.Figure computed before the fast writer: Plotly.NET's figure JSON with the config of its chart JSON.
    private static (string, double?, double?) FigureFromPlotlyNet(GenericChart chart)
    {
        var figure = JsonNode.Parse(GenericChart.toFigureJson(chart))!.AsObject();
        figure["config"] = JsonNode.Parse(GenericChart.toJson(chart))?["config"]?.DeepClone() ?? new JsonObject { ["responsive"] = true };
        var layout = figure["layout"] as JsonObject;
        double? Size(string key) => layout?[key] is JsonValue v && v.TryGetValue(out double d) ? d : null;
        return (figure.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal), Size("width"), Size("height"));
    }

    private static readonly Lazy<History> Trained = new(() => Train(0.01f));
    private static readonly Lazy<Study> Tuned = new(Tune);
    private static readonly Dataset Blobs = Synthetic.Blobs(90, centers: 3, noise: 0.8, seed: 4);

    private static History Train(float learningRate)
    {
        var parts = Splits.Stratified(Blobs, [0.8, 0.2], seed: 1);
        var model = new Sequential(new Dense(8), new Relu(), new Dense(3)).Build(2, seed: 5);
        return new Trainer(model, new SoftmaxCrossEntropyLoss(), new Adam(learningRate))
            .Fit(parts[0], parts[1], new FitOptions { Epochs = 3, BatchSize = 32, Seed = 1 });
    }

    private static Study Tune()
    {
        var study = Study.Create("catalog", Direction.Minimize, new RandomSampler(), new MedianPruner(startupTrials: 3, warmupSteps: 1), seed: 4);
        study.Optimize(t =>
        {
            double lr = t.Float("lr", 1e-4, 1, Scale.Log), cost = 0;
            int units = t.Int("units", 8, 64, step: 8);
            for (int step = 0; step < 4; step++)
            {
                cost = Math.Abs(Math.Log10(lr) + 2) + 8.0 / units + 1.0 / (step + 1);
                t.Report(step, cost);
                if (t.ShouldPrune()) throw new TrialPrunedException();
            }
            return cost;
        }, 12);
        return study;
    }

    private static ParameterDistributions Recorded()
    {
        var trainer = new Trainer(new Sequential(new Dense(4), new Relu(), new Dense(3)).Build(2, seed: 4), new SoftmaxCrossEntropyLoss(), new Adam(0.01));
        var recorder = new ParameterDistributions(trainer.Model);
        trainer.Fit(Blobs.Features, Blobs.Labels, new FitOptions { Epochs = 2, BatchSize = 32, Seed = 1, Callbacks = [recorder] });
        return recorder;
    }

    private static GenericChart Line(string name, params double[] ys) =>
        PlotlyChart.Line<int, double, string>(Enumerable.Range(1, ys.Length), ys, Name: name);

    // One of each chart CourseKit makes, and the Plotly.NET.CSharp charts the chapters build themselves.
    private static readonly Dictionary<string, Func<GenericChart>> Catalog = new()
    {
        ["histogram"] = () => Plots.Histogram([1.0, 2, 2, 3]),
        ["histogram_bins_name"] = () => Plots.Histogram(new[] { 0.5f, -1.25f, 3f, float.Epsilon, 1e30f }, bins: 4, name: "w"),
        ["overlay"] = () => Plots.Overlay(Plots.Histogram([1, 2, 3]), Plots.Histogram([2.5, 3.5], name: "b")),
        ["grid"] = () => Plots.Grid(1, 2, Line("a", 1, 0.5), Plots.Histogram([1, 2, 3])).WithTitle("grid </script> ünïcode \"quoted\""),
        ["learning_curves"] = () => Trained.Value.LearningCurves(),
        ["learning_curves_steps_log"] = () => Trained.Value.LearningCurves(perStepCost: true, logCost: true),
        ["cost_curve_log"] = () => Trained.Value.CostCurve(log: true),
        ["accuracy_curve"] = () => Trained.Value.AccuracyCurve(),
        ["compare"] = () => HistoryCharts.Compare([("slow", Trained.Value), ("fast", Train(0.05f))], HistoryMetric.Cost.OnLogScale(), HistoryMetric.DevAccuracy),
        ["cost_contours"] = () => CostContours.Plot((x, y) => x * x + 10 * y * y, (-2, 2), (-1, 1),
            [new OptimizerPath("gd", [1.5, 1.0, 0.5], [0.8, -0.4, 0.2])], resolution: 20, contours: 8),
        ["decision_regions_heatmap"] = () => DecisionRegions.Plot(x => Enumerable.Range(0, x.Rows).Select(i => x[i, 0] < 0 ? 0 : 1).ToArray(), Blobs, 15),
        ["decision_regions_contour"] = () => DecisionRegions.Plot(x => Enumerable.Range(0, x.Rows).Select(i => x[i, 1] < 0 ? 2 : 1).ToArray(), Blobs, 15, RegionStyle.Contour),
        ["distributions"] = () => Recorded().PlotOverEpochs(),
        ["distributions_gradients"] = () => Recorded().PlotOverEpochs(gradients: true, bins: 6),
        ["optimization_history"] = () => Tuned.Value.PlotOptimizationHistory(),
        ["parallel_coordinates"] = () => Tuned.Value.PlotParallelCoordinates(),
        ["slice"] = () => Tuned.Value.PlotSlice(),
        ["contour"] = () => Tuned.Value.PlotContour("lr", "units"),
        ["importance"] = () => Tuned.Value.PlotImportance(),
        ["intermediate_values"] = () => Tuned.Value.PlotIntermediateValues(showConfiguration: true),
        ["run_colors"] = () => PlotlyChart.Combine([Line("a", 1, 2), Line("b", 2, 1)]).WithRunColors(),
        ["csharp_points_and_lines"] = () => PlotlyChart.Combine([Line("line", 3, 1, 2),
            PlotlyChart.Point<int, double, string>([2], [1.0], Name: "best")]).WithTitle("points"),
        ["csharp_heatmap"] = () => PlotlyChart.Heatmap<double, int, int, string>([[0.0, 0.5], [1.0, double.NaN]], ShowScale: false),
    };
}
