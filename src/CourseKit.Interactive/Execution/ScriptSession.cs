using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace CourseKit.Interactive.Execution;

/// <summary>
/// One notebook's Roslyn script state: each C# cell is a submission continuing the previous successful one, as in the
/// .NET Interactive C# kernel. A cell's script gets its own file path (<see cref="CellPath"/>), which is how compile
/// errors and stack frames are mapped back to the cell.
/// </summary>
internal sealed class ScriptSession
{
    private static readonly string[] RuntimeAssemblies =
        ["System.Runtime", "netstandard", "System.Collections", "System.Console", "System.Linq", "System.Runtime.Numerics",
         "System.Numerics.Vectors", "System.Memory", "System.Text.Json", "System.Text.RegularExpressions", "Microsoft.CSharp"];

    private readonly ScriptOptions _options;
    private readonly string _baseDirectory;
    private readonly string _notebookFile;
    private ScriptState<object>? _state;

    public ScriptSession(string baseDirectory, string notebookFile, IEnumerable<string> imports)
    {
        _baseDirectory = baseDirectory;
        _notebookFile = notebookFile;
        _options = Options(baseDirectory, imports);
    }

    // The same reference objects for every session in the process: Roslyn keeps the symbols it reads from a reference's
    // metadata with that metadata, so a kernel's first cell reuses (or shares, while both run) what its warm-up built
    // instead of reading the runtime's assemblies a second time. The engine itself is referenced too: the interrupt
    // polls compiled into every cell call CellInterrupt.Poll().
    private static readonly Lazy<ScriptOptions> WithEngineReferences = new(() =>
        ScriptOptions.Default.AddReferences(RuntimeAssemblies.Select(Assembly.Load).Append(typeof(object).Assembly).Append(typeof(CellInterrupt).Assembly)));

    /// <summary>The options every cell compiles with (the grader's analysis compiles learners' cells with the same).</summary>
    public static ScriptOptions Options(string baseDirectory, IEnumerable<string> imports) =>
        WithEngineReferences.Value
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory).WithSearchPaths(baseDirectory, AppContext.BaseDirectory))
            .WithSourceResolver(new SourceFileResolver([baseDirectory], baseDirectory))
            .AddImports(imports)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8)
            .WithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest);

    /// <summary>How cells are parsed (script kind, the latest language version).</summary>
    public Microsoft.CodeAnalysis.CSharp.CSharpParseOptions ParseOptions { get; } =
        new(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>The globals every cell sees (<c>display</c>).</summary>
    public NotebookGlobals Globals { get; } = new();

    /// <summary>The file path a cell's script carries (its folder anchors relative <c>#r</c>; stack frames show it).</summary>
    public string CellPath(int cellNumber) => Path.Combine(_baseDirectory, $"{_notebookFile}#cell-{cellNumber}");

    /// <summary>The cell's script, continuing the notebook's state.</summary>
    public Script<object> Prepare(string code, int cellNumber)
    {
        var options = _options.WithFilePath(CellPath(cellNumber));
        return _state is null
            ? CSharpScript.Create(code, options, typeof(NotebookGlobals))
            : _state.Script.ContinueWith(code, options);
    }

    /// <summary>The cell's script continuing <paramref name="previous"/>, nothing run (export analyses a chapter this way).</summary>
    public Script<object> Chain(Script<object>? previous, string code, int cellNumber)
    {
        var options = _options.WithFilePath(CellPath(cellNumber));
        return previous is null ? CSharpScript.Create(code, options, typeof(NotebookGlobals)) : previous.ContinueWith(code, options);
    }

    /// <summary>Compiles <paramref name="script"/>; returns its errors (empty when it compiled).</summary>
    public static ImmutableArray<Diagnostic> CompileErrors(Script<object> script) =>
        script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

    /// <summary>Whether the script ends with an expression whose value the cell shows (no semicolon, not void).</summary>
    public static bool HasTrailingValue(Script<object> script)
    {
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Last();
        if (tree.GetRoot() is not CompilationUnitSyntax { Members: [.., GlobalStatementSyntax { Statement: ExpressionStatementSyntax last }] }
            || !last.SemicolonToken.IsMissing) return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(last.Expression).Type;
        // display(x) as a cell's last expression shows the display, not the handle it returns.
        return type is not null && type.SpecialType != SpecialType.System_Void && type.ToDisplayString() != typeof(DisplayedValue).FullName;
    }

    /// <summary>
    /// Loads the submission and the assemblies its <c>#r</c> directives name before it runs, as .NET Interactive does
    /// on <c>#r</c>: an assembly the cell has not touched yet still declares its formatters (a Plotly.NET chart in the
    /// cell that references CourseKit.Core is drawn by CourseKit.Core's chart formatter). Each is loaded through the
    /// submission's own load context, so the cell's later use of it gets the same copy. A file that cannot load is
    /// said on the cell's stderr; the cell runs on (it compiled, and fails only if it uses the file).
    /// </summary>
    public static void LoadDirectiveReferences(Script<object> script)
    {
        var compilation = script.GetCompilation();
        var paths = compilation.DirectiveReferences.OfType<PortableExecutableReference>().Select(r => r.FilePath).OfType<string>().ToList();
        if (paths.Count == 0) return;
        script.CreateDelegate(); // emits and loads the submission; RunAsync reuses it
        var submission = AppDomain.CurrentDomain.GetAssemblies().LastOrDefault(a => a.GetName().Name == compilation.AssemblyName);
        if (submission is null || System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(submission) is not { } context) return;
        foreach (string path in paths)
        {
            try { context.LoadFromAssemblyName(AssemblyName.GetAssemblyName(path)); }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                Console.Error.WriteLine($"#r \"{path}\": could not load it before the cell runs ({e.GetType().Name}: {e.Message}).");
            }
        }
    }

    /// <summary>Runs a compiled script; an exception thrown by the cell's code ends up in the state's <c>Exception</c>.</summary>
    public Task<ScriptState<object>> RunAsync(Script<object> script) => _state is null
        ? script.RunAsync(Globals, catchException: _ => true)
        : script.RunFromAsync(_state, catchException: _ => true);

    /// <summary>Makes <paramref name="state"/> the one later cells continue from (also after an exception: what ran before it stays).</summary>
    public void Accept(ScriptState<object> state) => _state = state;
}
