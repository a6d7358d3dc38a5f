using System.Text.Json;
using System.Text.Json.Serialization;

namespace CourseKit.Charts;

/// <summary>
/// A plotly colorscale: a named one (<c>"Viridis"</c>, <c>"RdBu"</c>, …) or stops <c>[[0, color], …, [1, color]]</c>.
/// A string converts implicitly: <c>ColorScale scale = "Viridis";</c>.
/// </summary>
[JsonConverter(typeof(ColorScaleConverter))]
public sealed class ColorScale
{
    private ColorScale(string? name, IReadOnlyList<(double Position, string Color)>? stops) => (Name, Stops) = (name, stops);

    /// <summary>The plotly name, or null when this scale is given by stops.</summary>
    public string? Name { get; }

    /// <summary>The stops (position in [0, 1], CSS color), or null for a named scale.</summary>
    public IReadOnlyList<(double Position, string Color)>? Stops { get; }

    /// <summary>Plotly's Viridis (the default for values).</summary>
    public static ColorScale Viridis { get; } = new("Viridis", null);

    /// <summary>A named plotly scale such as <c>"Viridis"</c>, <c>"Cividis"</c>, <c>"RdBu"</c>.</summary>
    public static ColorScale Named(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new ColorScale(name, null);
    }

    /// <summary>Explicit stops; positions must rise from 0 to 1.</summary>
    public static ColorScale FromStops(IReadOnlyList<(double Position, string Color)> stops)
    {
        ArgumentNullException.ThrowIfNull(stops);
        if (stops.Count < 2) throw new ArgumentException($"stops: expected at least 2 stops, actual {stops.Count}.", nameof(stops));
        if (stops[0].Position != 0 || stops[^1].Position != 1)
            throw new ArgumentException($"stops: expected positions from 0 to 1, actual {stops[0].Position} to {stops[^1].Position}.", nameof(stops));
        for (int i = 1; i < stops.Count; i++)
            if (!(stops[i].Position >= stops[i - 1].Position))
                throw new ArgumentException($"stops[{i}]: expected a position ≥ {stops[i - 1].Position}, actual {stops[i].Position}.", nameof(stops));
        return new ColorScale(null, stops.ToArray());
    }

    /// <summary>
    /// A stepped scale for <paramref name="colors"/>.Length classes: value k (with <c>zmin = −0.5</c>,
    /// <c>zmax = K − 0.5</c>) gets exactly <c>colors[k]</c>, with no blending between classes.
    /// </summary>
    public static ColorScale Discrete(IReadOnlyList<string> colors)
    {
        ArgumentNullException.ThrowIfNull(colors);
        if (colors.Count == 0) throw new ArgumentException("colors: expected at least one color, actual 0.", nameof(colors));
        var stops = new List<(double, string)>(2 * colors.Count);
        for (int k = 0; k < colors.Count; k++)
        {
            stops.Add(((double)k / colors.Count, colors[k]));
            stops.Add(((double)(k + 1) / colors.Count, colors[k]));
        }
        return new ColorScale(null, stops);
    }

    /// <summary>A named plotly scale.</summary>
    public static implicit operator ColorScale(string name) => Named(name);

    /// <inheritdoc />
    public override string ToString() => Name ?? $"{Stops!.Count} stops";

    private sealed class ColorScaleConverter : JsonConverter<ColorScale>
    {
        public override ColorScale Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Colorscales are written, not read.");

        public override void Write(Utf8JsonWriter writer, ColorScale value, JsonSerializerOptions options)
        {
            if (value.Name is not null) { writer.WriteStringValue(value.Name); return; }
            writer.WriteStartArray();
            foreach (var (position, color) in value.Stops!)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(position);
                writer.WriteStringValue(color);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
    }
}
