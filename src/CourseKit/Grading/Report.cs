using System.Text;

namespace CourseKit.Grading;

/// <summary>Turns case results into a <see cref="CheckResult"/>: status, points, the one-line summary and the details.</summary>
internal static class Report
{
    public static CheckResult Build(string name, double points, List<CaseResult> cases, bool allOrNothing)
    {
        CheckStatus status = StatusOf(cases);
        double total = cases.Sum(c => c.Weight), passed = cases.Where(c => c.Passed).Sum(c => c.Weight);
        double earned = status == CheckStatus.Passed ? points
            : allOrNothing || total == 0 ? 0 : Math.Round(points * passed / total, 4);
        var result = new CheckResult(name, status, earned, points, cases);
        return result with { Summary = SummaryOf(result), Details = status == CheckStatus.Passed ? "" : DetailsOf(cases) };
    }

    public static CheckResult NullLearner(string name, double points, string signature) =>
        Single(name, points, CheckStatus.Error, $"expected your function ({signature}), got null");

    public static CheckResult WrongSignature(string name, double points, string signature, string problem) =>
        Single(name, points, CheckStatus.Error, $"wrong signature: expected {signature}; {problem}");

    /// <summary>A check whose exercise broke one of its rules (a library shortcut): failed, 0 points, the rule's message.</summary>
    public static CheckResult Broken(string name, double points, string message) => Single(name, points, CheckStatus.Failed, message, "rules");

    /// <summary>A check the grader could not run (timed out, crashed, not run, an error): 0 points and why.</summary>
    public static CheckResult Unrun(string name, double points, CheckStatus status, string message) =>
        new(name, status, 0, points, []) { Summary = $"{Symbols.For(status)} {name}: {message}", Details = "" };

    private static CheckResult Single(string name, double points, CheckStatus status, string message, string caseName = "signature")
    {
        var cases = new[] { new CaseResult(caseName, false, status == CheckStatus.Failed ? CaseStatus.Failed : CaseStatus.Error, message) };
        return new CheckResult(name, status, 0, points, cases) { Summary = $"✗ {name}: {message}", Details = "" };
    }

    private static CheckStatus StatusOf(List<CaseResult> cases)
    {
        if (cases.All(c => c.Passed)) return CheckStatus.Passed;
        if (cases.Any(c => c.Status == CaseStatus.Error)) return CheckStatus.Error;
        if (!cases.Any(c => c.Passed) && cases.Any(c => c.Status == CaseStatus.NotImplemented)
            && cases.All(c => c.Status is CaseStatus.NotImplemented or CaseStatus.Skipped))
            return CheckStatus.NotImplemented;
        return CheckStatus.Failed;
    }

    private static string SummaryOf(CheckResult r)
    {
        string head = $"{Symbols.For(r.Status)} {r.Name}: ";
        string count = $"{r.PassedCount}/{r.Cases.Count} cases passed";
        CaseResult? first = r.Cases.FirstOrDefault(c => !c.Passed);
        return r.Status switch
        {
            CheckStatus.Passed => head + count,
            CheckStatus.NotImplemented => head + first!.Message,
            CheckStatus.Error => head + $"{count}; {r.Cases.First(c => c.Status == CaseStatus.Error).Message}",
            _ => head + $"{count}; first failure: {first!.Name} — {ShortReason(first)}",
        };
    }

    private static string ShortReason(CaseResult c) => c.Status switch
    {
        CaseStatus.TimedOut => c.Message,
        CaseStatus.NotImplemented => "not implemented yet",
        _ => c.Comparison?.Kind switch
        {
            Mismatch.WrongType => "wrong type",
            Mismatch.WrongShape => "wrong shape",
            Mismatch.WrongValues => c.Comparison.NonFinite > 0 ? "NaN or ±∞ in the output" : c.Comparison.Worst is { Rank: 0 } ? "wrong value" : "wrong values",
            _ => "changed its input",
        },
    };

    private static string DetailsOf(IEnumerable<CaseResult> cases)
    {
        var sb = new StringBuilder();
        foreach (var c in cases)
        {
            sb.Append("  ").Append(c).Append('\n');
            if (!c.Passed && c.Hint is not null) sb.Append("    hint: ").Append(c.Hint).Append('\n');
        }
        return sb.ToString().TrimEnd('\n');
    }
}
