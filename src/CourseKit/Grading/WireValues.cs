using System.Runtime.CompilerServices;
using CourseKit.Grading.Protocol;
using CourseKit.Tensors;

namespace CourseKit.Grading;

/// <summary>
/// Case inputs and learner outputs as <see cref="WireValue"/>s and back: <see cref="Matrix"/>, float, double, int,
/// bool, string, their arrays and value tuples of them, bit for bit. What does not cross (another type, or more than
/// <see cref="ProtocolLimits.MaxElements"/> elements) comes back as a <see cref="ForeignValue"/> that the comparison
/// reports as a wrong type or shape, as it would the value itself.
/// </summary>
public static class WireValues
{
    /// <summary>The wire form of <paramref name="value"/>.</summary>
    public static WireValue Encode(object? value) => Encode(value, 0);

    /// <summary>The value <paramref name="wire"/> carries: a <see cref="Matrix"/>, a number, an array, a value tuple, or a <see cref="ForeignValue"/>.</summary>
    public static object? Decode(WireValue wire) => wire switch
    {
        null => throw new ArgumentNullException(nameof(wire)),
        WireNull => null,
        WireFloat f => f.Value,
        WireDouble d => d.Value,
        WireInt i => i.Value,
        WireBool b => b.Value,
        WireString s => s.Value,
        WireFloats f => f.Values,
        WireDoubles d => d.Values,
        WireInts i => i.Values,
        WireMatrix m => new Matrix(m.Rows, m.Cols, m.Data),
        WireTuple t => Tuple(t.Items.Select(Decode).ToArray()),
        WireArray a => Array(a.Items.Select(Decode).ToArray()),
        WireEnum e => Enum(e),
        WireFunction f => Function(f),
        WireOther o => new ForeignValue(o.TypeName, o.Shape),
        _ => throw new ArgumentException($"wire: expected a known WireValue, actual {wire.GetType().Name}.", nameof(wire)),
    };

    private static WireValue Encode(object? value, int depth) => value switch
    {
        null => WireNull.Instance,
        float f => new WireFloat(f),
        double d => new WireDouble(d),
        int i => new WireInt(i),
        bool b => new WireBool(b),
        string s => s.Length <= ProtocolLimits.MaxText ? new WireString(s) : new WireOther("string", $"length {s.Length}"),
        float[] f => f.Length <= ProtocolLimits.MaxElements ? new WireFloats((float[])f.Clone()) : TooLarge(f, $"length {f.Length}"),
        double[] d => d.Length <= ProtocolLimits.MaxElements ? new WireDoubles((double[])d.Clone()) : TooLarge(d, $"length {d.Length}"),
        int[] i => i.Length <= ProtocolLimits.MaxElements ? new WireInts((int[])i.Clone()) : TooLarge(i, $"length {i.Length}"),
        Matrix m => (long)m.Rows * m.Cols <= ProtocolLimits.MaxElements ? new WireMatrix(m.Rows, m.Cols, m.AsSpan().ToArray()) : TooLarge(m, m.Shape.ToString()),
        ForeignValue f => new WireOther(f.TypeName, f.Shape),
        Enum e when e.GetType().Assembly == typeof(Matrix).Assembly => new WireEnum(e.GetType().FullName!, e.ToString()),
        Func<double[], double> f when WireFunctions.TryDescribe(f, out string family, out double[] parameters) => new WireFunction(family, parameters),
        Array a when a.Rank == 1 && a.Length <= ProtocolLimits.MaxArrayItems && depth < ProtocolLimits.MaxDepth && IsCarriedArray(a) =>
            new WireArray(a.Cast<object?>().Select(item => Encode(item, depth + 1)).ToList()),
        ITuple t when value.GetType().IsValueType && t.Length <= 7 && depth < ProtocolLimits.MaxDepth =>
            new WireTuple(Enumerable.Range(0, t.Length).Select(k => Encode(t[k], depth + 1)).ToList()),
        _ => new WireOther(Bounded(TypeNames.Of(value))),
    };

    // Matrices, tuples, arrays: the element kinds that have no packed form of their own.
    private static bool IsCarriedArray(Array a) => a.GetType().GetElementType() is { } e && (e == typeof(Matrix) || e.IsArray
        || (e.IsValueType && e.IsGenericType && e.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal)));

    // An array of the items' common type (so a learner's (Matrix, int[])[] decodes as that); mixed items make object[].
    private static object Array(object?[] items)
    {
        Type element = items.Length > 0 && items.All(i => i is not null && i.GetType() == items[0]!.GetType()) ? items[0]!.GetType() : typeof(object);
        var array = System.Array.CreateInstance(element, items.Length);
        for (int k = 0; k < items.Length; k++) array.SetValue(items[k], k);
        return array;
    }

    // Only CourseKit's own enums are rebuilt: a name from the wire never loads an arbitrary type.
    private static object Enum(WireEnum e) =>
        typeof(Matrix).Assembly.GetType(e.Type) is { IsEnum: true } type && System.Enum.TryParse(type, e.Name, false, out object? value)
            ? value! : new ForeignValue(e.Type);

    private static object Function(WireFunction f)
    {
        try { return WireFunctions.Cost(f.Family, f.Parameters); }
        catch (ArgumentException) { return new ForeignValue($"function '{f.Family}'"); }
    }

    private static WireOther TooLarge(object value, string shape) => new(TypeNames.Of(value), shape);

    private static string Bounded(string name) => name.Length <= 120 ? name : name[..120] + "…";

    // A ValueTuple of the items' own types; a null item is typed object, so it compares as a wrong type, not a match.
    private static object Tuple(object?[] items)
    {
        if (items.Length is 0 or > 7) return new ForeignValue($"a tuple of {items.Length}");
        Type[] types = items.Select(i => i?.GetType() ?? typeof(object)).ToArray();
        Type open = Type.GetType($"System.ValueTuple`{items.Length}")!;
        return Activator.CreateInstance(open.MakeGenericType(types), items)!;
    }
}

/// <summary>
/// What a learner's function returned when it cannot cross the process boundary as itself: its type's name and, when
/// it was too large, its shape. Compared with an expected value, it is a wrong type (or shape).
/// </summary>
/// <param name="TypeName">The C#-style type name (<c>List&lt;float&gt;</c>).</param>
/// <param name="Shape">The size when the value was too large to send, else null.</param>
public sealed record ForeignValue(string TypeName, string? Shape = null)
{
    /// <summary>The type name, and the size when known.</summary>
    public override string ToString() => Shape is null ? TypeName : $"{TypeName} {Shape}";
}
