namespace CourseKit.Charts;

/// <summary>
/// The colors CourseKit's charts use: the trace colors of Plotly.NET's default template (plotly's own "plotly"
/// colorway), so a run CourseKit colors and a trace Plotly.NET colors by default look alike.
/// </summary>
public static class Palette
{
    /// <summary>blue, red, green, purple, orange, cyan, pink, light green, light pink, yellow — as Plotly.NET's default template lists them.</summary>
    public static IReadOnlyList<string> Colors { get; } =
        ["rgba(99, 110, 250, 1.0)", "rgba(239, 85, 59, 1.0)", "rgba(0, 204, 150, 1.0)", "rgba(171, 99, 250, 1.0)", "rgba(255, 161, 90, 1.0)",
         "rgba(25, 211, 243, 1.0)", "rgba(255, 102, 146, 1.0)", "rgba(182, 232, 128, 1.0)", "rgba(255, 151, 255, 1.0)", "rgba(254, 203, 82, 1.0)"];

    /// <summary>The color of class (or run) <paramref name="index"/>, cycling through <see cref="Colors"/>.</summary>
    public static string Color(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return Colors[index % Colors.Count];
    }
}
