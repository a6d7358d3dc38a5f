using System.Text.Json;
using CourseKit.Charts;

namespace CourseKit.Tests.Charts;

/// <summary>Parses a figure's JSON for assertions.</summary>
internal static class FigureJson
{
    public static JsonElement Parse(Figure figure) => JsonDocument.Parse(figure.ToJson()).RootElement.Clone();

    public static JsonElement Trace(Figure figure, int index = 0) => Parse(figure).GetProperty("data")[index];

    public static JsonElement Layout(Figure figure) => Parse(figure).GetProperty("layout");

    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static string[] Names(JsonElement obj) => obj.EnumerateObject().Select(p => p.Name).ToArray();
}
