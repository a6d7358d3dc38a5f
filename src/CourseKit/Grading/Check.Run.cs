namespace CourseKit.Grading;

public sealed partial class Check<TIn, TOut>
{
    /// <summary>
    /// Runs every case on <paramref name="learner"/>: visible ones always, hidden ones when <paramref name="mode"/> has
    /// the grader's seed. Each call gets fresh copies of the inputs. With <paramref name="timeout"/>, each case runs on
    /// a background thread and reports "timed out after N s" when it does not return (the runaway thread is abandoned,
    /// later cases are skipped). When the exercise asks the learner to write something themselves
    /// (<see cref="WriteYourself"/>) and the function calls the library's version, the check says so and scores 0.
    /// </summary>
    /// <param name="learner">The learner's function.</param>
    /// <param name="timeout">Per-case time limit; none by default (the grader runs whole cells with time limits).</param>
    /// <param name="mode">Visible cases only (<see cref="GradingMode.Student"/>, the default) or with hidden ones.</param>
    public CheckResult Run(Func<TIn, TOut> learner, TimeSpan? timeout = null, GradingMode? mode = null) =>
        learner is null ? Report.NullLearner(Name, Points, ExpectedSignature) : RunCore(input => learner(input), learner, timeout, mode);

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
        return RunCore(input => invoke(input), learner, timeout, mode);
    }

    /// <summary>How feedback names the learner's function's type; a <see cref="AdaptedCheck{TLearner, TIn, TOut}"/> sets its own.</summary>
    internal string ExpectedSignature
    {
        get => _signature ?? Signatures.Describe(typeof(TIn), typeof(TOut));
        set => _signature = value;
    }

    private string? _signature;

    /// <summary>The live run: <paramref name="shown"/> is the learner's own delegate, scanned for library shortcuts.</summary>
    internal CheckResult RunCore(Func<TIn, object?> learner, Delegate shown, TimeSpan? timeout, GradingMode? mode)
    {
        RequireReference();
        if (ShortcutScan.FindUse(shown, _shortcuts) is { } use) return Report.Broken(Name, Points, use.Message);
        var results = new List<CaseResult>();
        bool timedOut = false;
        foreach (var (spec, hidden) in Cases(mode ?? GradingMode.Student))
        {
            if (timedOut)
            {
                results.Add(new CaseResult(spec.Name, hidden, CaseStatus.Skipped, "not run: an earlier case timed out", spec.Weight));
                continue;
            }
            TOut expected = RunReference(spec);
            var answer = CaseCall.Run(learner, spec.Input, timeout);
            results.Add(answer is null ? TimedOut(spec, hidden, timeout!.Value) : Judge(spec, hidden, answer, expected));
            timedOut = answer is null;
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

    private void RequireReference()
    {
        if (_reference is null)
            throw new InvalidOperationException($"Check '{Name}': expected a reference function (call .Reference(…)), actual none.");
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
