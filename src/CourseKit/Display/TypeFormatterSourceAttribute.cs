namespace CourseKit.Display;

/// <summary>
/// Names the class that creates a type's notebook formatters. .NET Interactive (Polyglot Notebooks) recognizes this
/// attribute by its name and its <see cref="FormatterSourceType"/> property, without a package reference; CourseKit's
/// own notebook engine honours the same convention, so one formatter serves both.
/// </summary>
/// <remarks>
/// The source has a parameterless constructor and a method <c>IEnumerable&lt;object&gt; CreateTypeFormatters()</c>;
/// each formatter has a <c>string MimeType</c> property and a <c>bool Format(object instance, TextWriter writer)</c>
/// method that returns false when it does not handle the instance.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = true)]
public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>The class whose <c>CreateTypeFormatters()</c> returns the formatters.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType ?? throw new ArgumentNullException(nameof(formatterSourceType));

    /// <summary>MIME types to prefer when a front end shows only one (text/html by default).</summary>
    public string[] PreferredMimeTypes { get; set; } = ["text/html"];
}
