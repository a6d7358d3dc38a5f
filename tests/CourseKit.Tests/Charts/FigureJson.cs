using System.Text.Json;
using Plotly.NET;

namespace CourseKit.Tests.Charts;

/// <summary>
/// Parses a Plotly.NET chart's figure JSON (what plotly.js draws) for assertions on its content. Every chart a test
/// parses here is also a check of CourseKit's fast figure writer: its JSON must be Plotly.NET's, character for character.
/// </summary>
internal static class FigureJson
{
    public static JsonElement Parse(GenericChart chart)
    {
        string plotlyNets = GenericChart.toFigureJson(chart);
        Assert.Equal(plotlyNets, CourseKit.Charts.ChartHtml.FigureJson(chart));
        return JsonDocument.Parse(plotlyNets).RootElement.Clone();
    }

    public static JsonElement Trace(GenericChart chart, int index = 0) => Parse(chart).GetProperty("data")[index];

    public static JsonElement[] Traces(GenericChart chart) => Parse(chart).GetProperty("data").EnumerateArray().ToArray();

    public static JsonElement Layout(GenericChart chart) => Parse(chart).GetProperty("layout");

    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? double.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : e.GetDouble()).ToArray();

    public static string? Text(JsonElement element, params string[] path)
    {
        foreach (string key in path)
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(key, out element)) return null;
        return element.ValueKind == JsonValueKind.String ? element.GetString() : element.ToString();
    }
}
