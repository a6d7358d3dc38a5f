using System.Text;
using System.Text.Json.Nodes;

namespace CourseKit.Interactive.Notebooks;

/// <summary>nbformat's multiline strings: either one string, or a list of lines each ending in "\n" except the last.</summary>
internal static class SourceLines
{
    /// <summary>Effectively computes <c>"".join(lines)</c> for a list, or returns the string; null for a missing value.</summary>
    public static string Join(JsonNode? node, string what)
    {
        switch (node)
        {
            case null:
                return "";
            case JsonArray lines:
                var text = new StringBuilder();
                foreach (var line in lines)
                {
                    if (line is not JsonValue value || !value.TryGetValue(out string? part))
                        throw new InvalidDataException($"{what}: expected a list of strings, found {line?.GetValueKind().ToString() ?? "null"} in it.");
                    text.Append(part);
                }
                return text.ToString();
            case JsonValue value when value.TryGetValue(out string? single):
                return single;
            default:
                throw new InvalidDataException($"{what}: expected a string or a list of strings, actual {node.GetValueKind()}.");
        }
    }

    /// <summary>Splits <paramref name="text"/> into lines that keep their "\n" (nbformat's <c>splitlines(True)</c> on "\n").</summary>
    public static JsonArray Split(string text)
    {
        var lines = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            int next = end < 0 ? text.Length : end + 1;
            lines.Add(JsonValue.Create(text[start..next]));
            start = next;
        }
        return lines;
    }

    /// <summary>Text in the form <paramref name="like"/> had: a string stays a string, anything else becomes a list.</summary>
    public static JsonNode ToNode(string text, JsonNode? like) =>
        like is JsonValue ? JsonValue.Create(text) : Split(text);
}
