using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace CourseKit.Grading.Protocol;

/// <summary>
/// <see cref="WireValue"/> as JSON: <c>{"t": "f32", "bits": …}</c>, <c>{"t": "matrix", "rows", "cols", "data":
/// base64 of little-endian float32}</c>, <c>{"t": "tuple", "items": […]}</c> …; read back with every bound checked.
/// </summary>
public static class WireJson
{
    /// <summary>The JSON of <paramref name="value"/>.</summary>
    public static JsonNode Write(WireValue value) => value switch
    {
        WireNull => new JsonObject { ["t"] = "null" },
        WireFloat f => new JsonObject { ["t"] = "f32", ["bits"] = BitConverter.SingleToInt32Bits(f.Value) },
        WireDouble d => new JsonObject { ["t"] = "f64", ["bits"] = BitConverter.DoubleToInt64Bits(d.Value).ToString(CultureInfo.InvariantCulture) },
        WireInt i => new JsonObject { ["t"] = "i32", ["v"] = i.Value },
        WireBool b => new JsonObject { ["t"] = "bool", ["v"] = b.Value },
        WireString s => new JsonObject { ["t"] = "str", ["v"] = s.Value },
        WireFloats f => new JsonObject { ["t"] = "f32[]", ["data"] = Base64<float>(f.Values) },
        WireDoubles d => new JsonObject { ["t"] = "f64[]", ["data"] = Base64<double>(d.Values) },
        WireInts i => new JsonObject { ["t"] = "i32[]", ["data"] = Base64<int>(i.Values) },
        WireMatrix m => new JsonObject { ["t"] = "matrix", ["rows"] = m.Rows, ["cols"] = m.Cols, ["data"] = Base64<float>(m.Data) },
        WireTuple t => new JsonObject { ["t"] = "tuple", ["items"] = new JsonArray(t.Items.Select(Write).ToArray()) },
        WireArray a => new JsonObject { ["t"] = "array", ["items"] = new JsonArray(a.Items.Select(Write).ToArray()) },
        WireEnum e => new JsonObject { ["t"] = "enum", ["type"] = e.Type, ["name"] = e.Name },
        WireFunction f => new JsonObject { ["t"] = "function", ["family"] = f.Family, ["data"] = Base64<double>(f.Parameters) },
        WireOther o => new JsonObject { ["t"] = "other", ["type"] = o.TypeName, ["shape"] = o.Shape },
        _ => throw new ArgumentException($"value: expected a known WireValue, actual {value?.GetType().Name ?? "null"}.", nameof(value)),
    };

    /// <summary>Reads a value; anything malformed or out of bounds is a <see cref="ProtocolException"/>.</summary>
    public static WireValue Read(JsonNode? node) => Read(node, 0);

    private static WireValue Read(JsonNode? node, int depth)
    {
        var o = JsonFields.Object(node, "value");
        string t = JsonFields.Text(o, "t", 16);
        return t switch
        {
            "null" => WireNull.Instance,
            "f32" => new WireFloat(BitConverter.Int32BitsToSingle(JsonFields.Int(o, "bits"))),
            "f64" => new WireDouble(BitConverter.Int64BitsToDouble(Long(o))),
            "i32" => new WireInt(JsonFields.Int(o, "v")),
            "bool" => new WireBool(JsonFields.Bool(o, "v")),
            "str" => new WireString(JsonFields.Text(o, "v")),
            "f32[]" => new WireFloats(Array<float>(o, -1)),
            "f64[]" => new WireDoubles(Array<double>(o, -1)),
            "i32[]" => new WireInts(Array<int>(o, -1)),
            "matrix" => Matrix(o),
            "tuple" when depth < ProtocolLimits.MaxDepth =>
                new WireTuple(JsonFields.Array(o, "items", 16).Select(i => Read(i, depth + 1)).ToList()),
            "array" when depth < ProtocolLimits.MaxDepth =>
                new WireArray(JsonFields.Array(o, "items", ProtocolLimits.MaxArrayItems).Select(i => Read(i, depth + 1)).ToList()),
            "tuple" or "array" => throw new ProtocolException($"{t}: expected at most {ProtocolLimits.MaxDepth} levels of nesting."),
            "enum" => new WireEnum(JsonFields.Text(o, "type", 200), JsonFields.Text(o, "name", 200)),
            "function" => new WireFunction(JsonFields.Text(o, "family", 100), Array<double>(o, -1)),
            "other" => new WireOther(JsonFields.Text(o, "type", 200), JsonFields.OptionalText(o, "shape", 200)),
            _ => throw new ProtocolException($"'t': expected a known value kind, actual '{t}'."),
        };
    }

    private static WireMatrix Matrix(JsonObject o)
    {
        int rows = JsonFields.Int(o, "rows", 0, ProtocolLimits.MaxElements), cols = JsonFields.Int(o, "cols", 0, ProtocolLimits.MaxElements);
        if ((long)rows * cols > ProtocolLimits.MaxElements)
            throw new ProtocolException($"matrix: expected at most {ProtocolLimits.MaxElements} elements, actual {rows} × {cols}.");
        return new WireMatrix(rows, cols, Array<float>(o, rows * cols));
    }

    private static T[] Array<T>(JsonObject o, int expectedLength) where T : unmanaged
    {
        string data = JsonFields.Text(o, "data", int.MaxValue);
        int size = Marshal.SizeOf<T>();
        if (data.Length > (long)(ProtocolLimits.MaxElements * size + 2) / 3 * 4 + 4)
            throw new ProtocolException($"data: expected at most {ProtocolLimits.MaxElements} elements.");
        byte[] bytes;
        try { bytes = Convert.FromBase64String(data); }
        catch (FormatException) { throw new ProtocolException("data: expected base64."); }
        if (bytes.Length % size != 0) throw new ProtocolException($"data: expected a whole number of {size}-byte elements, actual {bytes.Length} bytes.");
        int length = bytes.Length / size;
        if (expectedLength >= 0 && length != expectedLength)
            throw new ProtocolException($"data: expected {expectedLength} elements, actual {length}.");
        var values = new T[length];
        MemoryMarshal.Cast<byte, T>(bytes).CopyTo(values);   // little-endian on every platform .NET 10 runs on here
        return values;
    }

    private static string Base64<T>(T[] values) where T : unmanaged => Convert.ToBase64String(MemoryMarshal.AsBytes(values.AsSpan()));

    private static long Long(JsonObject o)
    {
        string text = JsonFields.Text(o, "bits", 24);
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v)
            ? v : throw new ProtocolException($"'bits': expected a 64-bit integer, actual '{text}'.");
    }
}
