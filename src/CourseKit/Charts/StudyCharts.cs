using System.Globalization;
using CourseKit.Tuning;
using Plotly.NET;
using Plotly.NET.CSharp;
using Plotly.NET.TraceObjects;
using static CourseKit.Charts.PlotlyInterop;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace CourseKit.Charts;

/// <summary>
/// A study's plots, as Optuna's visualization module draws them: <c>study.PlotOptimizationHistory()</c>,
/// <c>PlotParallelCoordinates()</c>, <c>PlotSlice()</c>, <c>PlotContour(x, y)</c>, <c>PlotImportance()</c>,
/// <c>PlotIntermediateValues()</c>, and a babysitting session's branches (<c>PlotBranches()</c>).
/// </summary>
/// <remarks>Extension methods here, so that <c>Tuning</c> does not depend on <c>Charts</c>.</remarks>
public static partial class StudyCharts
{
    /// <summary>Each complete trial's value (markers) and the best so far (a line), against the trial number.</summary>
    public static GenericChart PlotOptimizationHistory(this Study study)
    {
        var h = RequirePoints(study, study.OptimizationHistory(), "an optimization history");
        return PlotlyChart.Combine([
                PlotlyChart.Point<int, double, string>(h.Select(p => p.Number), h.Select(p => p.Value), Name: "trial"),
                PlotlyChart.Line<int, double, string>(h.Select(p => p.Number), h.Select(p => p.BestSoFar), Name: "best so far")])
            .WithTitle($"Optimization history — {study.Name}")
            .WithXAxisStyle<double, double, string>(TitleText: "trial")
            .WithYAxisStyle<double, double, string>(TitleText: "objective");
    }

    /// <summary>One vertical axis per parameter plus the objective, one line per complete trial, colored by its value.
    /// Log parameters are drawn as log10(x), reverse-log ones as log10(1 − x), categoricals by index.</summary>
    public static GenericChart PlotParallelCoordinates(this Study study)
    {
        var complete = RequirePoints(study, study.Trials.Where(t => t.State == TrialState.Complete).ToList(), "parallel coordinates");
        var values = complete.Select(t => t.Value!.Value).ToList();
        var dimensions = Searched(study).Select(p => Dimension(Label(p.Name, p.Distribution),
            complete.Select(t => t.InternalParams.TryGetValue(p.Name, out var v) ? PlotValue(p.Distribution, v) : double.NaN))).ToList();
        dimensions.Add(Dimension("objective", values));
        return PlotlyChart.ParallelCoord(dimensions, Name: "trials", LineColor: Color.fromColorScaleValues(values),
                LineColorScale: StyleParam.Colorscale.Viridis, ShowLineColorScale: true)
            .WithTitle($"Parallel coordinates — {study.Name}");
    }

    /// <summary>One panel per parameter: the objective against the parameter's value (log axis for log parameters),
    /// points colored by trial number.</summary>
    public static GenericChart PlotSlice(this Study study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var panels = Searched(study).Select(p =>
        {
            var s = study.SliceData(p.Name);
            var chart = PlotlyChart.Point<double, double, string>(s.Select(x => x.X), s.Select(x => x.Value), Name: p.Name,
                MarkerColor: Color.fromColorScaleValues(s.Select(x => (double)x.Number)), MarkerColorScale: StyleParam.Colorscale.Viridis);
            return chart.WithTitle(p.Name).WithXAxisStyle<double, double, string>(TitleText: p.Name,
                AxisType: IsLog(p.Distribution) ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear)
                .WithYAxisStyle<double, double, string>(TitleText: "objective");
        }).ToArray();
        if (panels.Length == 0) throw new InvalidOperationException($"Study '{study.Name}' has no parameters to slice.");
        int columns = Math.Min(3, panels.Length);
        return Plots.Grid((panels.Length + columns - 1) / columns, columns, panels).WithTitle($"Slice — {study.Name}");
    }

    /// <summary>A contour of the objective over two parameters (random-forest surface) with the trials as markers.</summary>
    public static GenericChart PlotContour(this Study study, string x, string y)
    {
        ArgumentNullException.ThrowIfNull(study);
        var c = study.Contour(x, y);
        return PlotlyChart.Combine([
                PlotlyChart.Contour<double, double, double, string>(c.Z, X: c.X, Y: c.Y, Name: "objective", Opacity: 0.8, ColorScale: StyleParam.Colorscale.Viridis),
                PlotlyChart.Point<double, double, string>(c.TrialX, c.TrialY, Name: "trials", MarkerColor: Color.fromString("white"),
                    MarkerOutline: Style<Line>(("color", "black"), ("width", 1.0)))])
            .WithTitle($"Contour — {study.Name}")
            .WithXAxisStyle<double, double, string>(TitleText: x, AxisType: Axis(study, x))
            .WithYAxisStyle<double, double, string>(TitleText: y, AxisType: Axis(study, y));
    }

    /// <summary>Parameter importance as bars (permutation importance on a random forest).</summary>
    public static GenericChart PlotImportance(this Study study, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(study);
        var importance = study.ParameterImportances(seed);
        return PlotlyChart.Column<double, string, string>(importance.Select(p => p.Importance), Keys: importance.Select(p => p.Name).ToArray(), Name: "importance")
            .WithTitle($"Parameter importance — {study.Name}")
            .WithYAxisStyle<double, double, string>(TitleText: "share of permutation importance");
    }

    /// <summary>The learning curves (intermediate values) of all trials — pruned ones stop where they were pruned.</summary>
    public static GenericChart PlotIntermediateValues(this Study study) => PlotIntermediateValues(study, showConfiguration: false);

    /// <summary>
    /// The learning curves of all trials; with <paramref name="showConfiguration"/>, the comparison chart of an experiment
    /// tracker: each curve named by its trial's configuration and colored by its last value on one color scale (dark
    /// for the worst, bright for the best), the legend best first, unfinished trials (pruned, failed) dotted.
    /// </summary>
    public static GenericChart PlotIntermediateValues(this Study study, bool showConfiguration)
    {
        if (showConfiguration) return PlotRunCurves(study);
        var curves = RequirePoints(study, study.Trials.Where(t => t.Intermediate.Count > 0).ToList(), "learning curves")
            .Select(t => PlotlyChart.Line<int, double, string>(t.Intermediate.Keys, t.Intermediate.Values,
                Name: $"trial {t.Number} ({t.State.ToString().ToLowerInvariant()})"));
        return PlotlyChart.Combine(curves).WithTitle($"Intermediate values — {study.Name}")
            .WithXAxisStyle<double, double, string>(TitleText: "step")
            .WithYAxisStyle<double, double, string>(TitleText: "intermediate value");
    }

    /// <summary>The learning curve of every branch of a babysitting session (<see cref="Babysitter.Replay"/>), each
    /// drawn from the epoch it started at.</summary>
    public static GenericChart PlotBranches(this Study study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var lines = Babysitter.Replay(study).Where(b => b.Curve.Count > 0).Select(b => PlotlyChart.Line<int, double, string>(b.Curve.Keys, b.Curve.Values,
            Name: $"trial {b.Trial}: {b.Action} α={b.LearningRate.ToString("G3", CultureInfo.InvariantCulture)} from epoch {b.FromEpoch}", ShowMarkers: true)).ToArray();
        if (lines.Length == 0) throw new InvalidOperationException($"Study '{study.Name}' has no babysat epochs to plot.");
        return PlotlyChart.Combine(lines).WithTitle($"Babysitting — {study.Name}")
            .WithXAxisStyle<double, double, string>(TitleText: "epoch")
            .WithYAxisStyle<double, double, string>(TitleText: study.Direction == Direction.Maximize ? "dev accuracy" : "dev cost");
    }

    private static IEnumerable<(string Name, Distribution Distribution)> Searched(Study study) =>
        study.Space.Where(p => p.Distribution is not FixedDistribution);

    private static Dimension Dimension(string label, IEnumerable<double> values) =>
        Style<Dimension>(("label", label), ("values", values.ToArray()));

    private static bool IsLog(Distribution d) => d is FloatDistribution { Scale: Scale.Log } or IntDistribution { Scale: Scale.Log };

    private static StyleParam.AxisType Axis(Study study, string name) =>
        study.Space.FirstOrDefault(p => p.Name == name).Distribution is { } d && IsLog(d) ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear;

    private static double PlotValue(Distribution d, double v) => d switch
    {
        _ when IsLog(d) => Math.Log10(v),
        FloatDistribution { Scale: Scale.ReverseLog } => Math.Log10(1 - v),
        _ => v,
    };

    private static string Label(string name, Distribution d) => d switch
    {
        _ when IsLog(d) => $"log10({name})",
        FloatDistribution { Scale: Scale.ReverseLog } => $"log10(1 − {name})",
        _ => name,
    };

    private static IReadOnlyList<T> RequirePoints<T>(Study study, IReadOnlyList<T> items, string what)
    {
        ArgumentNullException.ThrowIfNull(study);
        return items.Count > 0 ? items : throw new InvalidOperationException($"Study '{study.Name}' has no trials to draw {what} from yet.");
    }
}
