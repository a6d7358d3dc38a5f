using CourseKit.Tuning;
using In = (double[] Before, double[] Today, double Drop, double Stall);
using Out = (CourseKit.Tuning.PandaAction Action, int Epoch);

namespace CourseKit.Grading;

public static partial class Checks
{
    internal const string PandaBestHint =
        "compare today's last dev accuracy with the BEST epoch before today (not yesterday's last one), and revert to that " +
        "epoch, counted from 1: before[0] is epoch 1.";

    internal const string PandaStallHint =
        "no drop: measure today's progress as today's last value minus where today started — before[^1], or today[0] on the " +
        "first day — and call it a stall (change the learning rate) when that gain is below stall; the epoch is then the last one, before.Length + today.Length.";

    /// <summary>
    /// The panda's decision after a day of training (<see cref="PandaPolicy.Decide"/>): revert to the best earlier epoch
    /// after a drop of more than <c>drop</c> below it, change the learning rate when the day gained less than
    /// <c>stall</c>, else keep. Learner function: <c>Func&lt;double[], double[], double, double, (PandaAction, int)&gt;</c>
    /// taking (before, today, drop, stall). 2 points.
    /// </summary>
    /// <remarks>
    /// Visible cases: a steady climb (keep); a plateau (change the rate); a collapse after a too-large rate (revert to
    /// the best epoch, which is not yesterday's last); a dip within the tolerance (keep going, no revert); the first day
    /// (nothing to revert to). Hidden cases: random curves that drop, stall or climb.
    /// </remarks>
    public static Check<In, Out> PandaDecision =>
        Check.For<In, Out>("the panda's decision", points: 2)
            .InputNames("before", "today", "drop", "stall")
            .WriteYourself(Shortcuts.PandaDecision)
            .Reference(input => PandaPolicy.Decide(input.Before, input.Today, input.Drop, input.Stall))
            .Compare(ComparePanda)
            .Case("a steady climb", ([0.58, 0.79, 0.86], [0.91, 0.94], 0.02, 0.005), hint: PandaStallHint)
            .Case("a plateau", ([0.58, 0.79, 0.86, 0.901, 0.903], [0.904, 0.905], 0.02, 0.005), hint: PandaStallHint)
            .Case("a collapse after a too-large rate", ([0.58, 0.79, 0.86, 0.94, 0.97, 0.96], [0.21, 0.19], 0.02, 0.005), hint: PandaBestHint)
            .Case("a dip within the tolerance", ([0.90, 0.95, 0.96], [0.955, 0.95], 0.02, 0.005),
                hint: "a drop of no more than drop below the best is noise, not harm: revert only when last < best − drop; " + PandaStallHint)
            .Case("the first day", ([], [0.3, 0.6], 0.02, 0.005),
                hint: "on the first day before is empty: there is nothing to revert to (and no max to take); today's progress is today[^1] − today[0].")
            .Hidden("a random curve that collapses", r => RandomPandaCurve(r, collapse: true), hint: PandaBestHint)
            .Hidden("a random curve that climbs or stalls", r => RandomPandaCurve(r, collapse: false), hint: PandaStallHint);

    private static Comparison ComparePanda(Out expected, object? actual, Tolerance tolerance)
    {
        if (actual is not Out a) return Comparison.TypeMismatch("(PandaAction, int)", TypeNames.Of(actual));
        if (a.Action != expected.Action) return Comparison.ValueMismatch(expected.Action.ToString(), a.Action.ToString()) with { Output = "action" };
        return a.Epoch == expected.Epoch ? Comparison.Match(tolerance) with { Count = 2 }
            : Comparison.ValueMismatch($"epoch {expected.Epoch}", $"epoch {a.Epoch}") with { Output = "epoch to continue from" };
    }

    // A curve rising towards a ceiling with noise; a collapse ends today far below the best, else the day climbs by 0 to 0.03.
    private static In RandomPandaCurve(Random r, bool collapse)
    {
        int days = r.Next(2, 8);
        double level = 0.3 + 0.3 * r.NextDouble();
        var before = new double[days];
        for (int e = 0; e < days; e++) before[e] = level = Math.Min(0.99, level + 0.1 * r.NextDouble() - 0.02);
        double start = before[^1];
        double[] today = collapse ? [0.1 + 0.2 * r.NextDouble(), 0.05 + 0.2 * r.NextDouble()]
            : [start + 0.01 * r.NextDouble(), Math.Min(1, start + (r.Next(2) == 0 ? 0.002 : 0.01 + 0.02 * r.NextDouble()))];
        return (before, today, 0.02, 0.005);
    }
}

public static partial class Shortcuts
{
    /// <summary>The babysitter's daily rule: <see cref="PandaPolicy.Decide"/>.</summary>
    public static LibraryShortcut PandaDecision { get; } = new("the panda's decision", [ApiMember.All(typeof(PandaPolicy))]);
}
