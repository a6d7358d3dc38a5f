namespace CourseKit;

/// <summary>
/// Names the class that creates a type's notebook formatters. .NET Interactive (Polyglot Notebooks) recognizes this
/// attribute by its name and reads its <see cref="FormatterSourceType"/> and <see cref="PreferredMimeTypes"/> properties
/// by reflection, without a package reference; CourseKit's own notebook engine honours the same convention, so one
/// formatter serves both.
/// </summary>
/// <remarks>
/// <para>The source has a parameterless constructor and a method <c>IEnumerable&lt;object&gt; CreateTypeFormatters()</c>;
/// each formatter has a <c>string MimeType</c> property and a <c>bool Format(object instance, TextWriter writer)</c>
/// method that returns false when it does not handle the instance.</para>
/// <para>On an assembly, with <see cref="FormattedType"/>, the attribute declares formatters for a type that the
/// assembly does not own (Plotly.NET's <c>GenericChart</c>): CourseKit's engine reads it there too; .NET Interactive
/// does not, and CourseKit registers those formatters with it when the library loads.</para>
/// <para>The library's own types name their source by its full type name (<c>"CourseKit.Display.MatrixFormatterSource"</c>):
/// formatters sit in <c>CourseKit.Display</c>, on top of every other namespace, and a <c>typeof</c> here would make
/// <c>Tensors</c>, <c>Nn</c>, … import it. A test checks that every name resolves.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Assembly, Inherited = true, AllowMultiple = true)]
public sealed class TypeFormatterSourceAttribute : Attribute
{
    private readonly Type? _type;

    /// <summary>Names the source by its type (a learner's own type in a notebook cell, for instance).</summary>
    public TypeFormatterSourceAttribute(Type formatterSourceType)
    {
        _type = formatterSourceType ?? throw new ArgumentNullException(nameof(formatterSourceType));
        FormatterSourceTypeName = formatterSourceType.AssemblyQualifiedName ?? formatterSourceType.FullName ?? formatterSourceType.Name;
    }

    /// <summary>
    /// Names the source by its full name: a type of CourseKit.Core (<c>"CourseKit.Display.MatrixFormatterSource"</c>),
    /// or an assembly-qualified name for a type elsewhere.
    /// </summary>
    public TypeFormatterSourceAttribute(string formatterSourceTypeName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(formatterSourceTypeName);
        FormatterSourceTypeName = formatterSourceTypeName;
    }

    /// <summary>The name the source was given by (assembly-qualified when given as a type).</summary>
    public string FormatterSourceTypeName { get; }

    /// <summary>The class whose <c>CreateTypeFormatters()</c> returns the formatters.</summary>
    /// <exception cref="TypeLoadException">A name that no loaded type has (the message names it).</exception>
    public Type FormatterSourceType => _type ?? Resolve(FormatterSourceTypeName);

    /// <summary>On an assembly: the type (and its subclasses) the formatters are for. Null on a type, which is the one formatted.</summary>
    public Type? FormattedType { get; set; }

    /// <summary>MIME types to prefer when a front end shows only one (text/html by default).</summary>
    public string[] PreferredMimeTypes { get; set; } = ["text/html"];

    private static Type Resolve(string name) =>
        typeof(TypeFormatterSourceAttribute).Assembly.GetType(name, throwOnError: false)
        ?? Type.GetType(name, throwOnError: false)
        ?? throw new TypeLoadException(
            $"TypeFormatterSource: expected a type named {name} in {typeof(TypeFormatterSourceAttribute).Assembly.GetName().Name} or loadable by that name, actual none.");
}
