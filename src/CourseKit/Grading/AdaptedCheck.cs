namespace CourseKit.Grading;

/// <summary>
/// A check of a learner's function whose inputs or outputs cannot be compared as they are: for each case an adapter
/// turns the case's plain inputs into the function's arguments and its result into plain values to compare. An autodiff
/// cost gets fresh <see cref="Autodiff.Variable"/>s and is compared on its value and the gradients after
/// <c>Backward()</c>; a model builder gets a placement or a trial and is compared on the model's layers and counts.
/// </summary>
/// <typeparam name="TLearner">The learner's function type, e.g. <c>Func&lt;Variable, float[], Variable&gt;</c>.</typeparam>
/// <typeparam name="TIn">The case's plain inputs (matrices, numbers) that the variables are made from.</typeparam>
/// <typeparam name="TOut">The value and gradients compared, e.g. <c>(float J, float DJdw)</c>.</typeparam>
public sealed class AdaptedCheck<TLearner, TIn, TOut> : IGradedCheck where TLearner : Delegate
{
    private readonly Check<TIn, TOut> _check;
    private readonly Func<TLearner, Func<TIn, TOut>> _adapt;
    private readonly string _signature;

    internal AdaptedCheck(Check<TIn, TOut> check, Func<TLearner, Func<TIn, TOut>> adapt, string signature)
    {
        _check = check;
        _check.ExpectedSignature = signature;
        _adapt = adapt;
        _signature = signature;
    }

    /// <summary>The check's name, e.g. <c>autodiff cost</c>.</summary>
    public string Name => _check.Name;

    /// <summary>Points for the whole check.</summary>
    public double Points => _check.Points;

    /// <summary>The tolerance values and gradients are compared with.</summary>
    public Tolerance Tolerance => _check.Tolerance;

    /// <summary>The visible cases' names and plain inputs (copies).</summary>
    public IReadOnlyList<(string Name, TIn Input)> VisibleCases => _check.VisibleCases;

    /// <summary>How many hidden cases run in grading mode.</summary>
    public int HiddenCaseCount => _check.HiddenCaseCount;

    /// <summary>Full points only when every case passes.</summary>
    public AdaptedCheck<TLearner, TIn, TOut> AllOrNothing()
    {
        _check.AllOrNothing();
        return this;
    }

    /// <summary>
    /// Runs every case on <paramref name="learner"/> (visible ones always, hidden ones in grading mode), as
    /// <see cref="Check{TIn, TOut}.Run(Func{TIn, TOut}, TimeSpan?, GradingMode?)"/> does.
    /// </summary>
    public CheckResult Run(TLearner learner, TimeSpan? timeout = null, GradingMode? mode = null)
    {
        if (learner is null) return Report.NullLearner(Name, Points, _signature);
        var run = _adapt(learner);
        return _check.RunCore(input => run(input), learner, timeout, mode);
    }

    /// <summary>Grading only: the answers of <paramref name="learner"/> to the cases in <paramref name="cases"/> (see <see cref="Check{TIn, TOut}.Answer(Func{TIn, TOut}, string)"/>).</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public string Answer(TLearner learner, string cases)
    {
        if (learner is null) return new Protocol.AnswerSet(Protocol.AnswerProblem.NullFunction, _signature, []).ToJson();
        var run = _adapt(learner);
        return _check.AnswerCore(input => run(input), cases);
    }

    /// <summary>Declares what the exercise asks the learner to write themselves (see <see cref="Check{TIn, TOut}.WriteYourself"/>).</summary>
    public AdaptedCheck<TLearner, TIn, TOut> WriteYourself(LibraryShortcut shortcut)
    {
        _check.WriteYourself(shortcut);
        return this;
    }

    /// <inheritdoc />
    public IReadOnlyList<LibraryShortcut> Shortcuts => _check.Shortcuts;

    /// <inheritdoc />
    public GradedCases Prepare(GradingMode mode) => _check.Prepare(mode);

    /// <inheritdoc />
    public CheckResult Broken(string message) => _check.Broken(message);

    /// <inheritdoc />
    public CheckResult Unrun(CheckStatus status, string message) => _check.Unrun(status, message);
}
