using System.Text.Json.Nodes;
using CourseKit.Interactive.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CourseKit.Interactive.Kernel;

/// <summary>
/// Completion, inspection and completeness for the code in a Jupyter cell, answered by Roslyn's semantic model of the
/// code as the next submission after the cells run so far (so a variable from an earlier cell completes).
/// Cursor positions in the protocol count Unicode code points; they are converted to and from UTF-16 indices.
/// </summary>
internal sealed class CodeIntelligence(Lazy<CellSession> cells)
{
    private const int ScratchCell = 0; // the submission is compiled, never run

    /// <summary>complete_reply: the names that fit the identifier before the cursor, and where they replace it.</summary>
    public JsonObject Complete(string code, int? cursorPos)
    {
        int cursor = CodePoints.ToUtf16(code, cursorPos ?? CodePoints.Count(code));
        int start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_')) start--;
        string prefix = code[start..cursor];
        var (model, tree) = Analyze(code);
        var symbols = Completions.Candidates(model, tree.GetRoot(), start);
        var matches = symbols.Where(s => s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Name.StartsWith(prefix, StringComparison.Ordinal) ? 0 : 1).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        var types = new JsonArray(matches.Select(m => (JsonNode)new JsonObject
        {
            ["start"] = CodePoints.Count(code[..start]), ["end"] = CodePoints.Count(code[..cursor]), ["text"] = m.Name, ["type"] = m.Kind, ["signature"] = m.Signature,
        }).ToArray());
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(matches.Select(m => (JsonNode)JsonValue.Create(m.Name)).ToArray()),
            ["cursor_start"] = CodePoints.Count(code[..start]),
            ["cursor_end"] = CodePoints.Count(code[..cursor]),
            ["metadata"] = new JsonObject { ["_jupyter_types_experimental"] = types },
        };
    }

    /// <summary>inspect_reply: the signature and documentation of the symbol at (or called around) the cursor.</summary>
    public JsonObject Inspect(string code, int? cursorPos, int detailLevel)
    {
        int cursor = CodePoints.ToUtf16(code, cursorPos ?? CodePoints.Count(code));
        var (model, tree) = Analyze(code);
        var symbol = Inspection.SymbolAt(model, tree.GetRoot(), cursor);
        if (symbol is null) return new JsonObject { ["status"] = "ok", ["found"] = false, ["data"] = new JsonObject(), ["metadata"] = new JsonObject() };
        var (plain, markdown) = Inspection.Describe(symbol, model.Compilation, detailLevel);
        return new JsonObject
        {
            ["status"] = "ok", ["found"] = true,
            ["data"] = new JsonObject { ["text/plain"] = plain, ["text/markdown"] = markdown },
            ["metadata"] = new JsonObject(),
        };
    }

    /// <summary>is_complete_reply: "complete", "incomplete" (with an indent), or "invalid".</summary>
    public static JsonObject IsComplete(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
        if (!SyntaxFactory.IsCompleteSubmission(tree))
        {
            int depth = Math.Max(0, code.Count(c => c == '{') - code.Count(c => c == '}'));
            return new JsonObject { ["status"] = "incomplete", ["indent"] = new string(' ', 4 * depth) };
        }
        bool invalid = tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
        return new JsonObject { ["status"] = invalid ? "invalid" : "complete" };
    }

    private (SemanticModel Model, SyntaxTree Tree) Analyze(string code)
    {
        var compilation = cells.Value.Script.Prepare(code, ScratchCell).GetCompilation();
        var tree = compilation.SyntaxTrees.Last();
        return (compilation.GetSemanticModel(tree), tree);
    }
}

/// <summary>Jupyter counts cursor positions in Unicode code points; .NET strings index UTF-16 units.</summary>
internal static class CodePoints
{
    public static int Count(string text)
    {
        int count = 0;
        for (int i = 0; i < text.Length; i++, count++)
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        return count;
    }

    public static int ToUtf16(string text, int codePoints)
    {
        int i = 0;
        for (int n = 0; n < codePoints && i < text.Length; n++)
            i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
        return i;
    }
}
