using Plotly.NET;
using static CourseKit.Charts.PlotlyInterop;

namespace CourseKit.Charts;

/// <summary>
/// Styling that Plotly.NET.CSharp 0.14 does not bind for C# (a chart title), and what CourseKit's grids need: one
/// color and one legend entry per run. Everything else is Plotly.NET's own API (<c>WithXAxisStyle</c>,
/// <c>WithTraceInfo</c>, <c>WithSize</c>, <c>WithLegendStyle</c>, …), whose documentation applies.
/// </summary>
public static class ChartStyling
{
    /// <summary>The chart's title (Plotly.NET's <c>Chart.withTitle</c>, which its C# bindings leave out), on a copy of its layout.</summary>
    public static GenericChart WithTitle(this GenericChart chart, string title)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(title);
        return MapLayout(chart, layout => layout.SetProperty("title", Style<Title>(("text", title))));
    }

    /// <summary>
    /// One color per run: traces that share a name — the same run drawn in several panels of a grid, or several
    /// times in one — get one color (the first color set on any of them, else the next of <see cref="Palette"/>) and
    /// one legend entry, and toggle together (a legend group per name). Unnamed traces keep their color and get no
    /// legend entry. A color per point (a marker colored by value) is left as it is.
    /// </summary>
    public static GenericChart WithRunColors(this GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var colors = new Dictionary<string, object>();
        foreach (var trace in Traces(chart))
            if (Name(trace) is { } name && RunColor(trace) is { } color) colors.TryAdd(name, color);
        foreach (string name in Traces(chart).Select(Name).OfType<string>().Distinct())
            colors.TryAdd(name, Palette.Color(colors.Count));
        var shown = new HashSet<string>();
        return MapTraces(chart, trace =>
        {
            if (Name(trace) is not { } name)
            {
                trace.SetProperty("showlegend", false);
                return trace;
            }
            trace.SetProperty("legendgroup", name);
            trace.SetProperty("showlegend", shown.Add(name));
            Paint(trace, colors[name]);
            return trace;
        });
    }

    // The single color a trace was given (its line's, else its marker's), or null: unset, or one per point.
    private static object? RunColor(Trace trace)
    {
        foreach (string part in (string[])["line", "marker"])
            if (Get(trace, part) is DynamicObj.DynamicObj style && Get(style, "color") is { } color && IsSingle(color))
                return color;
        return null;
    }

    private static bool IsSingle(object color) => color is string || (color is Color c && c.Value is string);

    private static void Paint(Trace trace, object color)
    {
        if (Type(trace) is not ("scatter" or "scattergl" or "histogram" or "bar" or "box" or "violin")) return;
        foreach (string part in (string[])["marker", "line"])
        {
            if (part == "line" && Type(trace) is not ("scatter" or "scattergl")) continue;
            if (Get(trace, part) is DynamicObj.DynamicObj { } set && Get(set, "color") is not null) continue;
            var style = Get(trace, part) is DynamicObj.DynamicObj existing ? ShallowCopy(existing) : new DynamicObj.DynamicObj();
            style.SetProperty("color", color);
            trace.SetProperty(part, style);
        }
    }
}
