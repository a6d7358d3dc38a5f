namespace CourseKit.Grading;

public sealed partial class Check<TIn, TOut>
{
    /// <summary>
    /// Runs every case on <paramref name="learner"/>: visible ones always, hidden ones in grading mode. Each call gets
    /// fresh copies of the inputs. With <paramref name="timeout"/>, each case runs on a background thread and reports
    /// "timed out after N s" when it does not return (the runaway thread is abandoned, later cases are skipped).
    /// </summary>
    /// <param name="learner">The learner's function.</param>
    /// <param name="timeout">Per-case time limit; none by default (the grader runs whole cells with time limits).</param>
    /// <param name="mode">Learner or grading mode; by default from the environment (<see cref="GradingMode.FromEnvironment"/>).</param>
    public CheckResult Run(Func<TIn, TOut> learner, TimeSpan? timeout = null, GradingMode? mode = null)
    {
        if (learner is null) return Report.NullLearner(Name, Points, $"Func<{TypeNames.Of(typeof(TIn))}, {TypeNames.Of(typeof(TOut))}>");
        return RunCore(input => learner(input), timeout, mode ?? GradingMode.FromEnvironment());
    }

    /// <summary>
    /// Runs a function of any signature: one whose parameters match the inputs (a tuple's items as separate
    /// arguments) runs, and an output of another type is reported per case as "wrong type"; a signature that does
    /// not fit is reported as an error naming both signatures.
    /// </summary>
    public CheckResult Run(Delegate learner, TimeSpan? timeout = null, GradingMode? mode = null)
    {
        if (learner is null) return Report.NullLearner(Name, Points, ExpectedSignature);
        if (learner is Func<TIn, TOut> typed) return Run(typed, timeout, mode);
        var invoke = Signatures.Adapt(learner, typeof(TIn), out string? problem);
        if (invoke is null) return Report.WrongSignature(Name, Points, ExpectedSignature, problem!);
        return RunCore(input => invoke(input), timeout, mode ?? GradingMode.FromEnvironment());
    }

    private string ExpectedSignature => Signatures.Describe(typeof(TIn), typeof(TOut));

    private CheckResult RunCore(Func<TIn, object?> learner, TimeSpan? timeout, GradingMode mode)
    {
        if (_reference is null)
            throw new InvalidOperationException($"Check '{Name}': expected a reference function (call .Reference(…)), actual none.");
        var results = new List<CaseResult>();
        bool timedOut = false;
        foreach (var (spec, hidden) in Cases(mode))
        {
            if (timedOut)
                results.Add(new CaseResult(spec.Name, hidden, CaseStatus.Skipped, "not run: an earlier case timed out", spec.Weight));
            else
                results.Add(RunCase(spec, hidden, learner, timeout));
            timedOut |= results[^1].Status == CaseStatus.TimedOut;
        }
        return Report.Build(Name, Points, results, _allOrNothing);
    }

    private IEnumerable<(CaseSpec Spec, bool Hidden)> Cases(GradingMode mode)
    {
        foreach (var c in _visible) yield return (c, false);
        if (!mode.RunsHiddenCases) yield break;
        for (int k = 0; k < _hidden.Count; k++)
        {
            var h = _hidden[k];
            TIn input = h.Generate(mode.HiddenCaseRandom(Name, k));
            yield return (new CaseSpec($"hidden case {k + 1} ({h.Description})", input, h.Weight, h.Hint), true);
        }
    }

    private CaseResult RunCase(CaseSpec spec, bool hidden, Func<TIn, object?> learner, TimeSpan? timeout)
    {
        TOut expected = RunReference(spec);
        TIn given = Inputs.Copy(spec.Input);
        Outcome outcome = Outcome.Run(() => learner(given), timeout);
        var result = new CaseResult(spec.Name, hidden, CaseStatus.Passed, "", spec.Weight) { Hint = spec.Hint };
        if (outcome.TimedOut)
            return result with { Status = CaseStatus.TimedOut, Message = $"timed out after {Numbers.Short(timeout!.Value.TotalSeconds)} s" };
        if (outcome.Exception is NotImplementedException nie)
        {
            string where = LearnerCode.ExerciseOf(nie) ?? _exercise ?? "your exercise cell";
            return result with { Status = CaseStatus.NotImplemented, Message = $"not implemented yet — replace the throw in {where}" };
        }
        if (outcome.Exception is { } ex)
            return result with { Status = CaseStatus.Error, Message = "your code threw " + LearnerCode.DescribeException(ex) };
        Comparison comparison = _compare(expected, outcome.Value, _tolerance);
        string? change = Inputs.FindChange(spec.Input, given, _inputNames, revealValues: !hidden);
        if (comparison.Passed && change is null) return result;
        string message = comparison.Passed ? "" : comparison.Describe(revealExpected: !hidden);
        if (change is not null)
            message += (message.Length > 0 ? "; also, " : "") +
                       $"your function changed its input {change} — work on a copy so that the caller's data stays as it was";
        return result with { Status = CaseStatus.Failed, Message = message, Comparison = comparison.Passed ? null : comparison };
    }

    private TOut RunReference(CaseSpec spec)
    {
        try { return _reference!(Inputs.Copy(spec.Input)); }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"Check '{Name}', case '{spec.Name}': the reference threw {ex.GetType().Name}: {ex.Message} (a bug in the check, not in your code).", ex);
        }
    }
}
