using System.Globalization;
using System.Text;
using CourseKit.Tuning;

namespace CourseKit.Cli.Studies;

/// <summary>The plain-text views of <c>coursekit study list</c> and <c>show</c>.</summary>
internal static class StudyText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string List(IStudyStorage storage)
    {
        var names = storage.StudyNames();
        if (names.Count == 0) return $"no studies in {storage.Description}\n";
        var rows = names.Select(n => Study.Load(n, storage)).Select(s => (Study: s, Trials: s.Trials)).Select(x => new[]
        {
            x.Study.Name, x.Study.Direction.ToString().ToLowerInvariant(), x.Trials.Count.ToString(Invariant), Counts(x.Trials),
            Best(x.Study, x.Trials), x.Study.Info.Created.ToString("yyyy-MM-dd HH:mm", Invariant),
        }).ToList();
        return $"{names.Count} {(names.Count == 1 ? "study" : "studies")} in {storage.Description}\n" + Table(["name", "direction", "trials", "by state", "best", "created (UTC)"], rows);
    }

    public static string Show(Study study)
    {
        var trials = study.Trials;
        var text = new StringBuilder();
        text.Append(Invariant, $"study '{study.Name}' in {study.Storage.Description}\n");
        text.Append(Invariant, $"  direction {study.Direction.ToString().ToLowerInvariant()}, seed {study.Seed}, created {study.Info.Created:yyyy-MM-dd HH:mm:ss} UTC\n");
        text.Append(Invariant, $"  {trials.Count} trials: {Counts(trials)}\n");
        foreach (var (name, d) in study.Space) text.Append(Invariant, $"  parameter {name}: {d}\n");
        var best = trials.Where(t => t.State == TrialState.Complete).MinBy(t => study.Direction == Direction.Minimize ? t.Value!.Value : -t.Value!.Value);
        if (best is not null) text.Append(Invariant, $"  best: trial {best.Number}, value {Number(best.Value)}, {Params(best)}\n");
        if (trials.Count == 0) return text.ToString();
        var names = study.Space.Select(p => p.Name).ToList();
        var rows = trials.Select(t => new[] { t.Number.ToString(Invariant), t.State.ToString().ToLowerInvariant(), Number(t.Value), Duration(t) }
            .Concat(names.Select(n => t.Params.TryGetValue(n, out var v) ? Format(v) : "")).ToArray()).ToList();
        return text.Append('\n').Append(Table(["trial", "state", "value", "duration", .. names], rows)).ToString();
    }

    public static string Counts(IReadOnlyList<TrialRecord> trials) => trials.Count == 0 ? "none"
        : string.Join(", ", trials.GroupBy(t => t.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));

    private static string Best(Study study, IReadOnlyList<TrialRecord> trials) =>
        trials.Where(t => t.State == TrialState.Complete).Select(t => t.Value!.Value).DefaultIfEmpty(double.NaN)
            .Aggregate((a, b) => double.IsNaN(a) ? b : study.Direction == Direction.Minimize ? Math.Min(a, b) : Math.Max(a, b)) is var v && double.IsNaN(v) ? "—" : Number(v);

    public static string Number(double? value) => value is { } v ? v.ToString("G6", Invariant) : "";

    public static string Duration(TrialRecord t) => t.Duration is { } d ? (d.TotalSeconds).ToString("0.###", Invariant) + " s" : "";

    public static string Format(object? value) => value switch
    {
        double d => d.ToString("G6", Invariant),
        IFormattable f => f.ToString(null, Invariant),
        null => "null",
        _ => value.ToString() ?? "",
    };

    private static string Params(TrialRecord t) => string.Join(", ", t.Params.Select(p => $"{p.Key}={Format(p.Value)}"));

    private static string Table(string[] header, List<string[]> rows)
    {
        int[] widths = header.Select((h, i) => Math.Max(h.Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd() + "\n";
        return Line(header) + string.Concat(rows.Select(Line));
    }
}
