using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace CourseKit.Tuning;

/// <summary>How <see cref="Study.Optimize"/> runs trials.</summary>
public sealed record OptimizeOptions
{
    /// <summary>Trials run at once, each on its own thread (caviar). Each trial's training is single-threaded.</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>The determinism lag (see <see cref="Study.Ask"/>); Concurrency − 1 when null. Set it to the total number
    /// of workers − 1 when several processes share a study.</summary>
    public int? Lag { get; init; }

    /// <summary>Start no new trial after this much time.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Told after every trial (and at the start): counts and best so far.</summary>
    public IProgress<TuningProgress>? Progress { get; init; }

    /// <summary>Cancels the run: no new trials; running ones see <see cref="Trial.CancellationToken"/> and end as cancelled.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Record a throwing objective as a failed trial and go on (true), or stop and rethrow (false).</summary>
    public bool CatchExceptions { get; init; } = true;
}

public sealed partial class Study
{
    /// <summary>
    /// Runs up to <paramref name="trials"/> new trials of <paramref name="objective"/> (fewer if the sampler runs out,
    /// the timeout passes or the run is cancelled), <see cref="OptimizeOptions.Concurrency"/> at a time; returns them.
    /// The objective returns the value to optimize, or throws <see cref="TrialPrunedException"/> when pruned.
    /// On cancellation every trial it started is finished (cancelled) before <see cref="OperationCanceledException"/> is thrown.
    /// </summary>
    public IReadOnlyList<TrialRecord> Optimize(Func<Trial, double> objective, int trials, OptimizeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        options ??= new OptimizeOptions();
        if (options.Concurrency < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Concurrency, $"options.Concurrency: expected ≥ 1, actual {options.Concurrency}.");
        int lag = options.Lag ?? options.Concurrency - 1;
        if (Sampler.MaxTrials is { } max) trials = Math.Min(trials, Math.Max(0, max - Storage.Trials(Id).Count(t => !t.Attributes.ContainsKey(SystemAttributes.RetryOf))));
        FailStaleTrials();
        var run = new RunState(this, trials, options);
        var token = options.CancellationToken;
        var workers = Enumerable.Range(0, Math.Min(options.Concurrency, Math.Max(trials, 1))).Select(_ => new Thread(() =>
        {
            try
            {
                while (!token.IsCancellationRequested && !run.TimedOut && run.TryStart())
                {
                    Trial? trial;
                    try { trial = TryAsk(lag, token); }
                    catch (OperationCanceledException) when (token.IsCancellationRequested) { break; }
                    if (trial is null) break;  // other workers took the sampler's last trials
                    run.Finished(RunOne(objective, trial, options));
                }
            }
            catch (Exception e) { run.Fail(e); }
        }) { IsBackground = true, Name = "coursekit-tuning-worker" }).ToList();
        run.Report();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        run.Error?.Throw();
        token.ThrowIfCancellationRequested();
        return run.Records();
    }

    private TrialRecord RunOne(Func<Trial, double> objective, Trial trial, OptimizeOptions options)
    {
        try
        {
            RunObjective(objective, trial, options);
        }
        catch (TrialFinishedException e) when (e.Number == trial.Number)
        {
            // A peer failed this trial after our heartbeat lapsed (this worker was starved or paused): the storage's
            // verdict stands and this worker goes on with the next trial, as Optuna's workers do.
            ForgetRunning(trial.Number);
            Console.Error.WriteLine($"warning: study '{Name}': {e.Message}");
        }
        return Storage.Trial(Id, trial.Number);
    }

    private void RunObjective(Func<Trial, double> objective, Trial trial, OptimizeOptions options)
    {
        try
        {
            Tell(trial, objective(trial));
        }
        catch (TrialPrunedException) { Tell(trial, TrialState.Pruned); }
        catch (OperationCanceledException e) when (options.CancellationToken.IsCancellationRequested) { Tell(trial, TrialState.Cancelled, null, e); }
        catch (Exception e) when (e is not TrialFinishedException f || f.Number != trial.Number)
        {
            Tell(trial, TrialState.Failed, null, e);
            if (!options.CatchExceptions) throw;
        }
    }

    /// <summary>The counters of one <see cref="Optimize"/> call, shared by its workers.</summary>
    private sealed class RunState(Study study, int total, OptimizeOptions options)
    {
        private readonly Lock _lock = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<TrialRecord> _done = [];
        private int _started;
        private TrialRecord? _best = study.Storage.Trials(study.Id).Where(t => t.State == TrialState.Complete).MinBy(t => study.Sign * t.Value!.Value);

        public ExceptionDispatchInfo? Error { get; private set; }

        public bool TimedOut => options.Timeout is { } t && _clock.Elapsed > t;

        public bool TryStart()
        {
            lock (_lock) return Error is null && _started < total && ++_started > 0;
        }

        public void Finished(TrialRecord record)
        {
            lock (_lock)
            {
                _done.Add(record);
                if (record.State == TrialState.Complete && (_best is null || study.Sign * record.Value!.Value < study.Sign * _best.Value!.Value)) _best = record;
            }
            Report();
        }

        public void Fail(Exception e)
        {
            lock (_lock) Error ??= ExceptionDispatchInfo.Capture(e);
        }

        public void Report()
        {
            TuningProgress progress;
            lock (_lock)
            {
                progress = new TuningProgress(total, _done.Count(t => t.State == TrialState.Complete), _started - _done.Count,
                    _done.Count(t => t.State == TrialState.Pruned), _done.Count(t => t.State is TrialState.Failed or TrialState.Cancelled),
                    _best?.Value, _best?.Number, _clock.Elapsed);
            }
            options.Progress?.Report(progress);
        }

        public IReadOnlyList<TrialRecord> Records()
        {
            lock (_lock) return _done.OrderBy(t => t.Number).ToList();
        }
    }

    private double Sign => Direction == Direction.Minimize ? 1 : -1;
}
