using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CourseKit.Interactive.Grading;

/// <summary>
/// A check cell's one statement, <c>Checks.Softmax.Run(Softmax)</c>: the library check it runs (<see cref="Check"/>,
/// a property of <c>CourseKit.Grading.Checks</c>) and the learner's function it passes (<see cref="Function"/>, an
/// expression of the notebook). The grader builds the check's cases itself and runs, in the learner's process, a
/// probe in its place: <c>global::CourseKit.Grading.Checks.Softmax.Answer(Softmax, "…inputs…")</c>, which only calls
/// the function on the inputs and returns what it did.
/// </summary>
/// <param name="Check">The property of <c>Checks</c> ("Softmax").</param>
/// <param name="Function">The argument's source ("Softmax").</param>
public sealed record CheckCall(string Check, string Function)
{
    /// <summary>The form every check cell has.</summary>
    public const string Form = "Checks.Name.Run(YourFunction)";

    /// <summary>Reads a check cell's source; null when it is not of the form <see cref="Form"/>, with <paramref name="problem"/> saying why.</summary>
    public static CheckCall? Parse(string source, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(source);
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
        var root = (CompilationUnitSyntax)tree.GetRoot();
        problem = null;
        if (root.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)) problem = "it does not parse";
        else if (root.Members is not [GlobalStatementSyntax { Statement: ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call } }])
            problem = "expected exactly one statement";
        else if (call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.Text: "Run", Expression: var checkExpression }
                 || CheckName(checkExpression) is not { } name)
            problem = $"expected a call of the form {Form}";
        else if (call.ArgumentList.Arguments is not [{ NameColon: null, RefKindKeyword.RawKind: 0 } argument])
            problem = "expected exactly one argument, the function the check runs";
        else return new CheckCall(name, argument.Expression.ToString());
        return null;
    }

    /// <summary>The probe that replaces the check cell in the learner's process, with the cases' inputs in <paramref name="payload"/>.</summary>
    public string Probe(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return $"global::CourseKit.Grading.Checks.{Check}.Answer({Function}, \"{payload}\")";
    }

    // Checks.X, CourseKit.Grading.Checks.X or global::CourseKit.Grading.Checks.X.
    private static string? CheckName(ExpressionSyntax expression)
    {
        if (expression is not MemberAccessExpressionSyntax { Name: IdentifierNameSyntax property } access) return null;
        string qualifier = access.Expression.ToString().Replace(" ", "", StringComparison.Ordinal);
        return qualifier is "Checks" or "CourseKit.Grading.Checks" or "global::CourseKit.Grading.Checks" ? property.Identifier.Text : null;
    }
}
