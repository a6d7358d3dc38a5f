using System.Text;
using System.Text.Json.Nodes;

namespace CourseKit.Grading.Protocol;

/// <summary>
/// The inputs of a check's cases as the grader writes them into a probe cell: base64 of a JSON array of
/// <see cref="WireJson"/> values, so that the cell's source holds one plain string literal.
/// </summary>
public static class CasePayload
{
    /// <summary>The payload of <paramref name="inputs"/>.</summary>
    public static string Write(IEnumerable<WireValue> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        string json = new JsonArray(inputs.Select(WireJson.Write).ToArray()).ToJsonString();
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>The inputs in <paramref name="payload"/>; a malformed payload is a <see cref="ProtocolException"/>.</summary>
    public static IReadOnlyList<WireValue> Read(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        string json;
        try { json = Encoding.UTF8.GetString(Convert.FromBase64String(payload)); }
        catch (FormatException) { throw new ProtocolException("cases: expected base64."); }
        var node = JsonNode.Parse(json) as JsonArray ?? throw new ProtocolException("cases: expected a JSON array.");
        if (node.Count > ProtocolLimits.MaxCases) throw new ProtocolException($"cases: expected at most {ProtocolLimits.MaxCases}, actual {node.Count}.");
        return node.Select(WireJson.Read).ToList();
    }
}
