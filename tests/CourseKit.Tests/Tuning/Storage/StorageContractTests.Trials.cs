using CourseKit.Tuning;

namespace CourseKit.Tests.Tuning.Storage;

public abstract partial class StorageContractTests
{
    [Fact]
    public void A_running_trial_keeps_parameters_values_and_attributes_and_a_finished_one_is_frozen()
    {
        var s = Storage.CreateStudy("r", Direction.Minimize, 0);
        int n = Storage.StartTrial(s.Id, T0)!.Number;
        var act = new CategoricalDistribution(["relu", "tanh"]);
        Storage.SetParameter(s.Id, n, "act", act, 1);
        Storage.SetParameter(s.Id, n, "x", new FloatDistribution(-2, 2), 0.25);
        Storage.ReportIntermediate(s.Id, n, 2, 0.5);
        Storage.ReportIntermediate(s.Id, n, 1, 0.7);
        Storage.ReportIntermediate(s.Id, n, 2, 0.4);  // a repeated step is overwritten
        Storage.SetAttribute(s.Id, n, "note", "first");
        Storage.SetAttribute(s.Id, n, "note", "second");
        Assert.True(Storage.FinishTrial(s.Id, n, TrialState.Complete, 1.5, T0.AddSeconds(3)));
        var t = Storage.Trials(s.Id).Single();
        Assert.Equal((TrialState.Complete, (double?)1.5), (t.State, t.Value));
        Assert.Equal("tanh", t.Params["act"]);
        Assert.Equal(0.25, t.InternalParams["x"]);
        Assert.True(t.Distributions["act"].SameAs(act));
        Assert.Equal([1, 2], t.Intermediate.Keys);
        Assert.Equal([0.7, 0.4], t.Intermediate.Values);
        Assert.Equal("second", t.Attributes["note"]);
        Assert.Equal(TimeSpan.FromSeconds(3), t.Duration);
        Assert.Throws<TrialFinishedException>(() => Storage.SetParameter(s.Id, n, "y", new FloatDistribution(0, 1), 0.1));
        Assert.Throws<TrialFinishedException>(() => Storage.ReportIntermediate(s.Id, n, 3, 0.1));
        Assert.Throws<TrialFinishedException>(() => Storage.SetAttribute(s.Id, n, "late", "no"));
        Assert.Equal(t.Intermediate, Storage.Trials(s.Id).Single().Intermediate);
    }

    [Fact]
    public void One_trial_reads_like_its_row_of_the_study_and_waiting_for_predecessors_sees_only_running_ones()
    {
        var s = Storage.CreateStudy("one", Direction.Minimize, 0);
        for (int i = 0; i < 3; i++) Storage.StartTrial(s.Id, T0);
        Storage.SetParameter(s.Id, 1, "x", new FloatDistribution(0, 1), 0.5);
        Storage.ReportIntermediate(s.Id, 1, 0, 0.25);
        Storage.FinishTrial(s.Id, 1, TrialState.Pruned, null, T0.AddSeconds(1));
        var one = Storage.Trial(s.Id, 1);
        Assert.Equal((1, TrialState.Pruned, 0.5, 0.25), (one.Number, one.State, one.InternalParams["x"], one.Intermediate[0]));
        Assert.Throws<InvalidOperationException>(() => Storage.Trial(s.Id, 7));
        Assert.True(Storage.FinishedBefore(s.Id, 0));
        Assert.False(Storage.FinishedBefore(s.Id, 1));  // trial 0 runs
        Storage.FinishTrial(s.Id, 0, TrialState.Complete, 1, T0);
        Assert.True(Storage.FinishedBefore(s.Id, 2));
        Assert.False(Storage.FinishedBefore(s.Id, 3));
        Assert.Equal([2], Storage.FailStaleTrials(s.Id, TimeSpan.FromSeconds(1), T0.AddMinutes(1), maxRetries: 1));
        Assert.True(Storage.FinishedBefore(s.Id, 4));  // the re-queued trial 3 waits and blocks nobody
    }

    [Fact]
    public void Finishing_twice_is_refused_unless_it_is_the_same_call_repeated()
    {
        var s = Storage.CreateStudy("f", Direction.Minimize, 0);
        int n = Storage.StartTrial(s.Id, T0)!.Number;
        var end = T0.AddSeconds(1);
        Assert.True(Storage.FinishTrial(s.Id, n, TrialState.Complete, 2.0, end));
        Assert.True(Storage.FinishTrial(s.Id, n, TrialState.Complete, 2.0, end));  // a reply lost, the call repeated
        Assert.False(Storage.FinishTrial(s.Id, n, TrialState.Complete, 3.0, end));
        Assert.False(Storage.FinishTrial(s.Id, n, TrialState.Failed, null, end.AddSeconds(1)));
        Assert.Equal(2.0, Storage.Trials(s.Id).Single().Value);
    }

    [Fact]
    public void Heartbeats_keep_a_trial_alive_and_silence_fails_it_with_the_reason()
    {
        var s = Storage.CreateStudy("hb", Direction.Minimize, 0);
        int alive = Storage.StartTrial(s.Id, T0)!.Number, dead = Storage.StartTrial(s.Id, T0)!.Number;
        int done = Storage.StartTrial(s.Id, T0)!.Number;
        Storage.FinishTrial(s.Id, done, TrialState.Complete, 1, T0);
        Storage.Heartbeat(s.Id, [alive, done], T0.AddSeconds(50));
        Assert.Equal([dead], Storage.FailStaleTrials(s.Id, TimeSpan.FromSeconds(30), T0.AddSeconds(60)));
        var trials = Storage.Trials(s.Id);
        Assert.Equal([TrialState.Running, TrialState.Failed, TrialState.Complete], trials.Select(t => t.State));
        Assert.Contains("no heartbeat for more than 30 s", trials[dead].Attributes[SystemAttributes.Error]);
        Assert.Equal(T0.AddSeconds(60), trials[dead].Finished);
        Assert.Equal(T0, trials[done].Heartbeat);  // a finished trial's heartbeat does not move
        Assert.Empty(Storage.FailStaleTrials(s.Id, TimeSpan.FromSeconds(30), T0.AddSeconds(60)));
        Assert.Equal(3, Storage.Trials(s.Id).Count);  // nothing re-queued unless asked
    }

    [Fact]
    public void A_stale_trial_is_requeued_with_its_parameters_seed_and_position_and_taken_first()
    {
        var s = Storage.CreateStudy("rq", Direction.Minimize, 4);
        var first = Storage.StartTrial(s.Id, T0)!;
        Storage.SetParameter(s.Id, first.Number, "x", new FloatDistribution(0, 1), 0.125);
        Storage.ReportIntermediate(s.Id, first.Number, 0, 9.0);
        Storage.StartTrial(s.Id, T0.AddSeconds(100));
        Assert.Equal([0], Storage.FailStaleTrials(s.Id, TimeSpan.FromSeconds(30), T0.AddSeconds(60), maxRetries: 1));
        var waiting = Storage.Trials(s.Id)[2];
        Assert.Equal(TrialState.Waiting, waiting.State);
        Assert.False(waiting.IsFinished);
        Assert.Equal(("0", "1"), (waiting.Attributes[SystemAttributes.RetryOf], waiting.Attributes[SystemAttributes.Retries]));
        Assert.Empty(waiting.Intermediate);

        var retry = Storage.StartTrial(s.Id, T0.AddSeconds(61))!;
        Assert.Equal((2, 0, first.Seed, (int?)0), (retry.Number, retry.Position, retry.Seed, retry.RetryOf));
        Assert.Equal(0.125, retry.FixedParams["x"]);
        Assert.Equal(TrialState.Running, Storage.Trials(s.Id)[2].State);
        var fresh = Storage.StartTrial(s.Id, T0.AddSeconds(61))!;
        Assert.Equal((3, 2), (fresh.Number, fresh.Position));  // fresh trials continue after the positions taken
        Storage.FinishTrial(s.Id, 1, TrialState.Complete, 1, T0.AddSeconds(101));
        Storage.FinishTrial(s.Id, 3, TrialState.Complete, 1, T0.AddSeconds(101));

        // The retry dies too: it has had its one retry, so it is failed and not queued again.
        Assert.Equal([2], Storage.FailStaleTrials(s.Id, TimeSpan.FromSeconds(30), T0.AddSeconds(200), maxRetries: 1));
        Assert.DoesNotContain(Storage.Trials(s.Id), t => t.State == TrialState.Waiting);
    }
}
