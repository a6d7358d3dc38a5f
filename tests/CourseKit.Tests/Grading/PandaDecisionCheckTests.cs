using CourseKit.Grading;
using CourseKit.Tuning;
using static CourseKit.Tests.Grading.Learners;

namespace CourseKit.Tests.Grading;

/// <summary>The tuning chapter's panda exercise: keep, change the rate, or revert to the best earlier epoch.</summary>
public class PandaDecisionCheckTests
{
    // Written out independently of PandaPolicy.
    private static (PandaAction, int) Decide(double[] before, double[] today, double drop, double stall)
    {
        if (before.Length > 0 && today[^1] < before.Max() - drop) return (PandaAction.Revert, Array.IndexOf(before, before.Max()) + 1);
        double start = before.Length > 0 ? before[^1] : today[0];
        return (today[^1] - start < stall ? PandaAction.ChangeLearningRate : PandaAction.Keep, before.Length + today.Length);
    }

    private static CheckResult Run(Func<double[], double[], double, double, (PandaAction, int)> learner) => Checks.PandaDecision.Run(learner, mode: Student);

    [Fact]
    public void A_written_decision_passes_every_case_also_the_hidden_ones()
    {
        foreach (var mode in new[] { Student, Grader })
            Assert.True(Checks.PandaDecision.Run(Decide, mode: mode).Passed, Checks.PandaDecision.Run(Decide, mode: mode).Details);
        Assert.Equal("✓ the panda's decision: 5/5 cases passed", Checks.PandaDecision.Run(Decide, mode: Student).Summary);
    }

    [Fact]
    public void Comparing_with_yesterday_instead_of_the_best_reverts_to_the_wrong_epoch()
    {
        var r = Run((before, today, drop, stall) =>
        {
            if (before.Length > 0 && today[^1] < before[^1] - drop) return (PandaAction.Revert, before.Length);
            return Decide(before, today, drop, stall);
        });
        var collapse = r.Cases.Single(c => c.Name == "a collapse after a too-large rate");
        Assert.Equal("epoch to continue from: wrong value: expected epoch 5, got epoch 6", collapse.Message);
        Assert.Contains("BEST epoch", collapse.Hint);
    }

    [Fact]
    public void Zero_based_epochs_reverting_on_any_dip_and_a_crash_on_the_first_day_are_each_named()
    {
        var zeroBased = Run((b, t, d, s) => Decide(b, t, d, s) is (PandaAction.Revert, int e) ? (PandaAction.Revert, e - 1) : Decide(b, t, d, s));
        Assert.False(zeroBased.Cases.Single(c => c.Name.StartsWith("a collapse")).Passed);
        var anyDip = Run((b, t, d, s) => Decide(b, t, 0, s));
        Assert.Equal("action: wrong value: expected ChangeLearningRate, got Revert", anyDip.Cases.Single(c => c.Name == "a dip within the tolerance").Message);
        var noEmptyCheck = Run((b, t, d, s) => t[^1] < b.Max() - d ? (PandaAction.Revert, 1) : Decide(b, t, d, s));
        Assert.False(noEmptyCheck.Cases.Single(c => c.Name == "the first day").Passed);
    }

    [Fact]
    public void The_librarys_rule_is_refused_and_a_stub_is_not_implemented()
    {
        var shortcut = Run((b, t, d, s) => PandaPolicy.Decide(b, t, d, s));
        Assert.Equal(0, shortcut.Points);
        Assert.Contains("PandaPolicy.Decide", shortcut.Summary);
        Assert.Equal(CheckStatus.NotImplemented, Run((b, t, d, s) => throw new NotImplementedException("Exercise 5")).Status);
    }
}
