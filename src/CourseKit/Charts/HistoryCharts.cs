using CourseKit.Training;

namespace CourseKit.Charts;

/// <summary>Learning curves of a training <see cref="History"/> in one call: <c>history.LearningCurves()</c>.</summary>
/// <remarks>Extension methods here, so that <c>Training</c> does not depend on <c>Charts</c>.</remarks>
public static class HistoryCharts
{
    /// <summary>
    /// Cost per epoch (train, and validation when recorded) beside accuracy per epoch, as a 1 × 2 grid. With
    /// <paramref name="perStepCost"/>, the mini-batch cost of every step is drawn faintly under the epoch curve
    /// (step j of n in epoch e at x = e − 1 + (j + 1)/n, so an epoch's last step sits at x = e).
    /// </summary>
    /// <param name="history">What <see cref="Trainer.Fit(CourseKit.Data.Dataset, CourseKit.Data.Dataset?, FitOptions?)"/> returned.</param>
    /// <param name="perStepCost">Also draw each mini-batch's cost (needs <see cref="FitOptions.RecordSteps"/>).</param>
    /// <param name="logCost">A log scale for the cost axis.</param>
    public static Figure LearningCurves(this History history, bool perStepCost = false, bool logCost = false) =>
        Chart.Grid(1, 2, history.CostCurve(perStepCost, logCost), history.AccuracyCurve());

    /// <summary>Cost per epoch: train and, when recorded, validation; optionally every step's mini-batch cost.</summary>
    /// <param name="history">What <see cref="Trainer.Fit(CourseKit.Data.Dataset, CourseKit.Data.Dataset?, FitOptions?)"/> returned.</param>
    /// <param name="perStepCost">Also draw each mini-batch's cost.</param>
    /// <param name="log">A log scale for the cost axis.</param>
    public static Figure CostCurve(this History history, bool perStepCost = false, bool log = false)
    {
        var epochs = RequireEpochs(history);
        var curves = new List<Figure>();
        if (perStepCost)
        {
            if (history.Steps.Count == 0)
                throw new ArgumentException("history: expected per-step records for perStepCost, actual none (FitOptions.RecordSteps was off).", nameof(history));
            var x = history.Steps.GroupBy(s => s.Epoch)
                .SelectMany(g => g.Select((_, j) => g.Key - 1 + (j + 1.0) / g.Count()));
            curves.Add(Styled(Chart.Line(x, history.Steps.Select(s => s.Cost), "mini-batch cost"), Palette.Color(0), faint: true));
        }
        curves.Add(Styled(Chart.Line(epochs.Select(e => e.Epoch), epochs.Select(e => e.Cost), "train cost", ScatterMode.LinesAndMarkers), Palette.Color(0)));
        if (epochs.Any(e => e.ValidationCost is not null))
            curves.Add(Styled(Chart.Line(epochs.Select(e => e.Epoch), epochs.Select(e => e.ValidationCost ?? float.NaN), "validation cost", ScatterMode.LinesAndMarkers), Palette.Color(1)));
        return Chart.Combine(curves.ToArray()).WithTitle("Cost").WithXAxis("epoch").WithYAxis("cost", log: log);
    }

    /// <summary>Accuracy per epoch: train (in training mode, as Keras reports it) and, when recorded, validation.</summary>
    public static Figure AccuracyCurve(this History history)
    {
        var epochs = RequireEpochs(history);
        var curves = new List<Figure>
        {
            Styled(Chart.Line(epochs.Select(e => e.Epoch), epochs.Select(e => e.Accuracy), "train accuracy", ScatterMode.LinesAndMarkers), Palette.Color(0)),
        };
        if (epochs.Any(e => e.ValidationAccuracy is not null))
            curves.Add(Styled(Chart.Line(epochs.Select(e => e.Epoch), epochs.Select(e => e.ValidationAccuracy ?? float.NaN), "validation accuracy", ScatterMode.LinesAndMarkers), Palette.Color(1)));
        return Chart.Combine(curves.ToArray()).WithTitle("Accuracy").WithXAxis("epoch").WithYAxis("accuracy");
    }

    private static IReadOnlyList<EpochRecord> RequireEpochs(History history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Epochs.Count > 0 ? history.Epochs
            : throw new ArgumentException("history: expected at least one epoch, actual 0 (was Fit run?).", nameof(history));
    }

    // Train in the first color and validation in the second on both panels, so the two panels read alike.
    private static Figure Styled(Figure line, string color, bool faint = false) => new(
        line.Traces.Cast<ScatterTrace>().Select(t => t with
        {
            Line = new LineStyle { Color = color, Width = faint ? 1 : 2 },
            Marker = faint ? null : new Marker { Color = color },
            Opacity = faint ? 0.35 : null,
        }), line.Layout);
}
