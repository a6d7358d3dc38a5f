using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CourseKit.Charts;

/// <summary>
/// How figures become plotly.js JSON: attribute names in lower case as plotly spells them (<c>ShowScale</c> →
/// <c>showscale</c>, <c>XAxis</c> → <c>xaxis</c>), unset (null) attributes left out, numbers in invariant form, and
/// NaN and ±∞ written as <c>null</c> because JSON has no such numbers (plotly draws a null as a gap).
/// </summary>
/// <remarks>
/// The default encoder escapes <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c>, so the JSON can sit inside an HTML
/// <c>&lt;script&gt;</c> element whatever the titles contain.
/// </remarks>
public static class PlotlyJson
{
    /// <summary>The serializer options every figure is written with.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = new LowerCasePolicy(),
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new NonFiniteAsNullConverter() },
            // Named explicitly: a .NET 10 file-based app (dotnet run app.cs) defaults to PublishAot, which turns off
            // the implicit reflection resolver, and every figure would fail to serialize there.
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class LowerCasePolicy : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToLowerInvariant();
    }

    // Writes NaN and ±∞ as null: the JSON standard has no such numbers, and plotly reads null as "no value here".
    private sealed class NonFiniteAsNullConverter : JsonConverter<double>
    {
        public override bool HandleNull => false;

        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value)) writer.WriteNumberValue(value);
            else writer.WriteNullValue();
        }
    }
}
