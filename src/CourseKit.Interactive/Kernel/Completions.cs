using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CourseKit.Interactive.Kernel;

/// <summary>One completion: the name inserted, its kind ("method", "class" …) and its signature.</summary>
internal sealed record Completion(string Name, string Kind, string Signature);

/// <summary>
/// What may be typed at a position: after a dot, the members of the namespace, type or value left of it (instance
/// members and extension methods of a value, static members of a type); elsewhere, every symbol in scope and the C#
/// keywords. Names are plain (never snippets), one per name even when a method has overloads.
/// </summary>
internal static class Completions
{
    private static readonly string[] Keywords = SyntaxFacts.GetKeywordKinds().Select(SyntaxFacts.GetText)
        .Concat(SyntaxFacts.GetContextualKeywordKinds().Select(SyntaxFacts.GetText)).Distinct().ToArray();

    public static IReadOnlyList<Completion> Candidates(SemanticModel model, SyntaxNode root, int position)
    {
        int dot = position - 1;
        while (dot >= 0 && root.SyntaxTree.GetText().ToString(new Microsoft.CodeAnalysis.Text.TextSpan(dot, 1)) is " " or "\t" or "\n" or "\r") dot--;
        bool afterDot = dot >= 0 && root.SyntaxTree.GetText()[dot] == '.';
        var symbols = afterDot ? MembersLeftOf(model, root.FindToken(dot), position) : model.LookupSymbols(position);
        var named = symbols.Where(s => s.CanBeReferencedByName && !s.Name.StartsWith('<') && !s.Name.Contains('#'))
            .GroupBy(s => s.Name, StringComparer.Ordinal).Select(g => Describe(g.First()));
        return afterDot ? named.ToList() : named.Concat(Keywords.Select(k => new Completion(k, "keyword", k))).DistinctBy(c => c.Name).ToList();
    }

    private static IEnumerable<ISymbol> MembersLeftOf(SemanticModel model, SyntaxToken dotToken, int position)
    {
        var left = dotToken.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            QualifiedNameSyntax qualified => qualified.Left,
            MemberBindingExpressionSyntax binding => (binding.Parent as ConditionalAccessExpressionSyntax)?.Expression,
            _ => null,
        };
        if (left is null) return [];
        var symbol = model.GetSymbolInfo(left).Symbol;
        if (symbol is INamespaceSymbol ns) return ns.GetMembers().Where(m => model.IsAccessible(position, m));
        if (symbol is INamedTypeSymbol type) return model.LookupStaticMembers(position, type);
        var valueType = model.GetTypeInfo(left).Type;
        return valueType is null ? [] : model.LookupSymbols(position, valueType, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { IsExtensionMethod: true });
    }

    private static Completion Describe(ISymbol symbol) => new(symbol.Name, KindOf(symbol), symbol.ToDisplayString(Inspection.SignatureFormat));

    private static string KindOf(ISymbol symbol) => symbol switch
    {
        IMethodSymbol => "function",
        IPropertySymbol => "property",
        IFieldSymbol { IsConst: true } => "constant",
        IFieldSymbol => "field",
        ILocalSymbol or IParameterSymbol => "variable",
        IEventSymbol => "event",
        INamespaceSymbol => "module",
        INamedTypeSymbol { TypeKind: TypeKind.Interface } => "interface",
        INamedTypeSymbol { TypeKind: TypeKind.Enum } => "enum",
        INamedTypeSymbol { TypeKind: TypeKind.Struct } => "struct",
        INamedTypeSymbol => "class",
        _ => symbol.Kind.ToString().ToLowerInvariant(),
    };
}
