using System.Text.Json.Nodes;

namespace CourseKit.Interactive.Grading;

/// <summary>One grading attempt's <see cref="ProgressLog"/>, read back by the parent: what was prepared, which cells started and finished.</summary>
public sealed class AttemptJournal
{
    private readonly Dictionary<int, JsonObject> _finished = [];
    private readonly List<int> _started = [];

    /// <summary>Parses <paramref name="events"/> (see <see cref="ProgressLog"/>).</summary>
    public AttemptJournal(IReadOnlyList<JsonObject> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            switch (Text(e, "event"))
            {
                case "prepared":
                    Cells = e["cells"]!.AsArray().Select(c => new PreparedCell(
                        (int)c!["number"]!, (string)c["id"]!, (string)c["role"]!, (int?)c["exercise"])).ToList();
                    Notes = e["notes"]!.AsArray().Select(n => new GradeNote((int?)n!["exercise"], (string)n["text"]!)).ToList();
                    break;
                case "start": _started.Add((int)e["cell"]!); break;
                case "finish": _finished[(int)e["cell"]!] = e; break;
                case "rejected": Rejection = (Text(e, "kind") ?? "not_notebook", Text(e, "reason") ?? "not a notebook"); break;
                case "done": Done = true; break;
            }
        }
    }

    /// <summary>Reads the journal file at <paramref name="path"/>.</summary>
    public static AttemptJournal ReadFile(string path) => new(ProgressLog.Read(path));

    /// <summary>The prepared notebook's cells (empty when the child died before preparing).</summary>
    public IReadOnlyList<PreparedCell> Cells { get; } = [];

    /// <summary>The preparation's notes.</summary>
    public IReadOnlyList<GradeNote> Notes { get; } = [];

    /// <summary>Set when the submission could not be graded at all: kind <c>not_notebook</c> or <c>empty</c>, and why.</summary>
    public (string Kind, string Reason)? Rejection { get; }

    /// <summary>Whether the run reached its end (every cell finished or was reported as not run).</summary>
    public bool Done { get; }

    /// <summary>The <c>finish</c> event of cell <paramref name="number"/>, or null.</summary>
    public JsonObject? Finished(int number) => _finished.GetValueOrDefault(number);

    /// <summary>The prepared cell with id <paramref name="id"/>, or null.</summary>
    public PreparedCell? Cell(string id) => Cells.FirstOrDefault(c => c.Id == id);

    /// <summary>The first cell that ran past the cell timeout, or null.</summary>
    public PreparedCell? TimedOutCell =>
        _finished.Values.Where(f => Text(f, "status") == "TimedOut").Select(f => CellAt((int)f["cell"]!)).FirstOrDefault();

    /// <summary>The cell that started and never finished (where the process died), or null.</summary>
    public PreparedCell? RunningCell => _started.Where(n => !_finished.ContainsKey(n)).Select(CellAt).LastOrDefault();

    /// <summary>The cells that failed (compile error, exception), as (cell, "ename: evalue").</summary>
    public IEnumerable<(PreparedCell Cell, string Error)> Failures =>
        _finished.Values.Where(f => Text(f, "status") == "Failed").OrderBy(f => (int)f["cell"]!)
            .Select(f => (CellAt((int)f["cell"]!), Text(f, "error") ?? "failed"));

    private PreparedCell CellAt(int number) =>
        Cells.FirstOrDefault(c => c.Number == number) ?? new PreparedCell(number, "", "assignment", null);

    internal static string? Text(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
}
