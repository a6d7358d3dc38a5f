using System.Globalization;

namespace CourseKit.Tuning;

/// <summary>Where a <see cref="Study.Optimize"/> run stands: trials complete, running, pruned, failed (or cancelled) of <see cref="Total"/>, and the best so far.</summary>
public sealed record TuningProgress(int Total, int Complete, int Running, int Pruned, int Failed, double? BestValue, int? BestTrial, TimeSpan Elapsed)
{
    /// <summary>Trials finished in any state.</summary>
    public int Finished => Complete + Pruned + Failed;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Finished}/{Total} trials · {Running} running · {Complete} complete · {Pruned} pruned · {Failed} failed · best {(BestValue is { } b ? $"{b:G6} (trial {BestTrial})" : "—")} · {Elapsed:hh\\:mm\\:ss}");
}

/// <summary>
/// Live progress on a console: one line rewritten in place (carriage return) when the writer is an interactive console,
/// one line per update otherwise (logs, notebooks).
/// </summary>
public sealed class ConsoleProgress(TextWriter? writer = null, bool? inPlace = null) : IProgress<TuningProgress>
{
    private readonly Lock _lock = new();
    private readonly TextWriter _writer = writer ?? Console.Error;
    private readonly bool _inPlace = inPlace ?? (writer is null && !Console.IsErrorRedirected);

    /// <inheritdoc />
    public void Report(TuningProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_lock)
        {
            if (_inPlace) _writer.Write("\r[tuning] " + value + "   " + (value.Finished == value.Total ? "\n" : ""));
            else _writer.WriteLine("[tuning] " + value);
            _writer.Flush();
        }
    }
}
