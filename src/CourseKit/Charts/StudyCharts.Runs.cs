using System.Globalization;
using CourseKit.Tuning;
using Plotly.NET;
using Plotly.NET.CSharp;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace CourseKit.Charts;

public static partial class StudyCharts
{
    // Viridis, as plotly draws it: dark purple (low) to yellow (high).
    private static readonly (double At, int R, int G, int B)[] Viridis =
        [(0, 68, 1, 84), (0.25, 59, 82, 139), (0.5, 33, 145, 140), (0.75, 94, 201, 98), (1, 253, 231, 37)];

    private static GenericChart PlotRunCurves(Study study)
    {
        var runs = RequirePoints(study, study.Runs().Rows.Where(r => r.Curve.Count > 0).ToList(), "run curves");
        double Last(RunRow r) => r.Curve.OrderBy(p => p.Key).Last().Value;
        bool maximize = study.Direction == Direction.Maximize;
        var (low, high) = (runs.Min(Last), runs.Max(Last));
        var lines = runs.OrderBy(r => maximize ? -Last(r) : Last(r)).ThenBy(r => r.Trial).Select(r =>
        {
            double goodness = high == low ? 1 : maximize ? (Last(r) - low) / (high - low) : (high - Last(r)) / (high - low);
            string color = ViridisAt(goodness);
            var points = r.Curve.OrderBy(p => p.Key).ToArray();
            return PlotlyChart.Line<int, double, string>(points.Select(p => p.Key), points.Select(p => p.Value),
                Name: $"trial {r.Trial}: {r.Describe()}{(r.State == TrialState.Complete ? "" : $" ({r.State.ToString().ToLowerInvariant()})")}",
                ShowMarkers: true, LineColor: Color.fromString(color), MarkerColor: Color.fromString(color),
                LineDash: r.State == TrialState.Complete ? StyleParam.DrawingStyle.Solid : StyleParam.DrawingStyle.Dot);
        });
        return PlotlyChart.Combine(lines).WithTitle($"Runs — {study.Name}")
            .WithXAxisStyle<double, double, string>(TitleText: "step")
            .WithYAxisStyle<double, double, string>(TitleText: "intermediate value");
    }

    private static string ViridisAt(double t)
    {
        t = Math.Clamp(t, 0, 1);
        int k = Math.Min((int)(t * (Viridis.Length - 1)), Viridis.Length - 2);
        var (a, b) = (Viridis[k], Viridis[k + 1]);
        double f = (t - a.At) / (b.At - a.At);
        int Mix(int x, int y) => (int)Math.Round(x + f * (y - x));
        return string.Create(CultureInfo.InvariantCulture, $"rgb({Mix(a.R, b.R)}, {Mix(a.G, b.G)}, {Mix(a.B, b.B)})");
    }
}
