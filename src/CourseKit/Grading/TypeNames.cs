namespace CourseKit.Grading;

/// <summary>C#-style type names for feedback: <c>float[]</c>, <c>Matrix</c>, <c>(Matrix, int[])</c>, <c>null</c>.</summary>
public static class TypeNames
{
    /// <summary>The type name of <paramref name="value"/>, or <c>null</c>.</summary>
    public static string Of(object? value) => value switch
    {
        null => "null",
        ForeignValue foreign => foreign.TypeName,   // a learner's value that stayed in the learner's process
        _ => Of(value.GetType()),
    };

    /// <summary>The C#-style name of <paramref name="type"/>.</summary>
    public static string Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsArray) return Of(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (Nullable.GetUnderlyingType(type) is { } inner) return Of(inner) + "?";
        if (type.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true)
            return "(" + string.Join(", ", type.GetGenericArguments().Select(Of)) + ")";
        if (type.IsGenericType)
        {
            string name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
            return name + "<" + string.Join(", ", type.GetGenericArguments().Select(Of)) + ">";
        }
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Single => "float", TypeCode.Double => "double", TypeCode.Int32 => "int", TypeCode.Int64 => "long",
            TypeCode.Boolean => "bool", TypeCode.String => "string", TypeCode.Byte => "byte",
            _ => type == typeof(void) ? "void" : type == typeof(object) ? "object" : type.Name,
        };
    }
}
