using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;
using CourseKit.Interactive.Execution;

namespace CourseKit.Interactive.Export;

/// <summary>
/// Renames what would collide once a notebook's cells are one file of top-level statements. In a notebook each cell is a
/// script submission whose top-level variables and methods are members of its own class: a later <c>var small = …</c>
/// hides the earlier <c>small</c>, and a local inside a loop may reuse a top-level name. In one file both are errors
/// (CS0128, CS0136). The cells are compiled as the engine chains them (nothing runs), and an identifier is renamed only
/// where Roslyn binds it to the renamed symbol — never an earlier use, a member access, a named argument, or a lambda's
/// own local (lambdas and local functions may shadow).
/// </summary>
internal sealed class RedeclarationRenamer
{
    private readonly List<(string Code, SyntaxTree Tree, SemanticModel Model)> _cells = [];
    private readonly Dictionary<string, string> _renamed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>Compiles the chapter's C# cells in order (<paramref name="cells"/>: code and cell number).</summary>
    public RedeclarationRenamer(string notebookPath, IEnumerable<(string Code, int Number)> cells)
    {
        var session = new ScriptSession(Path.GetDirectoryName(notebookPath)!, Path.GetFileName(notebookPath), new NotebookRunOptions().Imports);
        Script<object>? previous = null;
        foreach (var (code, number) in cells)
        {
            previous = session.Chain(previous, code, number);
            var compilation = previous.GetCompilation();
            var tree = compilation.SyntaxTrees.Last();
            _cells.Add((code, tree, compilation.GetSemanticModel(tree)));
            foreach (var token in tree.GetRoot().DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken))) _taken.Add(token.ValueText);
        }
        var topLevelNames = RenameRedeclarations();
        foreach (var symbol in Declarations().Where(s => IsScriptLocal(s) && topLevelNames.Contains(s.Name))) Rename(symbol);
    }

    /// <summary>The <paramref name="index"/>-th cell given to the constructor, its renamed identifiers replaced.</summary>
    public string Rewrite(int index)
    {
        var (code, tree, model) = _cells[index];
        var changes = new List<TextChange>();
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            var symbol = model.GetDeclaredSymbol(node) ?? (node is IdentifierNameSyntax ? model.GetSymbolInfo(node).Symbol : null);
            if (symbol is null || !symbol.Locations.Any(l => l.IsInSource) || !_renamed.TryGetValue(Key(symbol), out string? name)) continue;
            SyntaxToken token = node switch
            {
                IdentifierNameSyntax id => id.Identifier,
                VariableDeclaratorSyntax v => v.Identifier,
                SingleVariableDesignationSyntax d => d.Identifier,
                MethodDeclarationSyntax m => m.Identifier,
                ForEachStatementSyntax f => f.Identifier,
                CatchDeclarationSyntax c => c.Identifier,
                _ => default,
            };
            if (token.RawKind != 0 && token.ValueText == symbol.Name) changes.Add(new TextChange(token.Span, name));
        }
        return SourceText.From(code).WithChanges(changes.DistinctBy(c => c.Span)).ToString();
    }

    // A later cell's top-level variable or method of a name an earlier cell declared gets a fresh name (overloads within
    // one cell stay). Returns every top-level name the program ends up with.
    private HashSet<string> RenameRedeclarations()
    {
        var declaredIn = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var symbol in Declarations().Where(IsTopLevel))
        {
            string cell = symbol.Locations[0].SourceTree!.FilePath;
            if (declaredIn.TryAdd(symbol.Name, cell) || declaredIn[symbol.Name] == cell) { names.Add(symbol.Name); continue; }
            declaredIn[symbol.Name] = cell;
            names.Add(Rename(symbol));
        }
        return names;
    }

    private IEnumerable<ISymbol> Declarations() =>
        _cells.SelectMany(c => c.Tree.GetRoot().DescendantNodes().Select(n => c.Model.GetDeclaredSymbol(n)))
            .OfType<ISymbol>().Where(s => s.Locations is [{ IsInSource: true }, ..]);

    private string Rename(ISymbol symbol)
    {
        if (_renamed.TryGetValue(Key(symbol), out string? existing)) return existing;
        int n = 2;
        while (_taken.Contains($"{symbol.Name}{n}")) n++;
        string name = $"{symbol.Name}{n}";
        _taken.Add(name);
        return _renamed[Key(symbol)] = name;
    }

    // A cell's top-level variables and methods are members of its script class.
    private static bool IsTopLevel(ISymbol symbol) =>
        symbol is IFieldSymbol or IMethodSymbol { MethodKind: MethodKind.Ordinary } && symbol.ContainingType is { IsScriptClass: true };

    // A local of a cell's own code (in a loop or block), not of a method, lambda or local function, which may shadow.
    private static bool IsScriptLocal(ISymbol symbol) =>
        symbol is ILocalSymbol && symbol.ContainingSymbol is IMethodSymbol { IsImplicitlyDeclared: true, ContainingType.IsScriptClass: true };

    private static string Key(ISymbol symbol) =>
        $"{symbol.Locations[0].SourceTree!.FilePath}|{symbol.Locations[0].SourceSpan.Start}";
}
