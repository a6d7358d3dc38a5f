using CourseKit.Tuning;

namespace CourseKit.Tests.Tuning;

/// <summary>The babysitter's daily rule: revert after a drop below the best earlier epoch, change the rate on a stall, else keep.</summary>
public class PandaPolicyTests
{
    [Fact]
    public void A_collapse_reverts_to_the_best_earlier_epoch_not_to_yesterdays_last()
    {
        Assert.Equal((PandaAction.Revert, 5), PandaPolicy.Decide([0.58, 0.79, 0.86, 0.94, 0.97, 0.96], [0.21, 0.19], drop: 0.02, stall: 0.005));
        Assert.Equal((PandaAction.Revert, 2), PandaPolicy.Decide([0.5, 0.9, 0.9], [0.1], 0.02, 0.005));   // the first of tied best epochs
    }

    [Fact]
    public void A_climb_is_kept_a_stall_changes_the_rate_and_the_epoch_is_the_last_one()
    {
        Assert.Equal((PandaAction.Keep, 5), PandaPolicy.Decide([0.58, 0.79, 0.86], [0.91, 0.94], 0.02, 0.005));
        Assert.Equal((PandaAction.ChangeLearningRate, 7), PandaPolicy.Decide([0.58, 0.79, 0.86, 0.901, 0.903], [0.904, 0.905], 0.02, 0.005));
        Assert.Equal((PandaAction.ChangeLearningRate, 5), PandaPolicy.Decide([0.90, 0.95, 0.96], [0.955, 0.95], 0.02, 0.005));   // a dip within drop: no revert
    }

    [Fact]
    public void The_thresholds_are_strict_and_the_first_day_cannot_revert()
    {
        Assert.Equal(PandaAction.ChangeLearningRate, PandaPolicy.Decide([0.5, 0.5], [0.25], drop: 0.25, stall: 0).Action);   // exactly drop below: not worse
        Assert.Equal(PandaAction.Keep, PandaPolicy.Decide([0.5], [0.5], drop: 0.25, stall: 0).Action);                         // a gain of exactly stall is progress
        Assert.Equal((PandaAction.Keep, 2), PandaPolicy.Decide([], [0.3, 0.6], 0.02, 0.005));
        Assert.Equal((PandaAction.ChangeLearningRate, 1), PandaPolicy.Decide([], [0.3], 0.02, 0.005));
    }

    [Fact]
    public void Bad_input_is_refused_naming_the_argument()
    {
        Assert.Equal("today", Assert.Throws<ArgumentException>(() => PandaPolicy.Decide([0.5], [], 0.02, 0.005)).ParamName);
        Assert.Equal("drop", Assert.Throws<ArgumentOutOfRangeException>(() => PandaPolicy.Decide([0.5], [0.6], -0.1, 0.005)).ParamName);
        Assert.Equal("stall", Assert.Throws<ArgumentOutOfRangeException>(() => PandaPolicy.Decide([0.5], [0.6], 0.02, double.NaN)).ParamName);
        Assert.Equal("before", Assert.Throws<ArgumentNullException>(() => PandaPolicy.Decide(null!, [0.6], 0.02, 0.005)).ParamName);
    }
}
