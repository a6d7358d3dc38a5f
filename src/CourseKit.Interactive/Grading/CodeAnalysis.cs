using CourseKit.Interactive.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace CourseKit.Interactive.Grading;

/// <summary>A learner's cell the grader refused to run: where, what it uses and why that is not allowed.</summary>
/// <param name="Cell">The planned cell.</param>
/// <param name="Line">The line (1-based) of the first use.</param>
/// <param name="Use">What it uses (<c>System.IO.File.ReadAllText</c>, <c>#r</c>, <c>unsafe</c>).</param>
/// <param name="Area">Which area that belongs to ("files", "reflection" …).</param>
public sealed record Refusal(PlannedCell Cell, int Line, string Use, string Area)
{
    /// <summary>Where, as the learner finds it: "line 3 of your cell 7".</summary>
    public string Where => $"line {Line} of your cell {Cell.LearnerNumber}";
}

/// <summary>A use of a member an exercise asks the learner to write themselves.</summary>
/// <param name="Cell">The planned cell.</param>
/// <param name="Line">The line (1-based).</param>
/// <param name="TypeFullName">The member's declaring type (<see cref="Type.FullName"/> form).</param>
/// <param name="Member">The member's name ("" for the type itself).</param>
public sealed record MemberUse(PlannedCell Cell, int Line, string TypeFullName, string Member)
{
    /// <summary>Where, as the learner finds it: "line 3 of your cell 7".</summary>
    public string Where => $"line {Line} of your cell {Cell.LearnerNumber}";
}

/// <summary>What the grader found in a learner's cells before running any of them.</summary>
/// <param name="Refusals">Cells that may not run, the first use that forbids each.</param>
/// <param name="Uses">Every use, in the learner's cells, of a member from <c>watched</c>.</param>
/// <param name="CompileErrors">Cells that do not compile, by planned number, as the compiler's first errors.</param>
public sealed record AnalysisResult(IReadOnlyList<Refusal> Refusals, IReadOnlyList<MemberUse> Uses, IReadOnlyDictionary<int, string> CompileErrors);

/// <summary>
/// Roslyn's semantic model over a learner's cells, before anything runs: the planned cells are compiled as the engine
/// compiles them — one script submission each, in order, with the engine's references and imports — and every name in
/// the learner's own cells is bound: a symbol <see cref="ApiPolicy"/> refuses, or <c>unsafe</c>, pointers,
/// <c>extern</c>, <c>__makeref</c>, <c>#r</c> and <c>#load</c>, refuse the cell; uses of the watched members (the
/// exercises' library shortcuts) are reported. The grader runs only what passed, in a sandbox: this is defence in depth.
/// </summary>
public static class CodeAnalysis
{
    /// <summary>Analyses the cells of <paramref name="plan"/> that run; <paramref name="watched"/> decides which members count as uses.</summary>
    public static AnalysisResult Analyze(IReadOnlyList<PlannedCell> plan, string baseDirectory, IReadOnlyList<string> imports, Func<string, string, bool> watched)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(watched);
        var options = ScriptSession.Options(baseDirectory, imports);
        var refusals = new List<Refusal>();
        var uses = new List<MemberUse>();
        var errors = new Dictionary<int, string>();
        Script<object>? previous = null;
        foreach (var cell in plan.Where(c => c.Runs && c.Role != CellRole.Check))
        {
            var script = previous is null
                ? CSharpScript.Create(cell.Source, options.WithFilePath($"cell-{cell.Number}"), typeof(NotebookGlobals))
                : previous.ContinueWith(cell.Source, options.WithFilePath($"cell-{cell.Number}"));
            var compilation = script.GetCompilation();
            var tree = compilation.SyntaxTrees.Last();
            if (cell.IsLearnerCode && Inspect(cell, tree, compilation.GetSemanticModel(tree), watched, uses) is { } refusal)
            {
                refusals.Add(refusal);
                continue; // the cell will not run: the next cells continue from the ones before it
            }
            var failures = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).ToList();
            if (failures.Count > 0) { errors[cell.Number] = string.Join("; ", failures.Select(Format)); continue; }
            previous = script;
        }
        return new AnalysisResult(refusals, uses, errors);
    }

    private static Refusal? Inspect(PlannedCell cell, SyntaxTree tree, SemanticModel model, Func<string, string, bool> watched, List<MemberUse> uses)
    {
        var root = tree.GetRoot();
        foreach (var directive in root.DescendantTrivia().Where(t => t.IsKind(SyntaxKind.ReferenceDirectiveTrivia) || t.IsKind(SyntaxKind.LoadDirectiveTrivia)))
            return new Refusal(cell, Line(directive.GetLocation()), directive.IsKind(SyntaxKind.LoadDirectiveTrivia) ? "#load" : "#r", "#r and #load");
        foreach (var node in root.DescendantNodesAndSelf())
        {
            if (Unsafe(node) is { } construct) return new Refusal(cell, Line(node.GetLocation()), construct, "interop and unsafe code");
            if (node is not (SimpleNameSyntax or ImplicitObjectCreationExpressionSyntax or ElementAccessExpressionSyntax)) continue;
            var info = model.GetSymbolInfo(node);
            foreach (var symbol in info.Symbol is { } s ? [s] : info.CandidateSymbols)
            {
                if (ApiPolicy.Refusal(symbol) is { } area) return new Refusal(cell, Line(node.GetLocation()), Describe(symbol), area);
                if (Watched(symbol, watched) is var (type, member)) uses.Add(new MemberUse(cell, Line(node.GetLocation()), type, member));
            }
        }
        return null;
    }

    private static string? Unsafe(SyntaxNode node) => node switch
    {
        UnsafeStatementSyntax => "unsafe",
        FixedStatementSyntax => "fixed",
        PointerTypeSyntax or FunctionPointerTypeSyntax => "a pointer type",
        MakeRefExpressionSyntax or RefTypeExpressionSyntax or RefValueExpressionSyntax => "__makeref",
        MemberDeclarationSyntax m when m.Modifiers.Any(t => t.IsKind(SyntaxKind.UnsafeKeyword) || t.IsKind(SyntaxKind.ExternKeyword)) => "unsafe or extern",
        LocalFunctionStatementSyntax f when f.Modifiers.Any(t => t.IsKind(SyntaxKind.UnsafeKeyword) || t.IsKind(SyntaxKind.ExternKeyword)) => "unsafe or extern",
        _ when node.IsKind(SyntaxKind.ArgListExpression) => "__arglist",
        _ => null,
    };

    private static (string Type, string Member)? Watched(ISymbol symbol, Func<string, string, bool> watched)
    {
        if (symbol is IMethodSymbol { ReducedFrom: { } extension }) symbol = extension;
        symbol = symbol.OriginalDefinition;
        if (symbol is INamedTypeSymbol type) return watched(ApiPolicy.FullName(type), "") ? (ApiPolicy.FullName(type), "") : null;
        if (symbol.ContainingType is not { } owner) return null;
        string name = symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ? "" : symbol.Name;
        string full = ApiPolicy.FullName((INamedTypeSymbol)owner.OriginalDefinition);
        return watched(full, name) ? (full, name) : null;
    }

    private static string Describe(ISymbol symbol) =>
        symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithMemberOptions(SymbolDisplayMemberOptions.IncludeContainingType));

    private static int Line(Location location) => location.GetLineSpan().StartLinePosition.Line + 1;

    private static string Format(Diagnostic d)
    {
        var at = d.Location.GetLineSpan().StartLinePosition;
        return $"({at.Line + 1},{at.Character + 1}): error {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
