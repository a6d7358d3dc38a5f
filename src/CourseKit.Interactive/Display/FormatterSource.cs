using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace CourseKit.Interactive.Display;

/// <summary>
/// Finds a type's notebook formatters through the <c>TypeFormatterSource</c> convention that .NET Interactive honours,
/// by name and without a reference to the library that defines them: an attribute named
/// <c>TypeFormatterSourceAttribute</c> with a <c>Type FormatterSourceType</c> property on the type or a base type; the
/// source has a parameterless constructor and <c>CreateTypeFormatters()</c>; each formatter has <c>string MimeType</c>
/// and <c>bool Format(object, TextWriter)</c>. For a type its library does not own (Plotly.NET's <c>GenericChart</c>),
/// a loaded assembly may carry the same attribute with a <c>Type FormattedType</c> property naming the type or a base
/// type of it (CourseKit.Core does for GenericChart). Found formatters are cached per type; a type without any is
/// looked up again on its next value (a notebook's later <c>#r</c> may bring a source), but what a type's own
/// attributes and each loaded assembly's attributes declare is read once: neither changes, and every cell's
/// submission is one more loaded assembly, so without that each value of a plain type rescanned every assembly.
/// </summary>
public static class FormatterSource
{
    /// <summary>The attribute's type name the convention uses.</summary>
    public const string AttributeName = "TypeFormatterSourceAttribute";

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<ConventionFormatter>> Found = new();

    // The source a type's own attributes (or its base types') name, or null: read once per type.
    private static readonly ConcurrentDictionary<Type, Type?> OwnSources = new();

    // What each assembly's attributes declare for types it does not own (FormattedType → source): read once per assembly.
    private static readonly ConditionalWeakTable<Assembly, (Type Formatted, Type Source)[]> Declared = new();

    /// <summary>The formatters for <paramref name="type"/> (empty when it has no formatter source).</summary>
    /// <exception cref="InvalidOperationException">The source or a formatter does not follow the convention, or its constructor threw.</exception>
    public static IReadOnlyList<ConventionFormatter> For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (Found.TryGetValue(type, out var known)) return known;
        var sourceType = OwnSources.GetOrAdd(type, FindSourceType) ?? FindSourceTypeInAssemblies(type, AppDomain.CurrentDomain.GetAssemblies());
        if (sourceType is null) return [];
        var formatters = Create(type, sourceType);
        Found[type] = formatters;
        return formatters;
    }

    private static IReadOnlyList<ConventionFormatter> Create(Type type, Type sourceType)
    {
        object source;
        try { source = Activator.CreateInstance(sourceType, nonPublic: true)!; }
        catch (Exception e) when (e is MissingMethodException or TargetInvocationException)
        {
            throw new InvalidOperationException($"formatter source {sourceType.FullName} for {type.FullName}: expected a parameterless constructor that succeeds ({(e.InnerException ?? e).Message}).", e);
        }
        var create = sourceType.GetMethod("CreateTypeFormatters", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes)
            ?? throw new InvalidOperationException($"formatter source {sourceType.FullName}: expected a method CreateTypeFormatters(), found none.");
        var formatters = create.Invoke(source, null) as IEnumerable
            ?? throw new InvalidOperationException($"formatter source {sourceType.FullName}: CreateTypeFormatters() returned null, expected a sequence of formatters.");
        return formatters.Cast<object>().Select(f => ConventionFormatter.Wrap(f, sourceType)).ToList();
    }

    // An assembly-level attribute of the convention's name whose FormattedType is the type or a base type of it.
    private static Type? FindSourceTypeInAssemblies(Type type, Assembly[] assemblies)
    {
        foreach (var assembly in assemblies)
        {
            if (assembly.IsDynamic) continue;
            foreach (var (formatted, source) in Declared.GetValue(assembly, Declarations))
                if (formatted.IsAssignableFrom(type)) return source;
        }
        return null;
    }

    private static (Type Formatted, Type Source)[] Declarations(Assembly assembly)
    {
        IList<CustomAttributeData> attributes;
        // An assembly whose attributes name a type that cannot load declares no formatter this process could use.
        try { attributes = assembly.GetCustomAttributesData(); }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or TypeLoadException) { return []; }
        var declared = new List<(Type, Type)>();
        foreach (var attributeType in attributes.Where(d => d.AttributeType.Name == AttributeName && d.NamedArguments.Any(a => a.MemberName == "FormattedType")).Select(d => d.AttributeType).Distinct())
            foreach (var attribute in assembly.GetCustomAttributes(attributeType, inherit: false))
                if (attribute.GetType().GetProperty("FormattedType")?.GetValue(attribute) is Type formatted
                    && attribute.GetType().GetProperty("FormatterSourceType")?.GetValue(attribute) is Type source)
                    declared.Add((formatted, source));
        return declared.ToArray();
    }

    private static Type? FindSourceType(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var attribute in t.GetCustomAttributes(inherit: false))
            {
                var attributeType = attribute.GetType();
                if (attributeType.Name != AttributeName) continue;
                if (attributeType.GetProperty("FormatterSourceType")?.GetValue(attribute) is Type source) return source;
            }
        }
        return null;
    }
}
