using System.Text;

namespace CourseKit.Nn;

/// <summary>The naming rules of layers: what a name may be, and the automatic kind + count names models give.</summary>
internal static class LayerNames
{
    /// <summary>Returns <paramref name="name"/> when it can name a layer: not empty, no whitespace, no '.' (the path separator).</summary>
    public static string Validate(string name, string argument)
    {
        ArgumentNullException.ThrowIfNull(name, argument);
        if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || c == '.'))
            throw new ArgumentException($"{argument}: expected a layer name without spaces or '.', actual '{name}'.", argument);
        return name;
    }

    /// <summary>The snake_case type name, without a trailing "Layer": <c>MyScale</c> → <c>my_scale</c>.</summary>
    public static string KindOf(Type type)
    {
        string name = type.Name;
        int generic = name.IndexOf('`');
        if (generic > 0) name = name[..generic];
        if (name.Length > "Layer".Length && name.EndsWith("Layer", StringComparison.Ordinal)) name = name[..^"Layer".Length];
        var sb = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && !char.IsUpper(name[i - 1])) sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }

    /// <summary>The first free name <c>{kind}{k}</c>, k = 1, 2, …, among <paramref name="taken"/>.</summary>
    public static string Next(string kind, IEnumerable<string> taken)
    {
        var names = taken.ToHashSet(StringComparer.Ordinal);
        for (int k = 1; ; k++)
            if (!names.Contains($"{kind}{k}")) return $"{kind}{k}";
    }
}
