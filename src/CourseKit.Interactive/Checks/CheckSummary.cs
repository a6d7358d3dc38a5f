using System.Globalization;
using CourseKit.Grading;

namespace CourseKit.Interactive.Checks;

/// <summary>Counts of a notebook's checks by status, and the one-line summary <c>coursekit run</c> prints.</summary>
/// <param name="Passed">Checks that passed.</param>
/// <param name="Failed">Checks that failed.</param>
/// <param name="NotImplemented">Checks whose exercise is not implemented yet.</param>
/// <param name="Errors">Checks that could not run (or were malformed).</param>
/// <param name="Points">Points earned.</param>
/// <param name="MaxPoints">Points possible.</param>
public sealed record CheckSummary(int Passed, int Failed, int NotImplemented, int Errors, double Points, double MaxPoints)
{
    /// <summary>Counts <paramref name="checks"/>.</summary>
    public static CheckSummary Of(IEnumerable<CheckRecord> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var list = checks.ToList();
        return new CheckSummary(
            list.Count(c => c.Status == CheckStatus.Passed), list.Count(c => c.Status == CheckStatus.Failed),
            list.Count(c => c.Status == CheckStatus.NotImplemented), list.Count(c => c.Status is not (CheckStatus.Passed or CheckStatus.Failed or CheckStatus.NotImplemented)),
            list.Sum(c => c.Points), list.Sum(c => c.MaxPoints));
    }

    /// <summary>"3 passed, 0 failed, 0 not implemented" (", 1 error" added when there are errors, points when any are possible).</summary>
    public string Describe()
    {
        string line = $"{Passed} passed, {Failed} failed, {NotImplemented} not implemented";
        if (Errors > 0) line += $", {Errors} error{(Errors == 1 ? "" : "s")}";
        if (MaxPoints > 0) line += string.Create(CultureInfo.InvariantCulture, $" ({Points:0.##}/{MaxPoints:0.##} points)");
        return line;
    }
}
