namespace CourseKit.Tuning;

/// <summary>
/// A study's trials as an experiment tracker lists its runs (W&amp;B's runs table): per trial its configuration, its
/// state, its curve (the intermediate values it reported, by step) and its final value — made by
/// <see cref="Study.Runs"/>. Notebooks show it as a table with one column per step and a sparkline per run.
/// </summary>
[TypeFormatterSource("CourseKit.Display.RunTableFormatterSource")]
public sealed class RunTable
{
    internal RunTable(string study, Direction direction, IReadOnlyList<string> parameters, IReadOnlyList<int> steps, IReadOnlyList<RunRow> rows) =>
        (Study, Direction, Parameters, Steps, Rows) = (study, direction, parameters, steps, rows);

    /// <summary>The study's name.</summary>
    public string Study { get; }

    /// <summary>Whether larger (maximize) or smaller values are better.</summary>
    public Direction Direction { get; }

    /// <summary>The configuration's columns: the study's parameters in order of first registration.</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>Every step any trial reported, ascending: the curve's columns.</summary>
    public IReadOnlyList<int> Steps { get; }

    /// <summary>One row per trial, by trial number.</summary>
    public IReadOnlyList<RunRow> Rows { get; }

    /// <summary>The best complete run (ties to the lower trial number), or null when none is complete.</summary>
    public RunRow? Best => Rows.Where(r => r.State == TrialState.Complete && r.Value is not null)
        .OrderBy(r => Direction == Direction.Minimize ? r.Value!.Value : -r.Value!.Value).ThenBy(r => r.Trial).FirstOrDefault();

    /// <summary>The table of <paramref name="study"/>'s trials as they are now.</summary>
    public static RunTable Of(Study study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var trials = study.Trials;
        var steps = trials.SelectMany(t => t.Intermediate.Keys).Distinct().Order().ToArray();
        var rows = trials.Select(t => new RunRow(t.Number, t.State, t.Params, t.Intermediate, t.Value, t.Duration)).ToArray();
        return new RunTable(study.Name, study.Direction, study.Space.Select(p => p.Name).ToArray(), steps, rows);
    }

    /// <inheritdoc />
    public override string ToString() => $"RunTable of study '{Study}': {Rows.Count} runs, {Parameters.Count} parameters, {Steps.Count} steps";
}

/// <summary>One run of a <see cref="RunTable"/>.</summary>
/// <param name="Trial">The trial's number.</param>
/// <param name="State">Complete, pruned, failed, …</param>
/// <param name="Configuration">Its hyperparameters.</param>
/// <param name="Curve">The intermediate values it reported, by step (empty when it reported none).</param>
/// <param name="Value">Its final value, when complete.</param>
/// <param name="Duration">How long it ran, when finished.</param>
public sealed record RunRow(int Trial, TrialState State, ParameterValues Configuration, IReadOnlyDictionary<int, double> Curve, double? Value, TimeSpan? Duration)
{
    /// <summary>The configuration as <c>units=256, learning_rate=0.003</c> (numbers to 4 significant digits).</summary>
    public string Describe() => string.Join(", ", Configuration.Select(p => $"{p.Key}={Format(p.Value)}"));

    private static string Format(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("G4", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}

public sealed partial class Study
{
    /// <summary>Every trial's configuration, curve and value in one table, as an experiment tracker lists runs (<see cref="RunTable.Of"/>).</summary>
    public RunTable Runs() => RunTable.Of(this);
}
