using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CourseKit.Grading;

namespace CourseKit.Display;

/// <summary>
/// <c>application/vnd.coursekit.check+json</c>: <c>{"name", "status", "points", "max_points", "summary",
/// "cases": [{"name", "passed", "hidden", "message"}]}</c> with status <c>passed | failed | not_implemented | error</c>.
/// Hidden cases' messages hold no expected values (see <see cref="Comparison.Describe"/>).
/// </summary>
public static class CheckResultJson
{
    // Keeps ✓, ŷ and — readable in the .ipynb while still escaping < > & ' so the JSON can sit inside HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The status as written in JSON.</summary>
    public static string StatusName(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "passed",
        CheckStatus.Failed => "failed",
        CheckStatus.NotImplemented => "not_implemented",
        _ => "error",
    };

    /// <summary>Writes <paramref name="result"/> as JSON to <paramref name="writer"/>.</summary>
    public static void Write(CheckResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ToJson(result));
    }

    /// <summary><paramref name="result"/> as a JSON string.</summary>
    public static string ToJson(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("name", result.Name);
            json.WriteString("status", StatusName(result.Status));
            json.WriteNumber("points", result.Points);
            json.WriteNumber("max_points", result.MaxPoints);
            json.WriteString("summary", result.Summary);
            json.WriteStartArray("cases");
            foreach (var c in result.Cases)
            {
                json.WriteStartObject();
                json.WriteString("name", c.Name);
                json.WriteBoolean("passed", c.Passed);
                json.WriteBoolean("hidden", c.Hidden);
                json.WriteString("message", c.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
