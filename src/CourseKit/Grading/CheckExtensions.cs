namespace CourseKit.Grading;

/// <summary>Checks of functions with two or three arguments: their input is a value tuple, these take plain functions.</summary>
public static class CheckExtensions
{
    /// <summary>Runs a two-argument learner function (see <see cref="Check{TIn, TOut}.Run(Func{TIn, TOut}, TimeSpan?, GradingMode?)"/>).</summary>
    public static CheckResult Run<T1, T2, TOut>(this Check<(T1, T2), TOut> check, Func<T1, T2, TOut> learner,
        TimeSpan? timeout = null, GradingMode? mode = null)
    {
        ArgumentNullException.ThrowIfNull(check);
        Func<(T1, T2), TOut>? run = learner is null ? null : input => learner(input.Item1, input.Item2);
        return check.Run(run!, timeout, mode);
    }

    /// <summary>Runs a three-argument learner function.</summary>
    public static CheckResult Run<T1, T2, T3, TOut>(this Check<(T1, T2, T3), TOut> check, Func<T1, T2, T3, TOut> learner,
        TimeSpan? timeout = null, GradingMode? mode = null)
    {
        ArgumentNullException.ThrowIfNull(check);
        Func<(T1, T2, T3), TOut>? run = learner is null ? null : input => learner(input.Item1, input.Item2, input.Item3);
        return check.Run(run!, timeout, mode);
    }

    /// <summary>Sets a two-argument reference function.</summary>
    public static Check<(T1, T2), TOut> Reference<T1, T2, TOut>(this Check<(T1, T2), TOut> check, Func<T1, T2, TOut> reference)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(reference);
        return check.Reference(input => reference(input.Item1, input.Item2));
    }
}
