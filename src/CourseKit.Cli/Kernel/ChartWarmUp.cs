using CourseKit.Charts;
using CourseKit.Interactive.Display;
using Plotly.NET;
using Plotly.NET.CSharp;

namespace CourseKit.Cli.Kernel;

/// <summary>
/// Formats one small chart on the kernel's warm-up thread once Roslyn is warm, as a cell's chart would be (panels in a
/// grid, a title, an axis title, then HTML and Plotly's JSON): every chapter draws charts, and its first one otherwise
/// pays for loading Plotly.NET and FSharp.Core, their static initialization and jitting the figure's writers — measured
/// 140–150 ms for a chapter's first histogram in this kernel against 20–35 ms for the next (a quiet 2-core VM).
/// </summary>
/// <remarks>
/// Only with a second core: there it runs beside the first cells instead of ahead of them. Nothing it makes is kept;
/// the kernel's CourseKit.Core is the copy the cells use (its folder's, whatever the notebook's <c>#r</c> path).
/// </remarks>
internal static class ChartWarmUp
{
    public static void Run()
    {
        if (Environment.ProcessorCount < 2) return;
        var chart = Plots.Grid(1, 2,
            Plots.Histogram(new[] { 0.0, 1.0, 1.0 }, bins: 2).WithTitle("warm-up").WithXAxisStyle<double, double, string>(TitleText: "x"),
            Plots.Histogram(new[] { 0f, 1f }, bins: 2));
        _ = DisplayFormatter.Format(chart);
    }
}
