namespace CourseKit.Tuning;

/// <summary>What a panda does with its one model after a day of training (<see cref="PandaPolicy.Decide"/>).</summary>
public enum PandaAction
{
    /// <summary>Training goes well: keep going with the same hyperparameters.</summary>
    Keep,

    /// <summary>Training has stalled: change the learning rate and go on from here.</summary>
    ChangeLearningRate,

    /// <summary>Today made things worse: go back to the checkpoint of the best earlier epoch.</summary>
    Revert,
}

/// <summary>
/// The babysitter's daily rule, written out: after a day of training, compare today's last dev accuracy with what the
/// model reached before today. A drop of more than <c>drop</c> below the best earlier epoch means today's change hurt:
/// revert to that epoch's checkpoint. Otherwise, a gain over the day of less than <c>stall</c> means the run stalls:
/// change the learning rate. Otherwise keep going.
/// </summary>
public static class PandaPolicy
{
    /// <summary>
    /// Effectively: with <c>best = max(before)</c> (its first epoch on ties) and <c>last = today[^1]</c>: when
    /// <c>before</c> is not empty and <c>last &lt; best − drop</c>, (Revert, the best epoch); else when
    /// <c>last − start &lt; stall</c>, with <c>start = before[^1]</c> (or <c>today[0]</c> on the first day),
    /// (ChangeLearningRate, the last epoch); else (Keep, the last epoch). Epochs count from 1: <c>before</c> holds
    /// epochs 1 … b and <c>today</c> epochs b + 1 … b + t.
    /// </summary>
    /// <param name="before">The dev accuracy after each epoch before today (empty on the first day).</param>
    /// <param name="today">The dev accuracy after each of today's epochs (at least one).</param>
    /// <param name="drop">How far below the best earlier epoch counts as worse (≥ 0).</param>
    /// <param name="stall">The smallest gain over the day that counts as progress (≥ 0).</param>
    /// <returns>The action, and the epoch to continue from: the best earlier epoch for a revert, else the last epoch.</returns>
    public static (PandaAction Action, int Epoch) Decide(IReadOnlyList<double> before, IReadOnlyList<double> today, double drop, double stall)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(today);
        if (today.Count == 0) throw new ArgumentException("today: expected the dev accuracy of at least one epoch, actual none.", nameof(today));
        if (!(drop >= 0) || double.IsInfinity(drop)) throw new ArgumentOutOfRangeException(nameof(drop), drop, $"drop: expected a finite value ≥ 0, actual {drop}.");
        if (!(stall >= 0) || double.IsInfinity(stall)) throw new ArgumentOutOfRangeException(nameof(stall), stall, $"stall: expected a finite value ≥ 0, actual {stall}.");
        double last = today[^1];
        int lastEpoch = before.Count + today.Count;
        if (before.Count > 0)
        {
            int best = 0;
            for (int e = 1; e < before.Count; e++) if (before[e] > before[best]) best = e;
            if (last < before[best] - drop) return (PandaAction.Revert, best + 1);
        }
        double start = before.Count > 0 ? before[^1] : today[0];
        return (last - start < stall ? PandaAction.ChangeLearningRate : PandaAction.Keep, lastEpoch);
    }
}
