using CourseKit.Training;
using Plotly.NET;
using Plotly.NET.CSharp;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace CourseKit.Charts;

/// <summary>
/// A parameter's distribution over training, drawn as TensorBoard and Weights &amp; Biases draw histograms over time:
/// epochs across, the parameter's values (or gradients) up, the share of entries in each bin as the color.
/// </summary>
/// <remarks>Extension methods here, so that <c>Training</c> does not depend on <c>Charts</c>.</remarks>
public static class DistributionCharts
{
    /// <summary>
    /// A heatmap of <paramref name="histograms"/>: column e is epoch e's histogram, darker where more entries fall.
    /// Titled by the parameter (and "gradients" or "weights"); compose several with <see cref="Plots.Grid"/>.
    /// </summary>
    public static GenericChart PlotOverEpochs(this DistributionHistograms histograms)
    {
        ArgumentNullException.ThrowIfNull(histograms);
        double[] centers = histograms.Centers;
        // Plotly's z is indexed [y][x]: one row per bin, one column per epoch.
        double[][] z = centers.Select((_, b) => histograms.Fractions.Select(f => f[b]).ToArray()).ToArray();
        string what = histograms.Gradients ? "gradients" : "weights";
        return PlotlyChart.Heatmap<double, int, double, string>(z, X: histograms.Epochs, Y: centers, Name: histograms.Name,
                ColorScale: WhiteToBlue, ShowScale: false)
            .WithTitle($"{histograms.Name} — {what}")
            .WithXAxisStyle<double, double, string>(TitleText: "epoch")
            .WithYAxisStyle<double, double, string>(TitleText: histograms.Gradients ? "gradient" : "value");
    }

    // Empty bins white, the fullest the palette's first color: an empty bin must not look like a full one.
    private static readonly StyleParam.Colorscale WhiteToBlue = StyleParam.Colorscale.NewCustom(
        [Tuple.Create(0.0, Color.fromString("white")), Tuple.Create(1.0, Color.fromString(Palette.Color(0)))]);

    /// <summary>One <see cref="PlotOverEpochs(DistributionHistograms)"/> panel per recorded parameter, side by side: weights, or gradients.</summary>
    public static GenericChart PlotOverEpochs(this ParameterDistributions recorder, bool gradients = false, int bins = 30)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        var panels = recorder.Names.Select(n => recorder.Histograms(n, gradients, bins).PlotOverEpochs()).ToArray();
        return Plots.Grid(1, panels.Length, panels);
    }
}
