using Microsoft.FSharp.Core;
using Plotly.NET;

namespace CourseKit.Charts;

/// <summary>
/// The few places CourseKit reaches into Plotly.NET's F# API (options, functions, dynamic trace and layout properties),
/// kept in one file so the chart helpers read as plain C#.
/// </summary>
internal static class PlotlyInterop
{
    /// <summary>The chart's traces, in drawing order (a grid's traces too, panel by panel).</summary>
    public static IReadOnlyList<Trace> Traces(GenericChart chart) => GenericChart.getTraces(chart).ToList();

    /// <summary>
    /// A new chart with <paramref name="change"/> applied to a copy of every trace. Plotly.NET's own functions
    /// (<c>mapTrace</c>, <c>Chart.Grid</c>, <c>Chart.Combine</c>) change the traces they are given in place; CourseKit's
    /// helpers leave the charts a learner passes them as they were.
    /// </summary>
    public static GenericChart MapTraces(GenericChart chart, Func<Trace, Trace> change) =>
        GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(trace => change(ShallowCopy(trace))), chart);

    /// <summary>A new chart with <paramref name="change"/> applied to a copy of its layout.</summary>
    public static GenericChart MapLayout(GenericChart chart, Action<Layout> change) =>
        GenericChart.mapLayout(FuncConvert.FromFunc<Layout, Layout>(layout =>
        {
            var copy = ShallowCopy(layout);
            change(copy);
            return copy;
        }), chart);

    /// <summary>A chart with copies of the traces and layout of <paramref name="chart"/>, for Plotly.NET functions to change.</summary>
    public static GenericChart Copy(GenericChart chart) => MapLayout(MapTraces(chart, trace => trace), _ => { });

    /// <summary>
    /// A new object of the same Plotly.NET type holding the same properties (the nested style objects are shared, so
    /// change a copy of those too: <see cref="ShallowCopy{T}"/> them before setting a property in them).
    /// </summary>
    public static T ShallowCopy<T>(T obj) where T : DynamicObj.DynamicObj
    {
        var clrType = obj.GetType();
        // Traces take their plotly type in the constructor (Trace2D("scatter")); style objects and layouts take nothing.
        var copy = (T)(clrType.GetConstructor(System.Type.EmptyTypes) is { } empty ? empty.Invoke(null) : Activator.CreateInstance(clrType, Get(obj, "type"))!);
        obj.ShallowCopyDynamicPropertiesTo(copy, FSharpOption<bool>.Some(true));
        return copy;
    }

    /// <summary>A dynamic property of a trace, layout or style object, or null when it is not set.</summary>
    public static object? Get(DynamicObj.DynamicObj obj, string property) =>
        obj.TryGetPropertyValue(property) is { } value && FSharpOption<object>.get_IsSome(value) ? value.Value : null;

    /// <summary>The trace's name (its legend entry), or null.</summary>
    public static string? Name(Trace trace) => Get(trace, "name") as string;

    /// <summary>The trace's plotly type (<c>scatter</c>, <c>histogram</c>, <c>heatmap</c>, …).</summary>
    public static string? Type(Trace trace) => Get(trace, "type") as string;

    /// <summary>
    /// A Plotly.NET style object (<see cref="Plotly.NET.Line"/>, <c>Bins</c>, <c>Contours</c>, <c>Dimension</c>, …) with
    /// plotly.js attributes set by their plotly.js names: Plotly.NET's own <c>init</c> functions take every optional
    /// F# argument positionally from C#.
    /// </summary>
    public static T Style<T>(params (string Attribute, object Value)[] attributes) where T : DynamicObj.DynamicObj, new()
    {
        var style = new T();
        foreach (var (attribute, value) in attributes) style.SetProperty(attribute, value);
        return style;
    }

    /// <summary>The chart's title text, or null.</summary>
    public static string? Title(GenericChart chart) =>
        Get(GenericChart.getLayout(chart), "title") is DynamicObj.DynamicObj title ? Get(title, "text") as string : null;
}
