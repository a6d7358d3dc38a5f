using System.Collections;
using System.Globalization;
using System.Text;

namespace CourseKit.Interactive.Display;

/// <summary>
/// The engine's own <c>text/plain</c> rendering, used when a type brings no plain-text formatter: strings as they are,
/// numbers and dates culture-invariant, sequences as <c>[1, 2, 3, …]</c> (at most <see cref="MaxItems"/> items),
/// anything else through <see cref="object.ToString"/>.
/// </summary>
public static class PlainTextFormatter
{
    /// <summary>How many items of a sequence the preview shows before "…".</summary>
    public const int MaxItems = 20;

    /// <summary>The plain-text rendering of <paramref name="value"/> ("&lt;null&gt;" for null).</summary>
    public static string Format(object? value) => Format(value, depth: 0);

    // Nested sequences are previewed one level deep ([[1, 2], [3, 4]]), deeper ones by their type name.
    private static string Format(object? value, int depth) => value switch
    {
        null => "<null>",
        string s => depth > 0 ? $"\"{s}\"" : s,
        char c => depth > 0 ? $"'{c}'" : c.ToString(),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable sequence when depth < 2 => Preview(sequence, depth + 1),
        IEnumerable sequence => sequence.GetType().Name,
        _ => value.ToString() ?? value.GetType().FullName ?? "<object>",
    };

    private static string Preview(IEnumerable sequence, int depth)
    {
        var text = new StringBuilder("[");
        int count = 0;
        foreach (var item in sequence)
        {
            if (count == MaxItems)
            {
                text.Append(", …");
                break;
            }
            if (count > 0) text.Append(", ");
            text.Append(Format(item, depth));
            count++;
        }
        return text.Append(']').ToString();
    }
}
