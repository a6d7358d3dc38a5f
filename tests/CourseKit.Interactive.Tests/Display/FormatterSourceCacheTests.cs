using System.Reflection;
using CourseKit.Interactive.Display;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CourseKit.Interactive.Tests.Display;

/// <summary>
/// FormatterSource reads each assembly's declarations once; a type looked up without success must still find a
/// formatter that an assembly loaded afterwards declares for it (a notebook's later <c>#r</c>).
/// </summary>
public class FormatterSourceCacheTests
{
    /// <summary>A type no formatter source names until the assembly below is loaded.</summary>
    public sealed class LateFormatted;

    private const string DeclaringSource = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        [assembly: Late.TypeFormatterSource(typeof(Late.Formatters), FormattedType = typeof(CourseKit.Interactive.Tests.Display.FormatterSourceCacheTests.LateFormatted))]
        namespace Late;

        [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
        public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
        {
            public Type FormatterSourceType { get; } = formatterSourceType;
            public Type FormattedType { get; set; }
        }

        public sealed class Formatters
        {
            public IEnumerable<object> CreateTypeFormatters() => [new Html()];
        }

        public sealed class Html
        {
            public string MimeType => "text/html";
            public bool Format(object instance, TextWriter writer) { writer.Write("<i>late</i>"); return true; }
        }
        """;

    [Fact]
    public void A_formatter_declared_by_an_assembly_loaded_after_a_failed_lookup_is_found()
    {
        Assert.Empty(FormatterSource.For(typeof(LateFormatted)));
        Assert.Equal(["text/plain"], DisplayFormatter.Format(new LateFormatted()).Entries.Select(e => e.Key));

        Assembly.Load(DeclaringAssembly());

        var bundle = DisplayFormatter.Format(new LateFormatted());
        Assert.Equal("<i>late</i>", bundle["text/html"]);
        Assert.Single(FormatterSource.For(typeof(LateFormatted)));
    }

    private static byte[] DeclaringAssembly()
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "netstandard.dll" or "mscorlib.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(LateFormatted).Assembly.Location));
        var compilation = CSharpCompilation.Create("LateFormatterSource", [CSharpSyntaxTree.ParseText(DeclaringSource)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("; ", emitted.Diagnostics));
        return image.ToArray();
    }
}
