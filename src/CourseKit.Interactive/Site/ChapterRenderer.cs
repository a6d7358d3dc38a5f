using System.Text;
using CourseKit.Interactive.Execution;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Site;

/// <summary>Turns an executed notebook into a <see cref="ChapterPage"/>: markdown cells through Markdig, code cells with their outputs.</summary>
internal static class ChapterRenderer
{
    /// <summary>Renders every cell of <paramref name="notebook"/> in order; raw cells are left out, as nbconvert does for HTML.</summary>
    public static ChapterPage Render(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var markdown = new MarkdownRenderer();
        var headings = new List<Heading>();
        var body = new StringBuilder();
        bool charts = false, executed = false;
        foreach (var cell in notebook.Cells)
        {
            string source = cell.Source;
            if (cell.CellType == "markdown" || (cell.IsCode && IsMarkdownCode(cell, notebook.DefaultKernelName, ref source)))
            {
                var (html, found) = markdown.Render(source);
                headings.AddRange(found);
                body.Append("<div class=\"cell markdown\">\n").Append(html).Append("</div>\n");
            }
            else if (cell.IsCode)
            {
                executed |= cell.Outputs.Count > 0 || cell.ExecutionCount is not null;
                charts |= cell.Outputs.Any(OutputRenderer.IsChart);
                if (source.Trim().Length == 0 && cell.Outputs.Count == 0) continue;
                body.Append(CodeCellRenderer.ToHtml(cell, source, Language(cell, notebook.DefaultKernelName, ref source))).Append('\n');
            }
        }
        var title = headings.FirstOrDefault(h => h.Level == 1);
        return new ChapterPage(
            notebook.Name + ".html",
            title?.Text ?? notebook.Name,
            title?.Html ?? HtmlText.Escape(notebook.Name),
            headings.Where(h => h.Level == 2).ToList(),
            body.ToString(),
            charts,
            executed);
    }

    // Polyglot writes markdown either as markdown cells or as code cells in the "markdown" kernel (or with #!markdown).
    private static bool IsMarkdownCode(NotebookCell cell, string? defaultKernel, ref string source)
    {
        var plan = CellPlan.For(cell, defaultKernel);
        if (plan.Action != CellAction.Skip || !string.Equals(plan.KernelName, "markdown", StringComparison.OrdinalIgnoreCase)) return false;
        source = StripMagic(source, "markdown");
        return true;
    }

    private static string Language(NotebookCell cell, string? defaultKernel, ref string source)
    {
        var plan = CellPlan.For(cell, defaultKernel);
        if (plan.Action == CellAction.UnknownKernel) { source = StripMagic(source, plan.KernelName!); return plan.KernelName!; }
        source = StripMagic(source, "csharp", "c#");
        return "csharp";
    }

    private static string StripMagic(string source, params string[] names)
    {
        int end = source.IndexOf('\n');
        string first = (end < 0 ? source : source[..end]).Trim();
        bool magic = first.StartsWith("#!", StringComparison.Ordinal)
            && names.Any(n => first[2..].Trim().Equals(n, StringComparison.OrdinalIgnoreCase));
        return magic ? (end < 0 ? "" : source[(end + 1)..]) : source;
    }
}
