namespace CourseKit.Grading;

/// <summary>What one call of the learner's function did: returned a value, threw, or ran past the time limit.</summary>
internal readonly record struct Outcome(object? Value, Exception? Exception, bool TimedOut)
{
    public static Outcome Run(Func<object?> call, TimeSpan? timeout)
    {
        if (timeout is null) return Invoke(call);
        Outcome result = default;
        // A background thread: a function that never returns is abandoned and cannot keep the process alive.
        var thread = new Thread(() => result = Invoke(call), maxStackSize: 16 << 20) { IsBackground = true, Name = "CourseKit check case" };
        thread.Start();
        return thread.Join(timeout.Value) ? result : new Outcome(null, null, TimedOut: true);
    }

    private static Outcome Invoke(Func<object?> call)
    {
        try { return new Outcome(call(), null, false); }
        catch (Exception ex) { return new Outcome(null, Unwrap(ex), false); }  // learner code may throw anything: report it
    }

    private static Exception Unwrap(Exception ex) =>
        ex is System.Reflection.TargetInvocationException { InnerException: { } inner } ? Unwrap(inner) : ex;
}
