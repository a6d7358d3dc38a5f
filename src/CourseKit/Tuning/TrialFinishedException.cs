namespace CourseKit.Tuning;

/// <summary>
/// Thrown when a trial that is no longer running is written to — typically a trial that a peer marked failed after
/// its heartbeat stopped (a starved or paused worker). <see cref="Study.Optimize(System.Func{Trial, double}, int, OptimizeOptions?)"/>
/// takes the storage's verdict and goes on with the next trial, as Optuna does; an explicit <c>Tell</c> still throws.
/// </summary>
public sealed class TrialFinishedException(int number, string state, string detail)
    : InvalidOperationException($"trial {number}: it is {state}; {detail}")
{
    /// <summary>The trial's number in its study.</summary>
    public int Number { get; } = number;

    /// <summary>The state the storage holds for it.</summary>
    public string State { get; } = state;
}
