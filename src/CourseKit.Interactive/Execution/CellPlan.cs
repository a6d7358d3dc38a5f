using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Execution;

/// <summary>What to do with a cell.</summary>
internal enum CellAction
{
    /// <summary>Nothing to run (markdown, raw, <c>#!markdown</c>, empty).</summary>
    Skip,

    /// <summary>Submit <see cref="CellPlan.Code"/> to the C# script.</summary>
    RunCSharp,

    /// <summary>A language CourseKit does not run (<see cref="CellPlan.KernelName"/>).</summary>
    UnknownKernel,
}

/// <summary>A cell's action and, for C#, its code with the <c>#!csharp</c> line blanked so line numbers stay the cell's.</summary>
internal sealed record CellPlan(CellAction Action, string Code, string? KernelName)
{
    private static readonly string[] CSharpNames = ["csharp", "c#"];

    /// <summary>Decides from the first line's <c>#!kernel</c> magic, else the cell's kernel metadata, else the notebook's default.</summary>
    public static CellPlan For(NotebookCell cell, string? notebookDefaultKernel)
    {
        if (!cell.IsCode) return new(CellAction.Skip, "", null);
        string source = cell.Source;
        int lineEnd = source.IndexOf('\n');
        string firstLine = (lineEnd < 0 ? source : source[..lineEnd]).Trim();
        if (firstLine.StartsWith("#!", StringComparison.Ordinal))
        {
            string magic = firstLine[2..].Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            if (magic.Equals("markdown", StringComparison.OrdinalIgnoreCase)) return new(CellAction.Skip, "", "markdown");
            if (!IsCSharp(magic)) return new(CellAction.UnknownKernel, "", magic);
            source = lineEnd < 0 ? "" : "\n" + source[(lineEnd + 1)..];
        }
        else
        {
            string? kernel = cell.KernelName ?? notebookDefaultKernel;
            if (kernel is not null && kernel.Equals("markdown", StringComparison.OrdinalIgnoreCase)) return new(CellAction.Skip, "", kernel);
            if (kernel is not null && !IsCSharp(kernel)) return new(CellAction.UnknownKernel, "", kernel);
        }
        return string.IsNullOrWhiteSpace(source) ? new(CellAction.Skip, "", null) : new(CellAction.RunCSharp, source, PolyglotMetadata.CSharpKernel);
    }

    private static bool IsCSharp(string name) => CSharpNames.Contains(name, StringComparer.OrdinalIgnoreCase);
}
