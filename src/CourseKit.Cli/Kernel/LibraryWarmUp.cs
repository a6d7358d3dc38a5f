using CourseKit.Interactive.Execution;

namespace CourseKit.Cli.Kernel;

/// <summary>
/// The kernel's second warm-up, once Roslyn is warm: a throwaway cell, as a chapter's first cells are, that references
/// CourseKit.Core, imports the namespaces the chapters import and displays a small chart (panels in a grid, a title,
/// an axis title). A chapter's first cell otherwise pays for Roslyn reading the library's, Plotly.NET's and
/// FSharp.Core's metadata for the first time, and its first chart for loading Plotly.NET and FSharp.Core, their static
/// initialization and jitting the figure's writers (measured in this kernel: 140–150 ms for a chapter's first
/// histogram against 20–35 ms for the next, on a quiet 2-core VM).
/// </summary>
/// <remarks>
/// Only with a second core: there it runs beside the first cells instead of ahead of them. Nothing it makes is kept
/// (its session is its own); the CourseKit.Core it loads is the kernel's own copy, the one every cell runs with
/// whatever path a notebook's <c>#r</c> names.
/// </remarks>
internal static class LibraryWarmUp
{
    private const string Cell = """
        #r "CourseKit.Core.dll"
        using CourseKit.Charts;
        using CourseKit.Data;
        using CourseKit.Grading;
        using CourseKit.Nn;
        using CourseKit.Optim;
        using CourseKit.Tensors;
        using CourseKit.Training;
        using Plotly.NET;
        using Plotly.NET.CSharp;
        Plots.Grid(1, 2,
            Plots.Histogram(new[] { 0.0, 1.0, 1.0 }, bins: 2).WithTitle("warm-up").WithXAxisStyle<double, double, string>(TitleText: "x"),
            Plots.Histogram(new[] { 0f, 1f }, bins: 2))
        """;

    public static void Run()
    {
        if (Environment.ProcessorCount < 2) return;
        CellSession.WarmUp(Cell);
    }
}
