using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CourseKit.Interactive.Export;

/// <summary>
/// One C# cell as part of a program: <c>using</c> directives are collected (they must open the file), type declarations
/// are moved after the top-level statements (C# wants them there), <c>#r</c> of an assembly file is dropped (the
/// <c>#:project</c> directives stand for the library), and a trailing expression becomes <c>Show(() =&gt; …)</c>, which
/// prints its value as the notebook would and does nothing more for a void call.
/// </summary>
internal static class CellTranslation
{
    private static readonly CSharpParseOptions Script = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    public static void Translate(string code, int cellNumber, List<string> usings, StringBuilder body, StringBuilder types)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, Script).GetRoot();
        foreach (var reference in root.GetReferenceDirectives())
        {
            string target = reference.File.ValueText;
            if (!target.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || !target.Contains("notebook-lib", StringComparison.Ordinal))
                throw new ExportException($"cell {cellNumber}: #r \"{target}\": only the CourseKit library (artifacts/notebook-lib) can be referenced in an exported app.");
        }
        foreach (var u in root.Usings) usings.Add(u.ToString().Trim());
        var members = root.Members;
        for (int i = 0; i < members.Count; i++)
        {
            var member = members[i];
            if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or BaseNamespaceDeclarationSyntax)
            {
                types.Append(member.ToFullString().Trim('\n')).Append("\n\n");
                continue;
            }
            bool last = i == members.Count - 1;
            if (last && member is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } value })
                body.Append(Leading(value)).Append("Show(() => ").Append(value.Expression.ToString()).Append(");\n");
            else
                body.Append(WithoutDirectives(member)).Append('\n');
        }
        body.Append('\n');
    }

    private static string Leading(SyntaxNode node) => string.Concat(node.GetLeadingTrivia().Where(t => !t.IsDirective).Select(t => t.ToFullString()));

    // #r lines are trivia of the first member: keep the comments, drop the directives.
    private static string WithoutDirectives(SyntaxNode member)
    {
        var leading = member.GetLeadingTrivia().Where(t => !t.IsDirective && !t.IsKind(SyntaxKind.DisabledTextTrivia));
        return (string.Concat(leading.Select(t => t.ToFullString())) + member.WithoutLeadingTrivia().ToFullString()).TrimEnd('\n', '\r', ' ');
    }
}
