using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Execution;

/// <summary>How <see cref="NotebookRunner"/> runs a notebook.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>The default per-cell time limit: 300 s.</summary>
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromSeconds(300);

    /// <summary>How long one cell may run (<see cref="Timeout.InfiniteTimeSpan"/>: no limit, as in a Jupyter kernel); after that it is abandoned and the later cells are not run.</summary>
    public TimeSpan CellTimeout { get; init; } = DefaultCellTimeout;

    /// <summary>How many characters of stdout and stderr together a cell keeps; the rest is dropped with a note.</summary>
    public int MaxStreamCharacters { get; init; } = CellOutputCollector.DefaultMaxStreamCharacters;

    /// <summary>The folder relative <c>#r</c> paths resolve against; null: the notebook's own folder (as VS Code does), else the current folder.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>
    /// Namespaces every cell sees without a using directive: by default exactly those of .NET Interactive's C# kernel
    /// (1.0.712001), so a chapter that compiles here compiles there (System.IO, for one, needs its own using in both).
    /// </summary>
    public IReadOnlyList<string> Imports { get; init; } =
        ["System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks"];

    /// <summary>
    /// Called just before a C# cell is submitted, on the runner's thread. The grader records it so that, when the
    /// process dies inside the cell (stack overflow, out of memory), the cell that was running is known.
    /// </summary>
    public Action<NotebookCell>? CellStarting { get; init; }

    /// <summary>Called after each cell's outcome is known (skipped cells included), before the next cell starts.</summary>
    public Action<NotebookCell, CellRunResult>? CellFinished { get; init; }

    /// <summary>Throws when an option is out of range, naming it.</summary>
    internal void Validate()
    {
        if (CellTimeout <= TimeSpan.Zero && CellTimeout != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(CellTimeout), CellTimeout, "expected a positive cell timeout or Timeout.InfiniteTimeSpan.");
        if (MaxStreamCharacters < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxStreamCharacters), MaxStreamCharacters, "expected at least 1 character.");
        ArgumentNullException.ThrowIfNull(Imports, nameof(Imports));
    }
}
