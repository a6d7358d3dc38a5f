using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Interactive.Notebooks;

/// <summary>
/// Writes JSON nodes as Python's <c>json.dumps(nb, indent=1, ensure_ascii=False)</c> does (nbformat's writer; VS Code's
/// is the same): <c>"key": value</c>, one item per line, <c>[]</c> and <c>{}</c> for empty containers. Values read from a
/// file are written as their original text, so an untouched notebook comes back byte for byte.
/// </summary>
internal static class NbJson
{
    public static string Write(JsonNode? node, NotebookFormatting formatting)
    {
        var text = new StringBuilder();
        WriteNode(text, node, 0, formatting);
        if (formatting.FinalNewLine) text.Append(formatting.NewLine);
        return text.ToString();
    }

    private static void WriteNode(StringBuilder text, JsonNode? node, int depth, NotebookFormatting f)
    {
        switch (node)
        {
            case null: text.Append("null"); break;
            case JsonObject obj: WriteContainer(text, '{', '}', obj, depth, f, (p, d) => { WriteString(text, p.Key); text.Append(": "); WriteNode(text, p.Value, d, f); }); break;
            case JsonArray arr: WriteContainer(text, '[', ']', arr, depth, f, (item, d) => WriteNode(text, item, d, f)); break;
            case JsonValue value: WriteValue(text, value); break;
        }
    }

    private static void WriteContainer<T>(StringBuilder text, char open, char close, IEnumerable<T> items, int depth, NotebookFormatting f, Action<T, int> writeItem)
    {
        text.Append(open);
        bool first = true;
        foreach (var item in items)
        {
            text.Append(first ? "" : ",").Append(f.NewLine).Append(' ', (depth + 1) * f.IndentSize);
            writeItem(item, depth + 1);
            first = false;
        }
        if (!first) text.Append(f.NewLine).Append(' ', depth * f.IndentSize);
        text.Append(close);
    }

    private static void WriteValue(StringBuilder text, JsonValue value)
    {
        if (value.TryGetValue(out JsonElement element))
        {
            text.Append(element.GetRawText()); // as read: keeps the file's own escapes and number spelling
            return;
        }
        switch (value.GetValueKind())
        {
            case JsonValueKind.String: WriteString(text, value.GetValue<string>()); break;
            case JsonValueKind.True: text.Append("true"); break;
            case JsonValueKind.False: text.Append("false"); break;
            default: text.Append(value.ToJsonString()); break;
        }
    }

    private static void WriteString(StringBuilder text, string s)
    {
        text.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case < ' ': text.Append("\\u").Append(((int)c).ToString("x4")); break;
                default: text.Append(c); break;
            }
        }
        text.Append('"');
    }
}
