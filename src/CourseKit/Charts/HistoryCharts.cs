using Plotly.NET;
using Plotly.NET.CSharp;
using CourseKit.Training;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace CourseKit.Charts;

/// <summary>Learning curves of a training <see cref="History"/> in one call: <c>history.LearningCurves()</c>.</summary>
/// <remarks>Extension methods here, so that <c>Training</c> does not depend on <c>Charts</c>.</remarks>
public static partial class HistoryCharts
{
    /// <summary>
    /// Cost per epoch (train, and validation when recorded) beside accuracy per epoch, as a 1 × 2 grid in which train
    /// has one color and one legend entry, validation another. With <paramref name="perStepCost"/>, the mini-batch
    /// cost of every step is drawn faintly under the epoch curve (step j of n in epoch e at x = e − 1 + (j + 1)/n, so an
    /// epoch's last step sits at x = e).
    /// </summary>
    /// <param name="history">What <see cref="Trainer.Fit(CourseKit.Data.Dataset, CourseKit.Data.Dataset?, FitOptions?)"/> returned.</param>
    /// <param name="perStepCost">Also draw each mini-batch's cost (needs <see cref="FitOptions.RecordSteps"/>).</param>
    /// <param name="logCost">A log scale for the cost axis.</param>
    public static GenericChart LearningCurves(this History history, bool perStepCost = false, bool logCost = false) =>
        Plots.Grid(1, 2, history.CostCurve(perStepCost, logCost), history.AccuracyCurve());

    /// <summary>Cost per epoch: train and, when recorded, validation; optionally every step's mini-batch cost.</summary>
    /// <param name="history">What <see cref="Trainer.Fit(CourseKit.Data.Dataset, CourseKit.Data.Dataset?, FitOptions?)"/> returned.</param>
    /// <param name="perStepCost">Also draw each mini-batch's cost.</param>
    /// <param name="log">A log scale for the cost axis.</param>
    public static GenericChart CostCurve(this History history, bool perStepCost = false, bool log = false)
    {
        var epochs = RequireEpochs(history);
        var curves = new List<GenericChart>();
        if (perStepCost)
        {
            if (history.Steps.Count == 0)
                throw new ArgumentException("history: expected per-step records for perStepCost, actual none (FitOptions.RecordSteps was off).", nameof(history));
            double[] x = history.Steps.GroupBy(s => s.Epoch)
                .SelectMany(g => g.Select((_, j) => g.Key - 1 + (j + 1.0) / g.Count())).ToArray();
            curves.Add(PlotlyChart.Line<double, double, string>(x, history.Steps.Select(s => Series.Widen(s.Cost)), Name: "mini-batch cost",
                LineColor: Color.fromString(Palette.Color(0)), LineWidth: 1, Opacity: 0.35));
        }
        curves.Add(Curve(epochs, e => e.Cost, "train", 0));
        if (epochs.Any(e => e.ValidationCost is not null))
            curves.Add(Curve(epochs, e => e.ValidationCost ?? float.NaN, "validation", 1));
        return PlotlyChart.Combine(curves).WithTitle("Cost")
            .WithXAxisStyle<double, double, string>(TitleText: "epoch")
            .WithYAxisStyle<double, double, string>(TitleText: "cost", AxisType: log ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear);
    }

    /// <summary>Accuracy per epoch: train (in training mode, as Keras reports it) and, when recorded, validation.</summary>
    public static GenericChart AccuracyCurve(this History history)
    {
        var epochs = RequireEpochs(history);
        var curves = new List<GenericChart> { Curve(epochs, e => e.Accuracy, "train", 0) };
        if (epochs.Any(e => e.ValidationAccuracy is not null))
            curves.Add(Curve(epochs, e => e.ValidationAccuracy ?? float.NaN, "validation", 1));
        return PlotlyChart.Combine(curves).WithTitle("Accuracy")
            .WithXAxisStyle<double, double, string>(TitleText: "epoch")
            .WithYAxisStyle<double, double, string>(TitleText: "accuracy");
    }

    // Train in the first color and validation in the second, on every panel, so the panels read alike.
    private static GenericChart Curve(IReadOnlyList<EpochRecord> epochs, Func<EpochRecord, float> metric, string name, int color) =>
        PlotlyChart.Line<int, double, string>(epochs.Select(e => e.Epoch), epochs.Select(e => Series.Widen(metric(e))), Name: name,
            ShowMarkers: true, LineColor: Color.fromString(Palette.Color(color)), MarkerColor: Color.fromString(Palette.Color(color)));

    private static IReadOnlyList<EpochRecord> RequireEpochs(History history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Epochs.Count > 0 ? history.Epochs
            : throw new ArgumentException("history: expected at least one epoch, actual 0 (was Fit run?).", nameof(history));
    }
}
