namespace CourseKit.Charts;

/// <summary>Colors CourseKit's charts use: plotly's own default trace colors, so classes match the traces around them.</summary>
public static class Palette
{
    /// <summary>Plotly's default cycle (D3 category10): blue, orange, green, red, purple, brown, pink, grey, olive, cyan.</summary>
    public static IReadOnlyList<string> Category10 { get; } =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>The color of class (or trace) <paramref name="index"/>, cycling through <see cref="Category10"/>.</summary>
    public static string Color(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return Category10[index % Category10.Count];
    }
}
