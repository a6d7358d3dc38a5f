using Newtonsoft.Json;
using Plotly.NET;

namespace CourseKit.Charts;

/// <summary>
/// A chart's JSON as Plotly.NET writes it (<c>GenericChart.toFigureJson</c>, the config of <c>GenericChart.toJson</c>),
/// character for character, written in a few milliseconds instead of a few hundred: Plotly.NET's own settings with
/// <see cref="DynamicObjJsonConverter"/> added.
/// </summary>
internal static class PlotlyJson
{
    private static readonly JsonSerializerSettings s_settings = FastSettings();

    /// <summary>Effectively <c>GenericChart.toFigureJson(chart)</c>: <c>{"data": [...], "layout": {...}, "frames": []}</c>.</summary>
    public static string Figure(GenericChart chart) => JsonConvert.SerializeObject(GenericChart.toFigure(chart), s_settings);

    /// <summary>Effectively the <c>config</c> member of <c>GenericChart.toJson(chart)</c>.</summary>
    public static string Config(GenericChart chart) => JsonConvert.SerializeObject(GenericChart.getConfig(chart), s_settings);

    // A copy of Plotly.NET's settings (Globals.JSON_CONFIG, the ones toFigureJson and toJson use) with the converter added.
    private static JsonSerializerSettings FastSettings()
    {
        var settings = new JsonSerializerSettings(Globals.JSON_CONFIG);
        settings.Converters = [.. settings.Converters, new DynamicObjJsonConverter()];
        return settings;
    }
}
