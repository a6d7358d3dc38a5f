namespace CourseKit.Grading;

/// <summary>
/// A check of a function written with autodiff <see cref="Autodiff.Variable"/>s, such as a cost or a forward pass.
/// For each case it gives the learner's function fresh variables (parameters for what is trained, constants for the
/// data), calls <c>Backward()</c> on the result and compares the value and the gradients with the library's.
/// </summary>
/// <typeparam name="TLearner">The learner's function type, e.g. <c>Func&lt;Variable, float[], Variable&gt;</c>.</typeparam>
/// <typeparam name="TIn">The case's plain inputs (matrices, numbers) that the variables are made from.</typeparam>
/// <typeparam name="TOut">The value and gradients compared, e.g. <c>(float J, float DJdw)</c>.</typeparam>
public sealed class VariableCheck<TLearner, TIn, TOut> where TLearner : Delegate
{
    private readonly Check<TIn, TOut> _check;
    private readonly Func<TLearner, Func<TIn, TOut>> _adapt;
    private readonly string _signature;

    internal VariableCheck(Check<TIn, TOut> check, Func<TLearner, Func<TIn, TOut>> adapt, string signature)
    {
        _check = check;
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
    public VariableCheck<TLearner, TIn, TOut> AllOrNothing()
    {
        _check.AllOrNothing();
        return this;
    }

    /// <summary>
    /// Runs every case on <paramref name="learner"/> (visible ones always, hidden ones in grading mode), as
    /// <see cref="Check{TIn, TOut}.Run(Func{TIn, TOut}, TimeSpan?, GradingMode?)"/> does.
    /// </summary>
    public CheckResult Run(TLearner learner, TimeSpan? timeout = null, GradingMode? mode = null) =>
        learner is null ? Report.NullLearner(Name, Points, _signature) : _check.Run(_adapt(learner), timeout, mode);
}
