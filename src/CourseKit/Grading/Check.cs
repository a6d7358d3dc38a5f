namespace CourseKit.Grading;

/// <summary>Starts a check: <c>Check.For&lt;Matrix, Matrix&gt;("softmax", points: 3).Case(…).Hidden(…).Reference(…).Compare(…)</c>.</summary>
public static class Check
{
    /// <summary>A new check named <paramref name="name"/> worth <paramref name="points"/> when every case passes.</summary>
    public static Check<TIn, TOut> For<TIn, TOut>(string name, double points = 1) => new(name, points);
}

/// <summary>
/// A check of one exercise: visible cases (in the library), hidden cases (generated only in grading mode), the
/// reference function (the library's own implementation) and how outputs are compared. Build it fluently, then
/// <see cref="Run(Func{TIn, TOut}, TimeSpan?, GradingMode?)"/> it on the learner's function.
/// </summary>
/// <typeparam name="TIn">The input: one value, or a value tuple for several arguments (<c>(Matrix, Matrix)</c>).</typeparam>
/// <typeparam name="TOut">The output of the reference.</typeparam>
public sealed partial class Check<TIn, TOut>
{
    private readonly List<CaseSpec> _visible = [];
    private readonly List<HiddenSpec> _hidden = [];
    private Func<TIn, TOut>? _reference;
    private Func<TOut, object?, Tolerance, Comparison> _compare = (e, a, t) => Outputs.Compare(e, a, t);
    private Tolerance _tolerance = Tolerance.Of(1e-6, 1e-5);
    private string[] _inputNames = ["input"];
    private string? _exercise;
    private bool _allOrNothing;
    private readonly List<LibraryShortcut> _shortcuts = [];

    internal Check(string name, double points)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!(points >= 0) || double.IsInfinity(points))
            throw new ArgumentOutOfRangeException(nameof(points), points, $"points: expected a finite value ≥ 0, actual {points}.");
        Name = name;
        Points = points;
    }

    /// <summary>The check's name, e.g. <c>softmax</c>.</summary>
    public string Name { get; }

    /// <summary>Points for the whole check.</summary>
    public double Points { get; }

    /// <summary>The tolerance outputs are compared with.</summary>
    public Tolerance Tolerance => _tolerance;

    /// <summary>The visible cases' names and inputs (the inputs are copies).</summary>
    public IReadOnlyList<(string Name, TIn Input)> VisibleCases => _visible.Select(c => (c.Name, Inputs.Copy(c.Input))).ToList();

    /// <summary>How many hidden cases run in grading mode.</summary>
    public int HiddenCaseCount => _hidden.Count;

    /// <summary>Adds a visible case; <paramref name="weight"/> is its share of the points, <paramref name="hint"/> shows when it fails.</summary>
    public Check<TIn, TOut> Case(string name, TIn input, double weight = 1, string? hint = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _visible.Add(new CaseSpec(name, input, CheckWeight(weight), hint));
        return this;
    }

    /// <summary>
    /// Adds a hidden case, generated in grading mode only from a generator seeded by the grader's secret (see
    /// <see cref="GradingMode"/>); <paramref name="description"/> (not its values) appears in feedback.
    /// </summary>
    public Check<TIn, TOut> Hidden(string description, Func<Random, TIn> generate, double weight = 1, string? hint = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(generate);
        _hidden.Add(new HiddenSpec(description, generate, CheckWeight(weight), hint));
        return this;
    }

    /// <summary>The reference: the library's own implementation, whose output the learner's must match.</summary>
    public Check<TIn, TOut> Reference(Func<TIn, TOut> reference)
    {
        _reference = reference ?? throw new ArgumentNullException(nameof(reference));
        return this;
    }

    /// <summary>Compares outputs with <see cref="Outputs.Compare"/> under <paramref name="tolerance"/>.</summary>
    public Check<TIn, TOut> Compare(Tolerance tolerance)
    {
        _tolerance = tolerance ?? throw new ArgumentNullException(nameof(tolerance));
        return this;
    }

    /// <summary>Compares outputs with a custom function of (expected, actual, tolerance).</summary>
    public Check<TIn, TOut> Compare(Func<TOut, object?, Tolerance, Comparison> compare)
    {
        _compare = compare ?? throw new ArgumentNullException(nameof(compare));
        return this;
    }

    /// <summary>Names the arguments in feedback (<c>"z"</c>; <c>"yHat", "y"</c>).</summary>
    public Check<TIn, TOut> InputNames(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _inputNames = (string[])names.Clone();
        return this;
    }

    /// <summary>Names the exercise (<c>Exercise 1</c>) for "not implemented yet — replace the throw in Exercise 1".</summary>
    public Check<TIn, TOut> Exercise(string exercise)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(exercise);
        _exercise = exercise;
        return this;
    }

    /// <summary>Full points only when every case passes (by default the points are shared by case weight).</summary>
    public Check<TIn, TOut> AllOrNothing()
    {
        _allOrNothing = true;
        return this;
    }

    /// <summary>
    /// Declares what the exercise asks the learner to write themselves: using <paramref name="shortcut"/> (for
    /// instance <see cref="Shortcuts.Softmax"/>, every form of the library's softmax) scores the check 0 with a
    /// message naming the call — in the notebook's live check and, for any of the learner's cells, when grading.
    /// </summary>
    public Check<TIn, TOut> WriteYourself(LibraryShortcut shortcut)
    {
        ArgumentNullException.ThrowIfNull(shortcut);
        _shortcuts.Add(shortcut);
        return this;
    }

    /// <summary>What the exercise asks the learner to write themselves.</summary>
    public IReadOnlyList<LibraryShortcut> Shortcuts => _shortcuts;

    private static double CheckWeight(double weight) =>
        weight > 0 && double.IsFinite(weight) ? weight
        : throw new ArgumentOutOfRangeException(nameof(weight), weight, $"weight: expected a finite value > 0, actual {weight}.");

    private sealed record CaseSpec(string Name, TIn Input, double Weight, string? Hint);

    private sealed record HiddenSpec(string Description, Func<Random, TIn> Generate, double Weight, string? Hint);
}
