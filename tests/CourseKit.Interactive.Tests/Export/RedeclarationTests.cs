using CourseKit.Interactive.Export;
using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CourseKit.Interactive.Tests.Export;

/// <summary>
/// Names a notebook may reuse (each cell is its own script submission) but one file of top-level statements may not:
/// the export renames them so the app compiles, and binds every use to the declaration the notebook would.
/// </summary>
public class RedeclarationTests
{
    private static readonly string[] Cells =
    [
        "var small = 1;\nint Twice(int x) => 2 * x;\nConsole.WriteLine(Twice(small));",
        "var small = \"two\";\nint Twice(int x) => 3 * x;\nsmall.Length + Twice(1)",
        "foreach (var n in new[] { 1, 2 }) { var small = n * 10; Console.WriteLine(small); }\n" +
            "var lengths = new[] { \"abc\" }.Select(small => small.Length).ToList();\n" +
            "try { } catch (Exception small) { Console.WriteLine(small.Message); }\nMath.Abs(value: -2) + small.Length",
    ];

    [Fact]
    public void A_later_cells_redeclaration_and_a_loops_local_get_fresh_names_and_the_app_compiles()
    {
        string source = Export(out string folder);

        Assert.Contains("var small = 1;", source);
        Assert.Contains("Console.WriteLine(Twice(small));", source);
        Assert.Contains("var small2 = \"two\";", source);
        Assert.Contains("int Twice2(int x) => 3 * x;", source);
        Assert.Contains("Show(() => small2.Length + Twice2(1));", source);
        Assert.Contains("var small3 = n * 10; Console.WriteLine(small3);", source);
        Assert.Contains(".Select(small => small.Length)", source);          // a lambda's own parameter may shadow
        Assert.Contains("catch (Exception small4) { Console.WriteLine(small4.Message); }", source);
        Assert.Contains("Show(() => Math.Abs(value: -2) + small2.Length);", source);
        Assert.Empty(CompileErrors(source));
        Directory.Delete(folder, recursive: true);
    }

    private static string Export(out string folder)
    {
        folder = Repo.TempFolder(nameof(RedeclarationTests));
        var notebook = TestNotebook.Create(folder, "redeclared", Cells);
        NotebookWriter.Write(notebook, notebook.Path!);
        string app = FileAppExporter.Export(notebook.Path!, Path.Combine(folder, "app"), Path.Combine(Repo.Root, "src", "CourseKit", "CourseKit.csproj"));
        return File.ReadAllText(app);
    }

    // The app as the compiler sees it (the #: directives are the SDK's, not the compiler's), against this runtime and the engine.
    private static List<string> CompileErrors(string source)
    {
        string code = string.Join('\n', source.Split('\n').Where(l => !l.StartsWith("#:", StringComparison.Ordinal)));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(FileAppExporter).Assembly.Location).Distinct().Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("exported", [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest))],
            references, new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Disable));
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
    }
}
