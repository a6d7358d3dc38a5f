using Newtonsoft.Json;
using Plotly.NET;

namespace CourseKit.Charts;

/// <summary>
/// A chart's JSON as Plotly.NET writes it (<c>GenericChart.toFigureJson</c>, the config of <c>GenericChart.toJson</c>),
/// character for character, written in milliseconds instead of hundreds of milliseconds: Plotly.NET's own settings
/// with two changes that cannot change the output.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Reference equality for Json.NET's reference-loop check. Json.NET looks each object up in the stack of objects
/// being written, with <c>Equals</c>; DynamicObj's <c>Equals</c> hashes both whole object trees, and the default
/// template's trace styles are F# sequences that deep-copy on every enumeration — so a 4-value histogram cost ≈ 200 ms
/// of CPU, nearly all in these lookups. Plotly.NET's settings write loops anyway
/// (<see cref="ReferenceLoopHandling.Serialize"/>), so the lookup's answer changes nothing.</item>
/// <item><see cref="DynamicObjJsonConverter"/>: reads properties through DynamicObj's API instead of the C# runtime binder.</item>
/// </list>
/// </remarks>
internal static class PlotlyJson
{
    private static readonly JsonSerializerSettings s_settings = FastSettings();

    /// <summary>Effectively <c>GenericChart.toFigureJson(chart)</c>: <c>{"data": [...], "layout": {...}, "frames": []}</c>.</summary>
    public static string Figure(GenericChart chart) => JsonConvert.SerializeObject(GenericChart.toFigure(chart), s_settings);

    /// <summary>Effectively the <c>config</c> member of <c>GenericChart.toJson(chart)</c>.</summary>
    public static string Config(GenericChart chart) => JsonConvert.SerializeObject(GenericChart.getConfig(chart), s_settings);

    // A copy of Plotly.NET's settings (Globals.JSON_CONFIG, the ones toFigureJson and toJson use) with the two changes.
    private static JsonSerializerSettings FastSettings()
    {
        var settings = new JsonSerializerSettings(Globals.JSON_CONFIG);
        if (settings.ReferenceLoopHandling != ReferenceLoopHandling.Serialize)
            throw new InvalidOperationException($"Plotly.NET's JSON settings: expected ReferenceLoopHandling.Serialize, actual {settings.ReferenceLoopHandling}; " +
                "the reference-equality loop check would then change what is written.");
        settings.EqualityComparer = ReferenceEqualityComparer.Instance;
        settings.Converters = [.. settings.Converters, new DynamicObjJsonConverter()];
        return settings;
    }
}
