using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CourseKit.Interactive.Kernel;

/// <summary>
/// What Shift+Tab shows: the symbol under the cursor (or the method or constructor being called around it), its
/// signatures (every overload of a method) and its documentation comment's summary, returns and parameters.
/// </summary>
internal static class Inspection
{
    /// <summary>Signatures as C# shows them: return type, containing type, name, parameters with names and defaults.</summary>
    public static readonly SymbolDisplayFormat SignatureFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeRef,
        kindOptions: SymbolDisplayKindOptions.IncludeTypeKeyword | SymbolDisplayKindOptions.IncludeNamespaceKeyword,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeParamsRefOut,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static ISymbol? SymbolAt(SemanticModel model, SyntaxNode root, int cursor)
    {
        if (root.FullSpan.Length == 0) return null;
        foreach (int position in new[] { cursor, cursor - 1 }.Where(p => p >= 0 && p < root.FullSpan.End))
        {
            var token = root.FindToken(position);
            if (token.Parent is { } node && token.Span.Contains(position) && SymbolOf(model, node) is { } found) return found;
        }
        var call = root.FindToken(Math.Max(0, Math.Min(cursor, root.FullSpan.End - 1))).Parent?.AncestorsAndSelf()
            .FirstOrDefault(n => n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax);
        return call is null ? null : SymbolOf(model, call);
    }

    private static ISymbol? SymbolOf(SemanticModel model, SyntaxNode node)
    {
        var info = model.GetSymbolInfo(node);
        return info.Symbol ?? info.CandidateSymbols.FirstOrDefault() ?? model.GetDeclaredSymbol(node)
            ?? (node is TypeSyntax ? model.GetTypeInfo(node).Type : null);
    }

    /// <summary>Plain text and markdown: signatures, then the documentation (parameters too when <paramref name="detailLevel"/> &gt; 0).</summary>
    public static (string Plain, string Markdown) Describe(ISymbol symbol, Compilation compilation, int detailLevel)
    {
        var signatures = symbol is IMethodSymbol method && method.ContainingType is { } owner
            ? owner.GetMembers(method.Name).OfType<IMethodSymbol>().Select(m => m.ToDisplayString(SignatureFormat)).ToList()
            : [symbol.ToDisplayString(SignatureFormat)];
        var docs = DocComments.For(symbol, compilation);
        var plain = new StringBuilder(string.Join("\n", signatures));
        var markdown = new StringBuilder("```csharp\n").Append(string.Join("\n", signatures)).Append("\n```\n");
        if (docs is not null)
        {
            foreach (var (label, text) in docs.Sections(detailLevel > 0))
            {
                plain.Append("\n\n").Append(label.Length > 0 ? $"{label}: " : "").Append(text);
                markdown.Append('\n').Append(label.Length > 0 ? $"**{label}:** " : "").Append(text).Append('\n');
            }
        }
        return (plain.ToString(), markdown.ToString());
    }
}
