using CourseKit.Optim;

namespace CourseKit.Tests.Optim;

public class ScheduleTests
{
    private const int Precision = 6; // decimal places; rates are computed in double and rounded to float

    [Fact]
    public void Inverse_time_decay_reproduces_the_lecture_table()
    {
        // Lecture "Learning rate decay": α₀ = 0.2, decay_rate = 1 → 0.1, 0.067, 0.05, 0.04 for epochs 1–4.
        var schedule = new InverseTimeDecay(0.2f, decayRate: 1);
        Assert.Equal(0.1f, schedule.Rate(1, 1), Precision);
        Assert.Equal(0.2f / 3, schedule.Rate(2, 1), Precision);
        Assert.Equal(0.05f, schedule.Rate(3, 1), Precision);
        Assert.Equal(0.04f, schedule.Rate(4, 1), Precision);
    }

    [Fact]
    public void Exponential_decay_multiplies_by_the_base_every_epoch_starting_at_epoch_1()
    {
        var schedule = new ExponentialDecay(0.2f, 0.95);
        Assert.Equal(0.19f, schedule.Rate(1, 1), Precision);
        Assert.Equal(0.2f * 0.857375f, schedule.Rate(3, 1), Precision);
        Assert.Equal((float)(0.2 * Math.Pow(0.95, 100)), schedule.Rate(100, 1), Precision);
    }

    [Fact]
    public void Inverse_square_root_decays_follow_the_epoch_or_the_step()
    {
        Assert.Equal(0.1f, new InverseSqrtEpochDecay(0.2f, k: 1).Rate(epoch: 4, step: 999), Precision);
        Assert.Equal(0.2f, new InverseSqrtEpochDecay(0.2f, k: 2).Rate(epoch: 4, step: 1), Precision);
        Assert.Equal(0.05f, new InverseSqrtStepDecay(0.2f, k: 1).Rate(epoch: 1, step: 16), Precision);
        Assert.Equal(0.1f, new InverseSqrtStepDecay(0.2f, k: 2).Rate(epoch: 9, step: 16), Precision);
    }

    [Fact]
    public void Staircase_decay_drops_by_the_factor_every_N_epochs()
    {
        var schedule = new StaircaseDecay(0.1f, epochsPerDrop: 10, factor: 0.5);
        Assert.Equal(0.1f, schedule.Rate(1, 1));
        Assert.Equal(0.1f, schedule.Rate(10, 1));
        Assert.Equal(0.05f, schedule.Rate(11, 1));
        Assert.Equal(0.05f, schedule.Rate(20, 1));
        Assert.Equal(0.025f, schedule.Rate(21, 1));
    }

    [Fact]
    public void Manual_schedule_holds_each_rate_until_the_next_entry()
    {
        var schedule = new ManualSchedule(new Dictionary<int, float> { [20] = 0.01f, [1] = 0.1f, [10] = 0.03f });
        Assert.Equal(0.1f, schedule.Rate(1, 1));
        Assert.Equal(0.1f, schedule.Rate(9, 1));
        Assert.Equal(0.03f, schedule.Rate(10, 1));
        Assert.Equal(0.03f, schedule.Rate(19, 1));
        Assert.Equal(0.01f, schedule.Rate(1000, 1));
        Assert.Equal(new[] { 1, 10, 20 }, schedule.Table.Select(e => e.Key));
    }

    [Fact]
    public void Constant_schedule_never_changes() =>
        Assert.Equal(0.3f, new ConstantSchedule(0.3f).Rate(int.MaxValue, long.MaxValue));

    [Fact]
    public void Apply_sets_the_optimizer_rate_for_the_coming_step()
    {
        var optimizer = new Sgd(1f);
        var schedule = new InverseSqrtStepDecay(1f);
        Assert.Equal(1f, schedule.Apply(optimizer, epoch: 1)); // Steps = 0: the coming step is t = 1
        optimizer.Step([]);
        optimizer.Step([]);
        optimizer.Step([]);
        Assert.Equal(0.5f, schedule.Apply(optimizer, epoch: 1)); // t = 4
        Assert.Equal(0.5f, optimizer.LearningRate);
    }

    [Fact]
    public void Epochs_and_steps_count_from_1()
    {
        var schedule = new InverseTimeDecay(0.2f, 1);
        var epoch = Assert.Throws<ArgumentOutOfRangeException>(() => schedule.Rate(0, 1));
        Assert.Equal("epoch", epoch.ParamName);
        Assert.StartsWith("epoch: expected ≥ 1 (the first epoch is 1, as in the lecture), actual 0.", epoch.Message);
        var step = Assert.Throws<ArgumentOutOfRangeException>(() => new InverseSqrtStepDecay(0.2f).Rate(1, 0));
        Assert.StartsWith("step: expected ≥ 1", step.Message);
    }

    [Fact]
    public void Schedules_reject_bad_settings_with_the_argument_expected_and_actual_values()
    {
        AssertBad("initialRate: expected a finite value > 0, actual 0.", () => new ConstantSchedule(0f));
        AssertBad("initialRate: expected a finite value > 0, actual NaN.", () => new InverseTimeDecay(float.NaN, 1));
        AssertBad("decayRate: expected a finite value ≥ 0, actual -1.", () => new InverseTimeDecay(0.1f, -1));
        AssertBad("decayBase: expected a value in (0, 1], actual 1.5.", () => new ExponentialDecay(0.1f, 1.5));
        AssertBad("k: expected a finite value > 0, actual 0.", () => new InverseSqrtEpochDecay(0.1f, 0));
        AssertBad("k: expected a finite value > 0, actual -2.", () => new InverseSqrtStepDecay(0.1f, -2));
        AssertBad("epochsPerDrop: expected ≥ 1, actual 0.", () => new StaircaseDecay(0.1f, 0));
        AssertBad("factor: expected a value in (0, 1], actual 0.", () => new StaircaseDecay(0.1f, 5, 0));
        AssertBad("table: expected an entry for epoch 1, actual first epoch 5.", () => new ManualSchedule(new Dictionary<int, float> { [5] = 0.1f }));
        AssertBad("table: expected an entry for epoch 1, actual first epoch none (empty table).", () => new ManualSchedule(new Dictionary<int, float>()));
        AssertBad("table: expected epochs ≥ 1, actual 0.", () => new ManualSchedule(new Dictionary<int, float> { [0] = 0.1f, [1] = 0.1f }));
        AssertBad("table[3]: expected a finite value > 0, actual -0.1.", () => new ManualSchedule(new Dictionary<int, float> { [1] = 0.1f, [3] = -0.1f }));
    }

    private static void AssertBad(string message, Func<object> create)
    {
        var e = Assert.ThrowsAny<ArgumentException>(create);
        Assert.StartsWith(message, e.Message);
    }
}
