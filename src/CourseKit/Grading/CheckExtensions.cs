namespace CourseKit.Grading;

/// <summary>Checks of functions with two or three arguments: their input is a value tuple, these take plain functions.</summary>
public static class CheckExtensions
{
    /// <summary>Runs a two-argument learner function (see <see cref="Check{TIn, TOut}.Run(Func{TIn, TOut}, TimeSpan?, GradingMode?)"/>).</summary>
    public static CheckResult Run<T1, T2, TOut>(this Check<(T1, T2), TOut> check, Func<T1, T2, TOut> learner,
        TimeSpan? timeout = null, GradingMode? mode = null)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (learner is null) return Report.NullLearner(check.Name, check.Points, check.ExpectedSignature);
        return check.RunCore(input => learner(input.Item1, input.Item2), learner, timeout, mode);
    }

    /// <summary>Runs a three-argument learner function.</summary>
    public static CheckResult Run<T1, T2, T3, TOut>(this Check<(T1, T2, T3), TOut> check, Func<T1, T2, T3, TOut> learner,
        TimeSpan? timeout = null, GradingMode? mode = null)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (learner is null) return Report.NullLearner(check.Name, check.Points, check.ExpectedSignature);
        return check.RunCore(input => learner(input.Item1, input.Item2, input.Item3), learner, timeout, mode);
    }

    /// <summary>Grading only: the answers of a two-argument function (see <see cref="Check{TIn, TOut}.Answer(Func{TIn, TOut}, string)"/>).</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static string Answer<T1, T2, TOut>(this Check<(T1, T2), TOut> check, Func<T1, T2, TOut> learner, string cases)
    {
        ArgumentNullException.ThrowIfNull(check);
        return learner is null ? check.Answer((Func<(T1, T2), TOut>)null!, cases) : check.AnswerCore(input => learner(input.Item1, input.Item2), cases);
    }

    /// <summary>Grading only: the answers of a three-argument function.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static string Answer<T1, T2, T3, TOut>(this Check<(T1, T2, T3), TOut> check, Func<T1, T2, T3, TOut> learner, string cases)
    {
        ArgumentNullException.ThrowIfNull(check);
        return learner is null ? check.Answer((Func<(T1, T2, T3), TOut>)null!, cases)
            : check.AnswerCore(input => learner(input.Item1, input.Item2, input.Item3), cases);
    }

    /// <summary>Sets a two-argument reference function.</summary>
    public static Check<(T1, T2), TOut> Reference<T1, T2, TOut>(this Check<(T1, T2), TOut> check, Func<T1, T2, TOut> reference)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(reference);
        return check.Reference(input => reference(input.Item1, input.Item2));
    }
}
