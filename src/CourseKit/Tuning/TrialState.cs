namespace CourseKit.Tuning;

/// <summary>Where a trial stands. Everything except <see cref="Running"/> and <see cref="Waiting"/> is final.</summary>
public enum TrialState
{
    /// <summary>Started and not finished (or its process died and no heartbeat timeout has noticed yet).</summary>
    Running,

    /// <summary>Finished with an objective value.</summary>
    Complete,

    /// <summary>Stopped early by a pruner; its intermediate values (learning curve) are kept.</summary>
    Pruned,

    /// <summary>The objective threw, returned NaN, or the trial's process stopped sending heartbeats.</summary>
    Failed,

    /// <summary>Stopped because the run was cancelled (Ctrl+C, a <see cref="CancellationToken"/>).</summary>
    Cancelled,

    /// <summary>Queued and not started: a failed trial re-queued with its parameters, taken by the next worker that asks.</summary>
    Waiting,
}

/// <summary>Whether smaller or larger objective values are better.</summary>
public enum Direction
{
    /// <summary>Smaller is better (a cost, an error rate).</summary>
    Minimize,

    /// <summary>Larger is better (an accuracy).</summary>
    Maximize,
}
