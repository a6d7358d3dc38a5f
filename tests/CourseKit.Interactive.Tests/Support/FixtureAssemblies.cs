using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CourseKit.Interactive.Tests.Support;

/// <summary>
/// Builds two small assemblies with Roslyn into artifacts/test-notebooks/fixture-lib/: FixtureLib.dll, which depends on
/// FixtureDep.dll beside it and defines its own <c>TypeFormatterSourceAttribute</c> (the convention is by name), and
/// FixtureDep.dll. Built once per test run.
/// </summary>
internal static class FixtureAssemblies
{
    private static readonly Lazy<string> Built = new(Build);

    /// <summary>The folder holding FixtureLib.dll and FixtureDep.dll.</summary>
    public static string Folder => Built.Value;

    private const string DepSource = """
        namespace FixtureDep;
        public static class Greeting { public static string Hello(string name) => $"hello {name} from FixtureDep"; }
        """;

    private const string LibSource = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        namespace FixtureLib;

        [AttributeUsage(AttributeTargets.Class, Inherited = false)]
        public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
        {
            public Type FormatterSourceType { get; } = formatterSourceType;
        }

        [TypeFormatterSource(typeof(ScoreFormatters))]
        public class Score(int value)
        {
            public int Value { get; } = value;
            public string Greet() => FixtureDep.Greeting.Hello(Value.ToString());
        }

        public sealed class BonusScore(int value) : Score(value);

        public sealed class ScoreFormatters
        {
            public IEnumerable<object> CreateTypeFormatters() => [new Html(), new Plain()];
        }

        public sealed class Html
        {
            public string MimeType => "text/html";
            public bool Format(object instance, TextWriter writer)
            {
                if (instance is not Score s) return false;
                writer.Write($"<b>score {s.Value}</b>");
                return true;
            }
        }

        public sealed class Plain
        {
            public string MimeType => "text/plain";
            public bool Format(object instance, TextWriter writer)
            {
                writer.Write($"Score({((Score)instance).Value})");
                return true;
            }
        }

        [TypeFormatterSource(typeof(BrokenFormatters))]
        public sealed class Broken { public override string ToString() => "a broken thing"; }

        public sealed class BrokenFormatters
        {
            public IEnumerable<object> CreateTypeFormatters() => [new Throwing()];
        }

        public sealed class Throwing
        {
            public string MimeType => "text/html";
            public bool Format(object instance, TextWriter writer) => throw new InvalidOperationException("formatter boom");
        }
        """;

    private static string Build()
    {
        string folder = Path.Combine(Repo.TestNotebooks, "fixture-lib");
        Directory.CreateDirectory(folder);
        var runtime = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "netstandard.dll" or "mscorlib.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        string dep = Emit("FixtureDep", DepSource, runtime, folder);
        Emit("FixtureLib", LibSource, [.. runtime, MetadataReference.CreateFromFile(dep)], folder);
        return folder;
    }

    private static string Emit(string name, string source, IEnumerable<MetadataReference> references, string folder)
    {
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        string path = Path.Combine(folder, name + ".dll");
        string temp = path + $".{Guid.NewGuid():N}.tmp";
        var emitted = compilation.Emit(temp);
        if (!emitted.Success)
            throw new InvalidOperationException($"{name}: fixture did not compile: {string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))}");
        File.Move(temp, path, overwrite: true);
        return path;
    }
}
