using System.Globalization;

namespace CourseKit.Tuning;

public sealed partial class Study
{
    private readonly HashSet<int> _running = [];
    private readonly object _signal = new();
    private Timer? _heartbeat;
    private DateTime _lastStaleCheck = DateTime.MinValue;

    /// <summary>
    /// Starts the next trial. Determinism rule: trial n learns only from trials 0 … n − <paramref name="lag"/> − 1, and
    /// waits until all of those are finished before sampling — so with a fixed seed and lag, trial n's parameters do not
    /// depend on timing, threads or processes. Workers running in parallel should use lag = workers − 1 (what
    /// <see cref="Optimize"/> does); then a worker waits only when a trial older than the last <c>workers</c> is still running.
    /// </summary>
    public Trial Ask(int lag = 0, CancellationToken cancellationToken = default) => TryAsk(lag, cancellationToken)
        ?? throw new InvalidOperationException($"The sampler {Sampler.GetType().Name} has no more trials to propose (all {Sampler.MaxTrials} were asked).");

    /// <summary><see cref="Ask"/>, or null when the sampler has no more trials (another worker may have taken the last one).</summary>
    private Trial? TryAsk(int lag, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lag);
        if (DateTime.UtcNow - _lastStaleCheck > HeartbeatInterval) FailStaleTrials();
        // A re-queued trial first; else a new one, unless every position the sampler has is taken.
        if (Storage.StartTrial(Id, DateTime.UtcNow, Sampler.MaxTrials) is not { } slot) return null;
        int number = slot.Number;
        lock (_lock)
        {
            _running.Add(number);
            _heartbeat ??= new Timer(_ => Beat(), null, HeartbeatInterval, HeartbeatInterval);
        }
        try
        {
            // Neither sampler nor pruner reads earlier trials: nothing to wait for, nothing to read.
            var history = Sampler.UsesHistory || Pruner.UsesHistory ? WaitForPredecessors(number, lag, cancellationToken) : [];
            var trial = new Trial(this, slot, history.Where(t => t.Number < number - lag && t.IsFinished).ToList(), cancellationToken);
            trial.SampleRelative();
            return trial;
        }
        catch (Exception e)
        {
            Finish(number, e is OperationCanceledException ? TrialState.Cancelled : TrialState.Failed, null, e);
            throw;
        }
    }

    /// <summary>Ends <paramref name="trial"/> as complete with <paramref name="value"/> (NaN or infinity: failed).</summary>
    public void Tell(Trial trial, double value)
    {
        ArgumentNullException.ThrowIfNull(trial);
        if (double.IsFinite(value)) Tell(trial, TrialState.Complete, value);
        else Tell(trial, TrialState.Failed, null, new ArgumentOutOfRangeException(nameof(value), value, $"The objective returned {value}."));
    }

    /// <summary>Ends <paramref name="trial"/> in <paramref name="state"/> (pruned, failed with <paramref name="error"/>, cancelled).</summary>
    public void Tell(Trial trial, TrialState state, double? value = null, Exception? error = null)
    {
        ArgumentNullException.ThrowIfNull(trial);
        if (state == TrialState.Running) throw new ArgumentException("state: expected a final state, actual Running.", nameof(state));
        if (state == TrialState.Complete && value is not { } v) throw new ArgumentException("value: a complete trial needs a value.", nameof(value));
        if (trial.Study != this) throw new ArgumentException($"trial: trial {trial.Number} belongs to study '{trial.Study.Name}', not '{Name}'.", nameof(trial));
        Storage.SetAttribute(Id, trial.Number, SystemAttributes.SamplerMs, trial.SamplerTime.TotalMilliseconds.ToString("R", CultureInfo.InvariantCulture));
        Finish(trial.Number, state, value, error);
    }

    private void Finish(int number, TrialState state, double? value, Exception? error)
    {
        try
        {
            if (error is not null) Storage.SetAttribute(Id, number, SystemAttributes.Error, $"{error.GetType().Name}: {error.Message}");
        }
        catch (InvalidOperationException) { /* already finished elsewhere (heartbeat timeout): keep what storage says */ }
        if (!Storage.FinishTrial(Id, number, state, value, DateTime.UtcNow))
            throw new TrialFinishedException(number, Storage.Trial(Id, number).State.ToString(),
                $"it was already finished (marked failed after its heartbeat stopped for {HeartbeatTimeout}?); the result is not recorded.");
        ForgetRunning(number);
    }

    // This process no longer runs trial `number`: its heartbeat stops when no trial is left, and waiting workers wake.
    private void ForgetRunning(int number)
    {
        lock (_lock)
        {
            _running.Remove(number);
            if (_running.Count == 0) { _heartbeat?.Dispose(); _heartbeat = null; }
        }
        lock (_signal) Monitor.PulseAll(_signal);
    }

    /// <summary>
    /// Marks failed the running trials whose process stopped sending heartbeats (older than <see cref="HeartbeatTimeout"/>)
    /// and re-queues those retried fewer than <see cref="MaxRetries"/> times; returns the numbers marked failed.
    /// Workers call it themselves before each trial and while they wait.
    /// </summary>
    public IReadOnlyList<int> FailStaleTrials()
    {
        _lastStaleCheck = DateTime.UtcNow;
        return Storage.FailStaleTrials(Id, HeartbeatTimeout, DateTime.UtcNow, MaxRetries);
    }

    private IReadOnlyList<TrialRecord> WaitForPredecessors(int number, int lag, CancellationToken cancellationToken)
    {
        while (true)
        {
            // A re-queued trial waiting for a worker blocks nobody: whoever asks next takes it.
            if (Storage.FinishedBefore(Id, number - lag)) return Storage.Trials(Id);
            cancellationToken.ThrowIfCancellationRequested();
            if (DateTime.UtcNow - _lastStaleCheck > HeartbeatInterval) FailStaleTrials();
            // Woken at once by a trial of this process finishing; polls for other processes.
            lock (_signal) Monitor.Wait(_signal, Storage.PollInterval);
        }
    }

    private void Beat()
    {
        int[] numbers;
        lock (_lock) numbers = [.. _running];
        try { Storage.Heartbeat(Id, numbers, DateTime.UtcNow); }
        catch (Exception) { /* a missed beat is retried next interval; only a long silence fails the trial */ }
    }
}
