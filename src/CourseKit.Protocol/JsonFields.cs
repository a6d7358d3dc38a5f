using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Grading.Protocol;

/// <summary>Reads fields of a JSON object strictly: a missing or mistyped field is a <see cref="ProtocolException"/> naming it.</summary>
internal static class JsonFields
{
    public static JsonObject Parse(string json, string what)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 32 }) as JsonObject
                ?? throw new ProtocolException($"{what}: expected a JSON object.");
        }
        catch (JsonException e) { throw new ProtocolException($"{what}: not JSON ({e.Message})."); }
    }

    public static string Text(JsonObject o, string key, int maxLength = ProtocolLimits.MaxText) =>
        OptionalText(o, key, maxLength) ?? throw new ProtocolException($"'{key}': expected a string, actual {Show(o[key])}.");

    public static string? OptionalText(JsonObject o, string key, int maxLength = ProtocolLimits.MaxText)
    {
        var node = o[key];
        if (node is null) return null;
        if (node is not JsonValue v || !v.TryGetValue(out string? s))
            throw new ProtocolException($"'{key}': expected a string, actual {Show(node)}.");
        if (s.Length > maxLength) throw new ProtocolException($"'{key}': expected at most {maxLength} characters, actual {s.Length}.");
        return s;
    }

    public static int Int(JsonObject o, string key, int min = int.MinValue, int max = int.MaxValue) =>
        OptionalInt(o, key, min, max) ?? throw new ProtocolException($"'{key}': expected an integer, actual {Show(o[key])}.");

    public static int? OptionalInt(JsonObject o, string key, int min = int.MinValue, int max = int.MaxValue)
    {
        var node = o[key];
        if (node is null) return null;
        if (node is not JsonValue v || !v.TryGetValue(out int n))
            throw new ProtocolException($"'{key}': expected an integer, actual {Show(node)}.");
        if (n < min || n > max) throw new ProtocolException($"'{key}': expected {min}…{max}, actual {n}.");
        return n;
    }

    public static double Number(JsonObject o, string key)
    {
        if (o[key] is not JsonValue v || !v.TryGetValue(out double d) || !double.IsFinite(d))
            throw new ProtocolException($"'{key}': expected a finite number, actual {Show(o[key])}.");
        return d;
    }

    public static bool Bool(JsonObject o, string key, bool? missing = null)
    {
        if (o[key] is null && missing is { } fallback) return fallback;
        if (o[key] is not JsonValue v || !v.TryGetValue(out bool b))
            throw new ProtocolException($"'{key}': expected true or false, actual {Show(o[key])}.");
        return b;
    }

    public static JsonArray Array(JsonObject o, string key, int maxCount)
    {
        if (o[key] is not JsonArray a) throw new ProtocolException($"'{key}': expected an array, actual {Show(o[key])}.");
        if (a.Count > maxCount) throw new ProtocolException($"'{key}': expected at most {maxCount} items, actual {a.Count}.");
        return a;
    }

    public static JsonObject Object(JsonNode? node, string what) =>
        node as JsonObject ?? throw new ProtocolException($"{what}: expected a JSON object, actual {Show(node)}.");

    public static T Enum<T>(JsonObject o, string key, Func<string?, T?> parse) where T : struct =>
        parse(OptionalText(o, key, 64)) ?? throw new ProtocolException($"'{key}': expected a known name, actual {Show(o[key])}.");

    private static string Show(JsonNode? node)
    {
        if (node is null) return "missing";
        string text = node.ToJsonString();
        return text.Length <= 40 ? text : text[..40] + "…";
    }
}
