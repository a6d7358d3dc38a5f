namespace CourseKit.Grading.Protocol;

/// <summary>
/// How statuses are written in JSON (check results, grading events, results.json, CSS classes): snake case,
/// <c>passed</c>, <c>not_implemented</c>, <c>timed_out</c> …, read back strictly.
/// </summary>
public static class StatusNames
{
    /// <summary>The wire name of <paramref name="status"/>.</summary>
    public static string Of(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "passed",
        CheckStatus.Failed => "failed",
        CheckStatus.NotImplemented => "not_implemented",
        CheckStatus.Error => "error",
        CheckStatus.TimedOut => "timed_out",
        CheckStatus.Crashed => "crashed",
        CheckStatus.NotRun => "not_run",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, $"status: expected a CheckStatus, actual {(int)status}."),
    };

    /// <summary>The wire name of <paramref name="status"/>.</summary>
    public static string Of(CaseStatus status) => status switch
    {
        CaseStatus.Passed => "passed",
        CaseStatus.Failed => "failed",
        CaseStatus.NotImplemented => "not_implemented",
        CaseStatus.Error => "error",
        CaseStatus.TimedOut => "timed_out",
        CaseStatus.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, $"status: expected a CaseStatus, actual {(int)status}."),
    };

    /// <summary>Every check status's wire name, in enum order.</summary>
    public static IReadOnlyList<string> CheckStatuses { get; } = Enum.GetValues<CheckStatus>().Select(Of).ToArray();

    /// <summary>The check status named <paramref name="name"/>, or null when it names none.</summary>
    public static CheckStatus? ParseCheck(string? name) =>
        Enum.GetValues<CheckStatus>().Cast<CheckStatus?>().FirstOrDefault(s => Of(s!.Value) == name);

    /// <summary>The case status named <paramref name="name"/>, or null when it names none.</summary>
    public static CaseStatus? ParseCase(string? name) =>
        Enum.GetValues<CaseStatus>().Cast<CaseStatus?>().FirstOrDefault(s => Of(s!.Value) == name);
}
