using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace CourseKit.Interactive.Display;

/// <summary>
/// Finds a type's notebook formatters through the <c>TypeFormatterSource</c> convention that .NET Interactive honours,
/// by name and without a reference to the library that defines them: an attribute named
/// <c>TypeFormatterSourceAttribute</c> with a <c>Type FormatterSourceType</c> property on the type or a base type; the
/// source has a parameterless constructor and <c>CreateTypeFormatters()</c>; each formatter has <c>string MimeType</c>
/// and <c>bool Format(object, TextWriter)</c>. Results are cached per type.
/// </summary>
public static class FormatterSource
{
    /// <summary>The attribute's type name the convention uses.</summary>
    public const string AttributeName = "TypeFormatterSourceAttribute";

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<ConventionFormatter>> Cache = new();

    /// <summary>The formatters for <paramref name="type"/> (empty when it has no formatter source).</summary>
    /// <exception cref="InvalidOperationException">The source or a formatter does not follow the convention, or its constructor threw.</exception>
    public static IReadOnlyList<ConventionFormatter> For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Cache.GetOrAdd(type, Create);
    }

    private static IReadOnlyList<ConventionFormatter> Create(Type type)
    {
        var sourceType = FindSourceType(type);
        if (sourceType is null) return [];
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
