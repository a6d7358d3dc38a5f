using System.Numerics;
using Plotly.NET;
using Plotly.NET.CSharp;
using Plotly.NET.TraceObjects;
using static CourseKit.Charts.PlotlyInterop;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace CourseKit.Charts;

/// <summary>
/// The Plotly.NET charts CourseKit's chapters compose, where Plotly.NET alone would need more code in a cell:
/// histograms with exactly the bins asked for, histograms overlaid in one panel, and grids whose panels keep their
/// titles and give each run one color and one legend entry. Each returns a Plotly.NET <see cref="GenericChart"/>,
/// styled further with Plotly.NET's own API.
/// </summary>
public static class Plots
{
    /// <summary>
    /// A histogram of <paramref name="values"/>: <paramref name="bins"/> equal bins from the smallest to the largest
    /// finite value (plotly's <c>nbinsx</c> is only an upper bound), or plotly's choice when null. NaN and ±∞ are
    /// left out of the counts, as plotly leaves them out.
    /// </summary>
    public static GenericChart Histogram<T>(IEnumerable<T> values, int? bins = null, string? name = null) where T : INumberBase<T>
    {
        double[] x = Series.NonEmpty(values, nameof(values));
        Optional<Bins> xbins = default;
        if (bins is { } n)
        {
            if (n < 1) throw new ArgumentOutOfRangeException(nameof(bins), n, $"bins: expected ≥ 1, actual {n}.");
            var (min, max) = Series.FiniteRange(x, nameof(values));
            // A hair wider than (max − min)/n so that the largest value falls inside the last bin, not on its right edge.
            double size = max > min ? (max - min) / n * (1 + 1e-9) : 1;
            xbins = Style<Bins>(("start", min), ("end", min + n * size), ("size", size));
        }
        return PlotlyChart.Histogram<double, double, string>(X: x, Name: name is null ? default(Optional<string>) : name, XBins: xbins,
            ShowLegend: name is not null);
    }

    /// <summary>
    /// <paramref name="charts"/> drawn on one pair of axes (Plotly.NET's <c>Chart.Combine</c>); two or more histograms
    /// overlay (<c>barmode: "overlay"</c>) at opacity 0.6 instead of standing side by side.
    /// </summary>
    public static GenericChart Overlay(params GenericChart[] charts)
    {
        RequireCharts(charts, nameof(charts), max: int.MaxValue);
        var combined = PlotlyChart.Combine(charts.Select(Copy));
        if (Traces(combined).Count(t => Type(t) == "histogram") < 2) return combined;
        combined = MapTraces(combined, trace =>
        {
            if (Type(trace) == "histogram" && Get(trace, "opacity") is null) trace.SetProperty("opacity", 0.6);
            return trace;
        });
        return MapLayout(combined, layout => layout.SetProperty("barmode", "overlay"));
    }

    /// <summary>
    /// Panels in a <paramref name="rows"/> × <paramref name="columns"/> grid, row by row (Plotly.NET's
    /// <c>Chart.Grid</c>): each panel keeps its axes' titles and scales, its title becomes the title above its cell,
    /// and every run — the traces that share a name — has one color in all panels and one legend entry
    /// (<see cref="ChartStyling.WithRunColors"/>). Sized for the grid (460 px per column, 380 px per row).
    /// </summary>
    public static GenericChart Grid(int rows, int columns, params GenericChart[] panels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        RequireCharts(panels, nameof(panels), max: rows * columns);
        string[] titles = panels.Select(p => Title(p) ?? "").ToArray();
        var grid = PlotlyChart.Grid(panels.Select(Copy), rows, columns, SubPlotTitles: titles).WithRunColors();
        return MapLayout(grid, layout =>
        {
            layout.RemoveProperty("title");
            layout.SetProperty("width", Math.Max(600, 460 * columns));
            layout.SetProperty("height", 60 + 380 * rows);
        });
    }

    private static void RequireCharts(GenericChart[] charts, string argument, int max)
    {
        ArgumentNullException.ThrowIfNull(charts, argument);
        if (charts.Length == 0 || charts.Length > max)
            throw new ArgumentException($"{argument}: expected 1 to {max} charts, actual {charts.Length}.", argument);
        for (int i = 0; i < charts.Length; i++)
            if (charts[i] is null) throw new ArgumentNullException(argument, $"{argument}[{i}]: expected a chart, actual null.");
    }
}
