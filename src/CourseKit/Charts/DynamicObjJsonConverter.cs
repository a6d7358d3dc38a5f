using System.Collections.Concurrent;
using System.Reflection;
using Newtonsoft.Json;

namespace CourseKit.Charts;

/// <summary>
/// Writes Plotly.NET's trace, layout, config and style objects (all <see cref="DynamicObj.DynamicObj"/>s) as Json.NET's
/// dynamic contract writes them — an object with each of <c>GetProperties(true)</c>'s name/value pairs in order, the
/// values serialized by the same serializer — but reads the properties through DynamicObj's own API.
/// </summary>
/// <remarks>
/// Json.NET's dynamic contract reads every member through the C# runtime binder, which binds each member name anew:
/// Plotly.NET's first figure in a process threw ≈ 400 first-chance <c>RuntimeBinderException</c>s and took ≈ 0.8 s of
/// CPU (a learner's first chart cell); through DynamicObj's API the first figure takes a few milliseconds. Types that carry a <see cref="JsonConverterAttribute"/>
/// keep it (Json.NET prefers a type's own converter), and types with CLR members marked for Json.NET (which its dynamic
/// contract writes first) are left to Json.NET, so the output stays what Plotly.NET writes.
/// </remarks>
internal sealed class DynamicObjJsonConverter : JsonConverter
{
    private static readonly ConcurrentDictionary<Type, bool> s_convertible = new();

    public override bool CanRead => false;

    public override bool CanConvert(Type objectType) => s_convertible.GetOrAdd(objectType, IsPlainDynamicObj);

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is not DynamicObj.DynamicObj obj)
            throw new JsonSerializationException($"{nameof(DynamicObjJsonConverter)}: expected a DynamicObj, actual {value?.GetType().FullName ?? "null"}.");
        writer.WriteStartObject();
        foreach (var (name, propertyValue) in obj.GetProperties(true))
        {
            writer.WritePropertyName(name);
            serializer.Serialize(writer, propertyValue);
        }
        writer.WriteEndObject();
    }

    public override object ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        throw new NotSupportedException($"{nameof(DynamicObjJsonConverter)} only writes JSON.");

    // A DynamicObj whose CLR members carry no Json.NET attribute: its dynamic contract writes exactly GetProperties(true).
    private static bool IsPlainDynamicObj(Type type) =>
        typeof(DynamicObj.DynamicObj).IsAssignableFrom(type)
        && !type.GetMembers(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Any(m => m.IsDefined(typeof(JsonPropertyAttribute), true) || m.IsDefined(typeof(JsonRequiredAttribute), true));
}
