using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace CourseKit.Grading.Protocol;

/// <summary>One case of a <see cref="CheckReport"/>.</summary>
/// <param name="Name">The case's name ("lecture example", "hidden case 2 (large logits)").</param>
/// <param name="Status">Its outcome.</param>
/// <param name="Hidden">Whether it is a hidden case (grading only).</param>
/// <param name="Message">What was wrong, or empty; a hidden case's never holds an expected value.</param>
/// <param name="Hint">A hint shown under a failing case, or null.</param>
public sealed record CaseReport(string Name, CaseStatus Status, bool Hidden, string Message, string? Hint = null)
{
    /// <summary>Whether the case passed.</summary>
    public bool Passed => Status == CaseStatus.Passed;
}

/// <summary>
/// A check's result as it travels: written by the library under <see cref="ProtocolMimeTypes.CheckResult"/>, read by
/// <c>coursekit run</c> for its summary and by the site; the grader writes its own from the scores it computes.
/// JSON: <c>{"name", "status", "points", "max_points", "summary", "cases": [{"name", "status", "passed", "hidden",
/// "message", "hint"?}]}</c>, statuses as <see cref="StatusNames"/> writes them.
/// </summary>
public sealed record CheckReport(string Name, CheckStatus Status, double Points, double MaxPoints, string Summary, IReadOnlyList<CaseReport> Cases)
{
    // Keeps ✓, ŷ and — readable in the .ipynb while still escaping < > & ' so the JSON can sit inside HTML.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The JSON text.</summary>
    public string ToJson() => ToJsonObject().ToJsonString(Options);

    /// <summary>The JSON object.</summary>
    public JsonObject ToJsonObject() => new()
    {
        ["name"] = Name,
        ["status"] = StatusNames.Of(Status),
        ["points"] = Points,
        ["max_points"] = MaxPoints,
        ["summary"] = Summary,
        ["cases"] = new JsonArray(Cases.Select(c =>
        {
            var o = new JsonObject
            {
                ["name"] = c.Name, ["status"] = StatusNames.Of(c.Status), ["passed"] = c.Passed, ["hidden"] = c.Hidden, ["message"] = c.Message,
            };
            if (c.Hint is not null) o["hint"] = c.Hint;
            return (JsonNode)o;
        }).ToArray()),
    };

    /// <summary>Reads a report (<c>summary</c> and <c>cases</c> may be left out); anything malformed is a <see cref="ProtocolException"/> that says what.</summary>
    public static CheckReport Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var o = JsonFields.Parse(json, "check result");
        string name = JsonFields.Text(o, "name", 200);
        if (name.Trim().Length == 0) throw new ProtocolException("'name': expected a check name, actual an empty string.");
        var cases = (o["cases"] is null ? [] : JsonFields.Array(o, "cases", ProtocolLimits.MaxCases)).Select((c, i) =>
        {
            var k = JsonFields.Object(c, $"case {i + 1}");
            return new CaseReport(JsonFields.Text(k, "name", 400), JsonFields.Enum(k, "status", StatusNames.ParseCase),
                JsonFields.Bool(k, "hidden"), JsonFields.Text(k, "message"), JsonFields.OptionalText(k, "hint"));
        }).ToList();
        return new CheckReport(name, JsonFields.Enum(o, "status", StatusNames.ParseCheck), JsonFields.Number(o, "points"),
            JsonFields.Number(o, "max_points"), JsonFields.OptionalText(o, "summary") ?? "", cases);
    }
}
