using System.Text.Json.Nodes;
using CourseKit.Interactive.Checks;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Execution;

/// <summary>What happened to one cell in a run.</summary>
public enum CellStatus
{
    /// <summary>Not code (markdown, raw, a <c>#!markdown</c> code cell, an empty code cell): nothing to run.</summary>
    Skipped,

    /// <summary>Ran to the end.</summary>
    Succeeded,

    /// <summary>Threw <see cref="NotImplementedException"/>: an exercise the learner has not done yet.</summary>
    NotImplemented,

    /// <summary>Did not compile, threw, or is in a language CourseKit does not run.</summary>
    Failed,

    /// <summary>Ran past the cell timeout and was abandoned.</summary>
    TimedOut,

    /// <summary>Not run because an earlier cell timed out and the notebook's state was lost.</summary>
    NotRun,
}

/// <summary>One cell's outcome.</summary>
/// <param name="Number">The cell's 1-based position in the notebook.</param>
/// <param name="Id">The cell id.</param>
/// <param name="Status">What happened.</param>
/// <param name="ExecutionCount">The execution count given (null when the cell was not submitted).</param>
/// <param name="ErrorName">The error output's ename (exception type name, "CompilationError" …), or null.</param>
/// <param name="ErrorMessage">The error output's evalue, or null.</param>
/// <param name="Outputs">The outputs written to the cell.</param>
public sealed record CellRunResult(
    int Number, string? Id, CellStatus Status, int? ExecutionCount, string? ErrorName, string? ErrorMessage, IReadOnlyList<JsonObject> Outputs)
{
    /// <summary>Whether this cell makes the run fail (anything but success, skipping, or an exercise not implemented yet).</summary>
    public bool IsFailure => Status is CellStatus.Failed or CellStatus.TimedOut or CellStatus.NotRun;
}

/// <summary>The outcome of running a notebook: the executed notebook, each cell's result, and the checks it reported.</summary>
/// <param name="Notebook">The notebook with outputs and execution counts filled in.</param>
/// <param name="Cells">One result per cell, in order.</param>
public sealed record NotebookRunResult(Notebook Notebook, IReadOnlyList<CellRunResult> Cells)
{
    /// <summary>The check results found in the outputs (<c>application/vnd.coursekit.check+json</c>).</summary>
    public IReadOnlyList<CheckRecord> Checks { get; } = CheckCollector.Collect(Notebook);

    /// <summary>True when no cell failed for a reason other than an exercise not implemented yet.</summary>
    public bool Succeeded => !Cells.Any(c => c.IsFailure);

    /// <summary>The cells that make the run fail.</summary>
    public IEnumerable<CellRunResult> Failures => Cells.Where(c => c.IsFailure);
}
