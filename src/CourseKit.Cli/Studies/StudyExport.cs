using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CourseKit.Tuning;

namespace CourseKit.Cli.Studies;

/// <summary>
/// <c>coursekit study export</c>: CSV with one row per trial (the columns of Optuna's <c>trials_dataframe</c>:
/// number, value, datetime_start, datetime_complete, duration, params_*, state; then seed, the last intermediate value
/// and the error) or JSON with everything the storage keeps.
/// </summary>
internal static class StudyExport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Csv(Study study)
    {
        var names = study.Space.Select(p => p.Name).ToList();
        var text = new StringBuilder();
        text.Append(string.Join(",", new[] { "number", "value", "datetime_start", "datetime_complete", "duration_s" }
            .Concat(names.Select(n => "params_" + n)).Concat(["state", "seed", "last_step", "last_intermediate", "error"]).Select(Quote))).Append('\n');
        foreach (var t in study.Trials)
        {
            var cells = new List<string>
            {
                t.Number.ToString(Invariant), t.Value?.ToString("R", Invariant) ?? "", Time(t.Started), t.Finished is { } f ? Time(f) : "",
                t.Duration?.TotalSeconds.ToString("R", Invariant) ?? "",
            };
            cells.AddRange(names.Select(n => t.Params.TryGetValue(n, out var v) ? Value(v) : ""));
            cells.AddRange([t.State.ToString().ToUpperInvariant(), t.Seed.ToString(Invariant), t.LastStep?.ToString(Invariant) ?? "",
                t.LastStep is { } s ? t.Intermediate[s].ToString("R", Invariant) : "", t.Attributes.GetValueOrDefault(SystemAttributes.Error) ?? ""]);
            text.Append(string.Join(",", cells.Select(Quote))).Append('\n');
        }
        return text.ToString();
    }

    public static string Json(Study study)
    {
        var trials = new JsonArray();
        foreach (var t in study.Trials)
        {
            trials.Add(new JsonObject
            {
                ["number"] = t.Number, ["state"] = t.State.ToString().ToLowerInvariant(), ["value"] = t.Value, ["seed"] = t.Seed,
                ["started"] = Time(t.Started), ["finished"] = t.Finished is { } f ? Time(f) : null, ["duration_s"] = t.Duration?.TotalSeconds,
                ["params"] = new JsonObject(t.Params.Select(p => KeyValuePair.Create(p.Key, JsonValue(p.Value)))),
                ["internal_params"] = new JsonObject(t.InternalParams.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
                ["distributions"] = new JsonObject(t.Distributions.Select(p => KeyValuePair.Create(p.Key, JsonNode.Parse(p.Value.ToJson())))),
                ["intermediate"] = new JsonObject(t.Intermediate.Select(p => KeyValuePair.Create(p.Key.ToString(Invariant), (JsonNode?)p.Value))),
                ["attributes"] = new JsonObject(t.Attributes.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            });
        }
        var root = new JsonObject
        {
            ["study"] = new JsonObject
            {
                ["name"] = study.Name, ["direction"] = study.Direction.ToString().ToLowerInvariant(), ["seed"] = study.Seed,
                ["created"] = Time(study.Info.Created), ["storage"] = study.Storage.Description,
            },
            ["trials"] = trials,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonNode? JsonValue(object? value) => value switch
    {
        null => null,
        double d => d,
        long l => l,
        int i => i,
        bool b => b,
        _ => value.ToString(),
    };

    private static string Value(object? v) => v switch
    {
        double d => d.ToString("R", Invariant),
        IFormattable f => f.ToString(null, Invariant),
        _ => v?.ToString() ?? "",
    };

    private static string Time(DateTime t) => t.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", Invariant);

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.</summary>
    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
