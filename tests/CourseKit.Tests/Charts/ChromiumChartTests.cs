using System.Text.RegularExpressions;
using CourseKit.Charts;
using CourseKit.Data;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Tests.Support;
using CourseKit.Training;
using Plotly.NET;
using Plotly.NET.CSharp;
using Xunit.Abstractions;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace CourseKit.Tests.Charts;

/// <summary>Draws a real figure with the real plotly.js in headless chromium: the page must draw and log no errors.</summary>
[Trait("Category", "Slow")]
public sealed class ChromiumChartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    // What the softmax chapter will show: a small net trained on 3-arm spirals, its regions, and its cost per epoch.
    private static GenericChart ChapterFigure()
    {
        var data = Synthetic.Spirals(300, arms: 3, noise: 0.05, seed: 0);
        var model = new Sequential(new Dense(32), new Relu(), new Dense(32), new Relu(), new Dense(3)).Build(2, seed: 1);
        var loss = new SoftmaxCrossEntropyLoss();
        var history = new Trainer(model, loss, new Adam(0.02f)).Fit(data.Features, data.Labels,
            new FitOptions { Epochs = 40, BatchSize = 32, Seed = 2 });
        return Plots.Grid(1, 2, DecisionRegions.Plot(model, loss, data, resolution: 120), history.CostCurve(log: true))
            .WithTitle("Softmax on spirals: decision regions and cost");
    }

    [Fact]
    public void A_standalone_page_draws_the_chart_in_headless_chromium_without_console_errors()
    {
        HeadlessChromium.RequireInstalled();
        using var temp = new TempFolder();
        string page = temp.File("chart.html");
        ChapterFigure().SaveOfflineHtml(page);

        var (dom, log) = HeadlessChromium.Run(page, Timeout, "--dump-dom");
        Assert.True(dom.Contains("class=\"main-svg\"", StringComparison.Ordinal), $"plotly drew no svg; stderr:\n{log}");
        Assert.Contains("class=\"scatterlayer mlayer\"", dom);
        Assert.Matches(new Regex("class=\"point\"[^>]*d=\"M[0-9.,-]+"), dom);    // the data points
        Assert.Matches(new Regex("class=\"js-line\"[^>]*d=\"M[0-9.,-]+L"), dom); // the cost curve
        Assert.Contains("class=\"hm\"", dom);                                   // the regions' heatmap image
        Assert.Contains("Softmax on spirals", dom);
        Assert.Empty(HeadlessChromium.ConsoleErrors(log));

        string screenshot = Path.Combine(RepoRoot.Path, "artifacts", "screenshots", "decision-regions-and-cost.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);
        var (_, shotLog) = HeadlessChromium.Run(page, Timeout, $"--screenshot={screenshot}", "--window-size=900,600", "--hide-scrollbars");
        Assert.True(File.Exists(screenshot), $"no screenshot at {screenshot}; stderr:\n{shotLog}");
        byte[] png = File.ReadAllBytes(screenshot);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(png.Length > 20_000, $"screenshot is only {png.Length} bytes: a blank page?");
        Assert.Empty(HeadlessChromium.ConsoleErrors(shotLog));
        output.WriteLine($"screenshot: {screenshot} ({png.Length} bytes)");
    }

    [Fact]
    public void Notebook_html_draws_every_trace_kind_with_the_page_s_plotly_and_logs_no_errors()
    {
        HeadlessChromium.RequireInstalled();
        var moons = Synthetic.Moons(200, noise: 0.1, seed: 3);
        var rng = new Random(42);
        double[] costs = Enumerable.Range(0, 200).Select(_ => Math.Exp(rng.NextDouble() * 3 - 2)).ToArray();
        var figure = Plots.Grid(2, 3,
            DecisionRegions.Plot(x => Enumerable.Range(0, x.Rows).Select(i => x[i, 1] > 0.25 ? 0 : 1).ToArray(), moons, 60, RegionStyle.Contour),
            Plots.Histogram(costs, bins: 20).WithTitle("Histogram"),
            PlotlyChart.BoxPlot<string, double, string>(Y: costs, Name: "cost").WithTitle("Box")
                .WithYAxisStyle<double, double, string>(AxisType: StyleParam.AxisType.Log),
            PlotlyChart.Column<double, string, string>([0.91, 0.95, 0.97], Keys: new[] { "sgd", "momentum", "adam" }).WithTitle("Bar"),
            PlotlyChart.Point<double, double, string>(costs.Take(50), costs.Skip(50).Take(50), MarkerColor: Color.fromColorScaleValues(costs.Take(50))).WithTitle("Scatter"),
            PlotlyChart.Heatmap<double, int, int, string>([[1.0, 2], [3, 4]], X: new[] { 0, 1 }, Y: new[] { 0, 1 }).WithTitle("Heatmap"))
            .WithTitle("Every trace kind").WithSize(1200, 800);
        using var temp = new TempFolder();
        string page = temp.File("notebook.html");
        // As in a notebook whose earlier cell already loaded plotly: the cell's html must find window.Plotly and draw.
        File.WriteAllText(page, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script>{PlotlyJs.ReadScript()}</script></head><body>{figure.ToNotebookHtml()}</body></html>");

        var (dom, log) = HeadlessChromium.Run(page, Timeout, "--dump-dom");
        Assert.True(dom.Contains("class=\"main-svg\"", StringComparison.Ordinal), $"plotly drew no svg; stderr:\n{log}");
        foreach (string layer in (string[])["contourlayer", "barlayer", "boxlayer", "scatterlayer", "heatmaplayer"])
            Assert.True(dom.Contains(layer, StringComparison.Ordinal), $"no {layer} in the DOM; stderr:\n{log}");
        Assert.Empty(HeadlessChromium.ConsoleErrors(log));

        string screenshot = Path.Combine(RepoRoot.Path, "artifacts", "screenshots", "every-trace-kind.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);
        HeadlessChromium.Run(page, Timeout, $"--screenshot={screenshot}", "--window-size=1200,800", "--hide-scrollbars");
        Assert.True(File.Exists(screenshot), $"no screenshot at {screenshot}");
    }
}
