using CourseKit.Grading.Protocol;

namespace CourseKit.Interactive.Grading;

/// <summary>
/// One attempt's event stream as the grader accepts it: cells start in the request's order, one at a time; a probe's
/// answers come while it runs, once; <c>done</c> comes last. Anything else is a <see cref="ProtocolException"/>, and
/// what was accepted before it stays as it was.
/// </summary>
public sealed class AttemptLog
{
    private readonly Dictionary<int, RequestCell> _cells;
    private readonly Dictionary<int, CellFinished> _finished = [];
    private readonly Dictionary<int, AnswerSet> _answers = [];
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _lastStarted;
    private long _runningSince;
    private int? _hung;

    /// <summary>Completes when the run reached its end or broke the protocol: nothing more is needed from the child.</summary>
    public Task Ended => _ended.Task;

    /// <summary>A log of the run of <paramref name="request"/>.</summary>
    public AttemptLog(GradeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _cells = request.Cells.ToDictionary(c => c.Number);
    }

    /// <summary>The cell that started and has not finished (where a dying process was), or null.</summary>
    public int? Running { get; private set; }

    /// <summary>Whether the run reached its end.</summary>
    public bool Done { get; private set; }

    /// <summary>Why the stream was cut off as broken, or null.</summary>
    public string? Violation { get; private set; }

    /// <summary>How each cell that finished ended.</summary>
    public IReadOnlyDictionary<int, CellFinished> Finished => _finished;

    /// <summary>Each probe's answers, by cell number.</summary>
    public IReadOnlyDictionary<int, AnswerSet> Answers => _answers;

    /// <summary>The first cell that ran past the cell time limit (as the child reported it, or as the grader saw it), or null.</summary>
    public int? TimedOut
    {
        get
        {
            lock (_finished) return _finished.Values.Where(f => f.Outcome == CellOutcome.TimedOut).Select(f => (int?)f.Cell).Append(_hung).Min();
        }
    }

    /// <summary>The first cell that left more threads or processes running than the run may keep (as the child reported it), or null.</summary>
    public int? Runaway
    {
        get
        {
            lock (_finished) return _finished.Values.Where(f => f.Outcome == CellOutcome.Runaway).Select(f => (int?)f.Cell).Min();
        }
    }

    /// <summary>The cell that has been running for longer than <paramref name="limit"/>, or null.</summary>
    public int? RunningLongerThan(TimeSpan limit)
    {
        lock (_finished) return Running is { } cell && System.Diagnostics.Stopwatch.GetElapsedTime(_runningSince) > limit ? cell : null;
    }

    /// <summary>
    /// Records that cell <paramref name="cell"/> outlasted the cell limit without the child saying so (a child whose own
    /// timer cannot run, its threads used up): the grader ends the run and the cell counts as timed out.
    /// </summary>
    public void Hung(int cell)
    {
        lock (_finished) _hung ??= cell;
        _ended.TrySetResult();
    }

    /// <summary>Records <paramref name="e"/>; throws when it breaks the protocol.</summary>
    public void Accept(GradingEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        lock (_finished) AcceptLocked(e);
    }

    private void AcceptLocked(GradingEvent e)
    {
        if (Done) throw new ProtocolException("an event after 'done'.");
        switch (e)
        {
            case CellStarted s:
                if (Running is not null || !_cells.ContainsKey(s.Cell) || s.Cell <= _lastStarted)
                    throw new ProtocolException($"cell {s.Cell} started out of order.");
                (Running, _lastStarted, _runningSince) = (s.Cell, s.Cell, System.Diagnostics.Stopwatch.GetTimestamp());
                break;
            case CheckAnswered a:
                if (Running != a.Cell || !_cells[a.Cell].Probe || _answers.ContainsKey(a.Cell))
                    throw new ProtocolException($"answers for cell {a.Cell}, which is not the probe running.");
                _answers[a.Cell] = a.Answers;
                break;
            case CellFinished f:
                if (Running != f.Cell) throw new ProtocolException($"cell {f.Cell} finished without having started.");
                (_finished[f.Cell], Running) = (f, null);
                break;
            case RunCompleted:
                if (Running is not null) throw new ProtocolException($"'done' while cell {Running} runs.");
                Done = true;
                _ended.TrySetResult();
                break;
        }
    }

    /// <summary>Records that the stream broke the protocol (the grader stops reading it).</summary>
    public void Break(string violation)
    {
        Violation ??= violation;
        _ended.TrySetResult();
    }
}
