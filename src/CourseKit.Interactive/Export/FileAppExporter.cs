using System.Text;
using CourseKit.Interactive.Execution;
using CourseKit.Interactive.Notebooks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CourseKit.Interactive.Export;

/// <summary>An export refused: names the cell and what cannot be turned into a file-based app.</summary>
public sealed class ExportException(string message) : Exception(message);

/// <summary>
/// Turns a chapter into a .NET 10 file-based app (<c>dotnet run chapter.cs</c>): markdown cells become comments, code
/// cells follow in order as top-level statements, <c>#r</c> of the library becomes <c>#:project</c> directives (the
/// library and the engine, whose formatters print values as the notebook shows them), <c>using</c> directives and type
/// declarations move where C# wants them (top and bottom), a name a later cell declares again gets a fresh one
/// (<see cref="RedeclarationRenamer"/>), a cell's trailing value and <c>display(x)</c> print their
/// <c>text/plain</c>, and charts are written as HTML files beside the app with their paths printed
/// (<see cref="ChapterAppSource"/>).
/// </summary>
public static class FileAppExporter
{
    /// <summary>Writes <c>DIR/NAME.cs</c> for the notebook at <paramref name="notebookPath"/>; returns its path.</summary>
    /// <param name="notebookPath">The chapter.</param>
    /// <param name="outputDirectory">Where the app goes (created when missing).</param>
    /// <param name="libraryProject">src/CourseKit/CourseKit.csproj; the engine's project is found beside it.</param>
    public static string Export(string notebookPath, string outputDirectory, string libraryProject)
    {
        var notebook = NotebookReader.Read(notebookPath);
        if (!File.Exists(libraryProject)) throw new ExportException($"library project: expected {libraryProject} to exist.");
        string engineProject = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(libraryProject)))!, "CourseKit.Interactive", "CourseKit.Interactive.csproj");
        string output = Path.GetFullPath(outputDirectory);
        string file = Path.Combine(output, SafeName(notebook.Name) + ".cs");
        AtomicFile.WriteText(file, Render(notebook, Path.GetFullPath(notebookPath), Relative(output, libraryProject), Relative(output, engineProject)));
        return file;
    }

    private static string Render(Notebook notebook, string notebookPath, string libraryProject, string engineProject)
    {
        var usings = new List<string>(new NotebookRunOptions().Imports.Select(i => $"using {i};"));
        var body = new StringBuilder();
        var types = new StringBuilder();
        var plans = notebook.Cells.Where(c => c.IsCode).ToDictionary(c => c.Number, c => CellPlan.For(c, notebook.DefaultKernelName));
        foreach (var (number, plan) in plans.Where(p => p.Value.Action == CellAction.UnknownKernel))
            throw new ExportException($"cell {number}: a '{plan.KernelName}' cell: a file-based app holds C# only.");
        var csharp = plans.Where(p => p.Value.Action == CellAction.RunCSharp).Select(p => (p.Value.Code, Number: p.Key)).ToList();
        var renamer = new RedeclarationRenamer(notebookPath, csharp);
        foreach (var cell in notebook.Cells)
        {
            if (!cell.IsCode) { Comment(body, cell.Source); continue; }
            int index = csharp.FindIndex(c => c.Number == cell.Number);
            if (index < 0) continue;
            body.Append($"// ── cell {cell.Number} ──\n");
            CellTranslation.Translate(renamer.Rewrite(index), cell.Number, usings, body, types);
        }
        var app = new StringBuilder();
        app.Append($"#:project {libraryProject}\n#:project {engineProject}\n");
        app.Append("#:property Nullable=disable\n#:property TreatWarningsAsErrors=false\n#:property NoWarn=CS1998;CS8321;CS0168;CS0219\n\n");
        app.Append($"// {notebook.Name}: exported from the notebook by `coursekit export`; run with `dotnet run {SafeName(notebook.Name)}.cs`.\n");
        foreach (string u in usings.Distinct(StringComparer.Ordinal)) app.Append(u).Append('\n');
        app.Append("using static ChapterApp;\n\n").Append(body).Append('\n').Append(types).Append(ChapterAppSource.Text);
        return app.ToString();
    }

    private static void Comment(StringBuilder body, string markdown)
    {
        foreach (string line in markdown.Replace("\r\n", "\n").TrimEnd('\n').Split('\n'))
            body.Append(line.Length == 0 ? "//\n" : $"// {line}\n");
        body.Append('\n');
    }

    private static string Relative(string fromDirectory, string path) =>
        Path.GetRelativePath(fromDirectory, Path.GetFullPath(path)).Replace('\\', '/');

    private static string SafeName(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
}
