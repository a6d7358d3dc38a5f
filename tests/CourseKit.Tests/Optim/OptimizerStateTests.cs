using CourseKit.Nn;
using CourseKit.Optim;
using static CourseKit.Tests.Optim.OptimTestKit;

namespace CourseKit.Tests.Optim;

public class OptimizerStateTests
{
    [Theory]
    [MemberData(nameof(AllNames), MemberType = typeof(OptimTestKit))]
    public void A_loaded_state_continues_bit_for_bit_like_the_original(string name)
    {
        // Run 5 steps, save, run 5 more.
        var straight = Model();
        var first = Create(name);
        Train(first, straight, 1, 5);
        var saved = first.SaveState();
        Train(first, straight, 6, 5);

        // Run 5 steps, save, load into a fresh optimizer, run 5 more.
        var resumed = Model();
        var before = Create(name);
        Train(before, resumed, 1, 5);
        var fresh = Create(name, alpha: 0.5f);
        fresh.LoadState(before.SaveState(), resumed);
        Assert.Equal(Alpha, fresh.LearningRate);
        Assert.Equal(5, fresh.Steps);
        Train(fresh, resumed, 6, 5);

        for (int k = 0; k < straight.Length; k++)
            Assert.Equal(straight[k].Value.AsSpan().ToArray(), resumed[k].Value.AsSpan().ToArray());
        Assert.Equal(10, fresh.Steps);
        Assert.Equal(5, saved.Steps);
    }

    [Fact]
    public void Slots_are_named_by_parameter_and_state_and_saved_as_copies()
    {
        var model = Model();
        var adam = new Adam();
        Train(adam, model, 1, 2);
        var state = adam.SaveState();
        Assert.Equal("Adam", state.OptimizerType);
        Assert.Equal(
            new[] { "bn1.beta/s", "bn1.beta/v", "bn1.gamma/s", "bn1.gamma/v", "dense1.W/s", "dense1.W/v", "dense1.b/s", "dense1.b/v" },
            state.Slots.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(77, state.Slots["dense1.W/v"].Length);
        float v0 = state.Slots["dense1.W/v"][0];
        Train(adam, model, 3, 1);
        Assert.Equal(v0, state.Slots["dense1.W/v"][0]); // the snapshot did not move with the optimizer
        Assert.Equal(["dense1.W/v"], SlotsAfterOneStep(new Momentum(0.1f), model[0]));
        Assert.Equal(["dense1.W/s"], SlotsAfterOneStep(new RmsProp(0.1f), model[0]));
        Assert.Empty(SlotsAfterOneStep(new Sgd(0.1f), model[0]));
    }

    [Fact]
    public void Loading_a_state_for_other_shapes_fails_naming_the_parameter_and_changes_nothing()
    {
        var big = new[] { Param("dense1.W", 7, 11, seed: 1) };
        var small = new[] { Param("dense1.W", 7, 10, seed: 1) };
        var source = new Adam();
        Train(source, big, 1, 3);
        var target = new Adam(0.02f);
        Train(target, small, 1, 2);
        var targetBefore = target.SaveState();

        var e = Assert.Throws<ArgumentException>(() => target.LoadState(source.SaveState(), small));
        Assert.StartsWith("state: slot 'dense1.W/…': expected length 70 (shape (7 × 10)), actual 77.", e.Message);
        AssertSameState(targetBefore, target.SaveState());
    }

    [Fact]
    public void A_state_loaded_without_parameters_is_checked_at_the_next_step_before_anything_changes()
    {
        var source = new Momentum(0.1f);
        Train(source, [Param("dense1.W", 7, 11, seed: 1)], 1, 3);
        var target = new Momentum(0.1f);
        target.LoadState(source.SaveState());
        var small = new[] { Param("dense1.W", 7, 10, seed: 1) };
        float[] w = small[0].Value.AsSpan().ToArray();
        FillGradients(small, 1);
        var e = Assert.Throws<ArgumentException>(() => target.Step(small));
        Assert.StartsWith("dense1.W: expected optimizer state of length 70 (shape (7 × 10)), actual 77;", e.Message);
        Assert.Equal(w, small[0].Value.AsSpan().ToArray());
        Assert.Equal(3, target.Steps);
    }

    [Fact]
    public void A_state_of_another_optimizer_type_is_refused()
    {
        var adamW = new AdamW();
        var e = Assert.Throws<ArgumentException>(() => adamW.LoadState(new Adam().SaveState()));
        Assert.StartsWith("state: expected optimizer state for AdamW, actual Adam.", e.Message);
    }

    [Fact]
    public void Incomplete_unknown_or_corrupt_slots_are_refused_and_nothing_changes()
    {
        var model = Model();
        var adam = new Adam();
        Train(adam, model, 1, 2);
        var good = adam.SaveState();
        var before = adam.SaveState();

        AssertRefused(adam, good.Slots.Where(kv => kv.Key != "dense1.b/s"), "state: parameter 'dense1.b': expected slot 'dense1.b/s', actual missing.");
        AssertRefused(adam, good.Slots.Append(KeyValuePair.Create("dense1.W/m", new float[77])),
            "state: slot 'dense1.W/m': expected a name like 'dense1.W/v' with a slot in [v, s] for Adam, actual 'dense1.W/m'.");
        AssertRefused(adam, good.Slots.Select(kv => kv.Key == "dense1.W/s" ? KeyValuePair.Create(kv.Key, new float[76]) : kv),
            "state: slot 'dense1.W/s': expected length 77 like 'dense1.W/v', actual 76.");
        AssertRefused(adam, good.Slots.Select(kv => kv.Key == "bn1.gamma/v" ? KeyValuePair.Create(kv.Key, new[] { float.NaN }) : kv),
            "state: slot 'bn1.gamma/v': expected finite values");
        var noSuchParameter = new OptimizerState("Adam", 2, 0.001f, good.Slots.ToDictionary(kv => kv.Key.Replace("dense1", "dense9"), kv => kv.Value));
        var e = Assert.Throws<ArgumentException>(() => adam.LoadState(noSuchParameter, model));
        Assert.StartsWith("state: parameter 'dense9.W': expected a trainable parameter of that name, actual none among [", e.Message);
        var negative = Assert.Throws<ArgumentException>(() => adam.LoadState(good with { Steps = -1 }));
        Assert.StartsWith("state: expected Steps ≥ 0, actual -1.", negative.Message);
        Assert.ThrowsAny<ArgumentException>(() => adam.LoadState(good with { LearningRate = 0 }));
        AssertSameState(before, adam.SaveState());
    }

    private static string[] SlotsAfterOneStep(Optimizer optimizer, Parameter p)
    {
        Train(optimizer, [p], 1, 1);
        return optimizer.SaveState().Slots.Keys.ToArray();
    }

    private static void AssertRefused(Optimizer optimizer, IEnumerable<KeyValuePair<string, float[]>> slots, string message)
    {
        var state = new OptimizerState(optimizer.GetType().Name, optimizer.Steps, optimizer.LearningRate, slots.ToDictionary());
        var e = Assert.Throws<ArgumentException>(() => optimizer.LoadState(state));
        Assert.StartsWith(message, e.Message);
    }

    private static void AssertSameState(OptimizerState expected, OptimizerState actual)
    {
        Assert.Equal(expected.Steps, actual.Steps);
        Assert.Equal(expected.LearningRate, actual.LearningRate);
        Assert.Equal(expected.Slots.Keys.Order(), actual.Slots.Keys.Order());
        foreach (var (key, values) in expected.Slots) Assert.Equal(values, actual.Slots[key]);
    }
}
