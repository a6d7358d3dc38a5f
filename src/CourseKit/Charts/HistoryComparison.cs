using Plotly.NET;
using Plotly.NET.CSharp;
using CourseKit.Training;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace CourseKit.Charts;

/// <summary>
/// A quantity per epoch of a <see cref="History"/>, drawn as one panel of <see cref="HistoryCharts.Compare"/>: its title,
/// its axis label, how it is read from an <see cref="EpochRecord"/> (null where it was not recorded) and whether its
/// axis is logarithmic. The four that <see cref="Trainer"/> records are built in; any other is a new record.
/// </summary>
/// <param name="Title">The panel's title, e.g. <c>Dev accuracy</c>.</param>
/// <param name="Axis">The y-axis label.</param>
/// <param name="Read">The value of one epoch, or null when the epoch did not record it.</param>
/// <param name="Log">A log scale for the y-axis.</param>
public sealed record HistoryMetric(string Title, string Axis, Func<EpochRecord, float?> Read, bool Log = false)
{
    /// <summary>The training cost (the mean over the epoch's mini-batches, as Keras reports it).</summary>
    public static HistoryMetric Cost { get; } = new("Training cost", "cost", e => e.Cost);

    /// <summary>The cost on the dev (validation) set after the epoch.</summary>
    public static HistoryMetric DevCost { get; } = new("Dev cost", "cost", e => e.ValidationCost);

    /// <summary>The training accuracy (in training mode, as Keras reports it).</summary>
    public static HistoryMetric Accuracy { get; } = new("Training accuracy", "accuracy", e => e.Accuracy);

    /// <summary>The accuracy on the dev (validation) set after the epoch.</summary>
    public static HistoryMetric DevAccuracy { get; } = new("Dev accuracy", "accuracy", e => e.ValidationAccuracy);

    /// <summary>The same metric on a logarithmic axis.</summary>
    public HistoryMetric OnLogScale() => this with { Log = true };
}

public static partial class HistoryCharts
{
    /// <summary>
    /// Several runs' histories side by side: one panel per metric (a 1 × n grid; one metric gives one chart), one line
    /// per run in each, and each run one color and one legend entry across the panels — the curves of a W&amp;B or
    /// TensorBoard comparison. An epoch a metric was not recorded for is left as a gap.
    /// </summary>
    /// <param name="runs">Each run's name (its legend entry) and history, in legend order.</param>
    /// <param name="metrics">The panels, e.g. <c>HistoryMetric.Cost.OnLogScale(), HistoryMetric.DevAccuracy</c>.</param>
    /// <exception cref="ArgumentException">No run, no metric, a run without epochs, a metric that no run recorded, or two runs of one name.</exception>
    public static GenericChart Compare(IEnumerable<(string Name, History History)> runs, params HistoryMetric[] metrics)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(metrics);
        var list = runs.ToList();
        if (list.Count == 0) throw new ArgumentException("runs: expected at least one (name, history), actual none.", nameof(runs));
        if (metrics.Length == 0) throw new ArgumentException("metrics: expected at least one metric, actual none.", "metrics");
        foreach (var (name, history) in list)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(runs));
            if (history is null || history.Epochs.Count == 0)
                throw new ArgumentException($"runs: expected epochs in the history of '{name}', actual {(history is null ? "null" : "none")} (was Fit run?).", nameof(runs));
        }
        if (list.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"runs: expected distinct names (one legend entry per run), actual '{twice.Key}' {twice.Count()} times.", nameof(runs));
        var panels = metrics.Select(m => Panel(list, m ?? throw new ArgumentNullException(nameof(metrics)))).ToArray();
        return panels.Length == 1 ? panels[0].WithRunColors() : Plots.Grid(1, panels.Length, panels);
    }

    private static GenericChart Panel(List<(string Name, History History)> runs, HistoryMetric metric)
    {
        if (!runs.Any(r => r.History.Epochs.Any(e => metric.Read(e) is not null)))
            throw new ArgumentException($"metrics: no run recorded '{metric.Title}' (a dev metric needs a dev set in Fit).", "metrics");
        var lines = runs.Select((r, k) => PlotlyChart.Line<int, double, string>(r.History.Epochs.Select(e => e.Epoch),
            r.History.Epochs.Select(e => metric.Read(e) is { } v ? Series.Widen(v) : double.NaN), Name: r.Name, ShowMarkers: true,
            LineColor: Color.fromString(Palette.Color(k)), MarkerColor: Color.fromString(Palette.Color(k))));
        return PlotlyChart.Combine(lines).WithTitle(metric.Title)
            .WithXAxisStyle<double, double, string>(TitleText: "epoch")
            .WithYAxisStyle<double, double, string>(TitleText: metric.Axis, AxisType: metric.Log ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear);
    }
}
