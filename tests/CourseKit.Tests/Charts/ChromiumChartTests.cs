using System.Text.RegularExpressions;
using CourseKit.Charts;
using CourseKit.Data;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Tests.Support;
using CourseKit.Training;
using Xunit.Abstractions;

namespace CourseKit.Tests.Charts;

/// <summary>Draws a real figure with the real plotly.js in headless chromium: the page must draw and log no errors.</summary>
public sealed class ChromiumChartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    // What the softmax chapter will show: a small net trained on 3-arm spirals, its regions, and its cost per epoch.
    private static Figure ChapterFigure()
    {
        var data = Synthetic.Spirals(300, arms: 3, noise: 0.05, seed: 0);
        var model = new Sequential(new Dense(32), new Relu(), new Dense(32), new Relu(), new Dense(3)).Build(2, seed: 1);
        var loss = new SoftmaxCrossEntropyLoss();
        var history = new Trainer(model, loss, new Adam(0.02f)).Fit(data.Features, data.Labels,
            new FitOptions { Epochs = 40, BatchSize = 32, Seed = 2 });
        return Chart.Grid(1, 2, DecisionRegions.Plot(model, loss, data, resolution: 120), history.CostCurve(log: true))
            .WithTitle("Softmax on spirals: decision regions and cost");
    }

    [Fact]
    public void A_standalone_page_draws_the_chart_in_headless_chromium_without_console_errors()
    {
        HeadlessChromium.RequireInstalled();
        using var temp = new TempFolder();
        string page = temp.File("chart.html");
        ChapterFigure().SaveHtml(page);

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
}
