using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CourseKit.Interactive.Execution;

/// <summary>
/// Inserts <c>CellInterrupt.Poll();</c> at the top of every loop body, block-bodied method, local function, accessor
/// and lambda, and before every <c>goto</c>, so that <c>while (true) {}</c> or runaway recursion stops when the cell is
/// interrupted. Text is inserted within lines (never a line break), so line numbers in stack traces stay the cell's;
/// columns of compile errors are taken from the code as written (<see cref="CellSession"/> recompiles it on error).
/// </summary>
internal static class InterruptPoints
{
    private const string Call = "global::CourseKit.Interactive.Execution.CellInterrupt.Poll();";

    /// <summary>The cell's code with the polls inserted; the code unchanged when nothing needs one.</summary>
    public static string Insert(string code, CSharpParseOptions options)
    {
        var root = CSharpSyntaxTree.ParseText(code, options).GetRoot();
        var changes = new List<TextChange>();
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case WhileStatementSyntax w: AtTopOf(w.Statement, changes); break;
                case DoStatementSyntax d: AtTopOf(d.Statement, changes); break;
                case ForStatementSyntax f: AtTopOf(f.Statement, changes); break;
                case CommonForEachStatementSyntax e: AtTopOf(e.Statement, changes); break;
                case GotoStatementSyntax g: Wrap(g, changes); break;
                case BaseMethodDeclarationSyntax { Body: { } body }: AtTopOf(body, changes); break;
                case LocalFunctionStatementSyntax { Body: { } body }: AtTopOf(body, changes); break;
                case AccessorDeclarationSyntax { Body: { } body }: AtTopOf(body, changes); break;
                case AnonymousFunctionExpressionSyntax { Block: { } body }: AtTopOf(body, changes); break;
            }
        }
        return changes.Count == 0 ? code : SourceText.From(code).WithChanges(changes.OrderBy(c => c.Span.Start)).ToString();
    }

    private static void AtTopOf(StatementSyntax body, List<TextChange> changes)
    {
        if (body is BlockSyntax block)
        {
            if (!block.OpenBraceToken.IsMissing) changes.Add(new TextChange(new TextSpan(block.OpenBraceToken.Span.End, 0), Call));
        }
        else Wrap(body, changes);
    }

    // A single statement (the body of `while (x) i++;`, or a goto) becomes `{ Poll(); statement }`; a declaration
    // statement cannot be a loop body, so the braces never change a variable's scope.
    private static void Wrap(StatementSyntax statement, List<TextChange> changes)
    {
        if (statement is EmptyStatementSyntax)
        {
            changes.Add(new TextChange(new TextSpan(statement.Span.Start, 0), Call));
            return;
        }
        changes.Add(new TextChange(new TextSpan(statement.Span.Start, 0), "{" + Call + " "));
        changes.Add(new TextChange(new TextSpan(statement.Span.End, 0), " }"));
    }
}
