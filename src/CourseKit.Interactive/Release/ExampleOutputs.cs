using System.Text;
using CourseKit.Interactive.Execution;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Release;

/// <summary>
/// What each example cell of a solution printed and returned when the solution ran, by cell id: the text the student
/// version shows as "Expected output" (console output, then each displayed value's <c>text/plain</c>).
/// </summary>
public sealed class ExampleOutputs
{
    private readonly Dictionary<string, string> _texts;
    private readonly string? _placeholder;

    private ExampleOutputs(Dictionary<string, string> texts, string? placeholder = null) => (_texts, _placeholder) = (texts, placeholder);

    /// <summary>
    /// For a release that is only graded, never handed out: every example gets its expected-output cell (same id as in
    /// the student version, so a learner's copy matches it) with a placeholder text, without running the solution.
    /// </summary>
    public static ExampleOutputs NotCaptured { get; } = new([], "(the solution's output; `coursekit release` captures it)");

    /// <summary>The captured text of the example cell with id <paramref name="cellId"/>, or null when none was captured.</summary>
    public string? For(string cellId) => _texts.GetValueOrDefault(cellId) ?? _placeholder;

    /// <summary>Whether <paramref name="notebook"/> has any example cell (only then does release need to run it).</summary>
    public static bool Needed(Notebook notebook) => notebook.Cells.Any(c => c.IsCode && ExampleCells.IsExample(c.Source));

    /// <summary>Runs a copy of <paramref name="solution"/> on CourseKit's engine (in its own folder) and captures its examples.</summary>
    /// <exception cref="ReleaseException">An example cell failed, did not run, or showed nothing.</exception>
    public static ExampleOutputs Run(Notebook solution, TimeSpan? cellTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(solution);
        var copy = NotebookReader.Parse(NotebookWriter.ToText(solution), solution.Path ?? Path.GetFullPath("notebook.ipynb"));
        var options = new NotebookRunOptions { CellTimeout = cellTimeout ?? TimeSpan.FromMinutes(5) };
        return From(new NotebookRunner(options).Run(copy));
    }

    /// <summary>The examples of an executed solution.</summary>
    /// <exception cref="ReleaseException">An example cell failed, did not run, or showed nothing.</exception>
    public static ExampleOutputs From(NotebookRunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var cells = run.Notebook.Cells;
        foreach (var result in run.Cells)
        {
            var cell = cells[result.Number - 1];
            if (!cell.IsCode || !ExampleCells.IsExample(cell.Source)) continue;
            string where = $"{run.Notebook.Name}, example cell {cell.Number}";
            if (result.Status != CellStatus.Succeeded)
                throw new ReleaseException($"{where}: expected it to run in the solution, actual {result.Status}" +
                    (result.ErrorMessage is null ? "." : $" ({result.ErrorName}: {result.ErrorMessage})."));
            string text = TextOf(cell.Outputs);
            if (text.Trim().Length == 0)
                throw new ReleaseException($"{where}: shows nothing; end it with the call whose value learners should compare with.");
            texts[cell.Id ?? throw new ReleaseException($"{where}: has no cell id.")] = text;
        }
        return new ExampleOutputs(texts);
    }

    private static string TextOf(IEnumerable<System.Text.Json.Nodes.JsonObject> outputs)
    {
        var text = new StringBuilder();
        foreach (var output in outputs)
        {
            string? part = NotebookOutputs.OutputType(output) switch
            {
                "stream" => SourceLines.Join(output["text"], "stream text"),
                "display_data" or "execute_result" => NotebookOutputs.Data(output, "text/plain"),
                _ => null,
            };
            if (part is null) continue;
            if (text.Length > 0 && text[^1] != '\n') text.Append('\n');
            text.Append(part.Replace("\r\n", "\n", StringComparison.Ordinal));
        }
        return text.ToString();
    }
}
