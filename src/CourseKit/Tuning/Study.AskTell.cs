using System.Globalization;

namespace CourseKit.Tuning;

public sealed partial class Study
{
    private readonly HashSet<int> _running = [];
    private readonly object _signal = new();
    private Timer? _heartbeat;

    /// <summary>
    /// Starts the next trial. Determinism rule: trial n learns only from trials 0 … n − <paramref name="lag"/> − 1, and
    /// waits until all of those are finished before sampling — so with a fixed seed and lag, trial n's parameters do not
    /// depend on timing, threads or processes. Workers running in parallel should use lag = workers − 1 (what
    /// <see cref="Optimize"/> does); then a worker waits only when a trial older than the last <c>workers</c> is still running.
    /// </summary>
    public Trial Ask(int lag = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lag);
        if (Sampler.MaxTrials is { } max && Storage.Trials(Id).Count >= max)
            throw new InvalidOperationException($"The sampler {Sampler.GetType().Name} has no more trials to propose (all {max} were asked).");
        int number = Storage.CreateTrial(Id, DateTime.UtcNow);
        lock (_lock)
        {
            _running.Add(number);
            _heartbeat ??= new Timer(_ => Beat(), null, HeartbeatInterval, HeartbeatInterval);
        }
        try
        {
            var history = WaitForPredecessors(number, lag, cancellationToken);
            var record = history.Count > number ? history[number] : Storage.Trials(Id)[number];
            var trial = new Trial(this, number, record.Seed, history.Where(t => t.Number < number - lag).ToList(), cancellationToken);
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
            throw new InvalidOperationException($"trial {number}: it was already finished (marked failed after its heartbeat stopped for {HeartbeatTimeout}?); the result is not recorded.");
        lock (_lock)
        {
            _running.Remove(number);
            if (_running.Count == 0) { _heartbeat?.Dispose(); _heartbeat = null; }
        }
        lock (_signal) Monitor.PulseAll(_signal);
    }

    /// <summary>Marks failed the running trials whose process stopped sending heartbeats (older than <see cref="HeartbeatTimeout"/>).</summary>
    public IReadOnlyList<int> FailStaleTrials() => Storage.FailStaleTrials(Id, HeartbeatTimeout, DateTime.UtcNow);

    private IReadOnlyList<TrialRecord> WaitForPredecessors(int number, int lag, CancellationToken cancellationToken)
    {
        var lastStaleCheck = DateTime.MinValue;
        while (true)
        {
            var trials = Storage.Trials(Id);
            if (trials.Where(t => t.Number < number - lag).All(t => t.IsFinished)) return trials;
            cancellationToken.ThrowIfCancellationRequested();
            if (DateTime.UtcNow - lastStaleCheck > HeartbeatInterval)
            {
                FailStaleTrials();
                lastStaleCheck = DateTime.UtcNow;
            }
            // Woken at once by a trial of this process finishing; polls for other processes.
            lock (_signal) Monitor.Wait(_signal, Storage is InMemoryStorage ? 5 : 25);
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
