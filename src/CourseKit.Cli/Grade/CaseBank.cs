using CourseKit.Grading;
using CourseKit.Grading.Protocol;
using CourseKit.Interactive.Grading;

namespace CourseKit.Cli.Grade;

/// <summary>
/// The assignment's checks as the grader holds them, built once per batch in the grader's own process: each check cell's
/// library check (by the name its cell calls), its cases with the reference's outputs (hidden ones from the seed), the
/// payload of inputs its probe carries, and its exercise's library shortcuts. Expected values and the seed stay here.
/// </summary>
internal sealed class CaseBank
{
    private readonly Dictionary<string, (AssignmentCheck Cell, IGradedCheck Check, GradedCases Cases)> _checks;

    private CaseBank(Dictionary<string, (AssignmentCheck, IGradedCheck, GradedCases)> checks) => _checks = checks;

    /// <summary>The cases of every check of <paramref name="assignment"/> for <paramref name="mode"/>.</summary>
    /// <exception cref="GraderException">A check cell calls a check the library does not have.</exception>
    public static CaseBank Build(Assignment assignment, GradingMode mode)
    {
        var checks = new Dictionary<string, (AssignmentCheck, IGradedCheck, GradedCases)>(StringComparer.Ordinal);
        foreach (var cell in assignment.Checks)
        {
            var check = CheckCatalog.Find(cell.Call.Check) ?? throw new GraderException(
                $"{assignment.Name}, cell {cell.ReleaseIndex + 1}: calls Checks.{cell.Call.Check}, which the library does not have (it has {string.Join(", ", CheckCatalog.Names)}).");
            checks[cell.CellId] = (cell, check, check.Prepare(mode));
        }
        return new CaseBank(checks);
    }

    /// <summary>Each probe's payload, by check cell id.</summary>
    public IReadOnlyDictionary<string, string> Payloads => _checks.ToDictionary(c => c.Key, c => c.Value.Cases.Payload);

    /// <summary>Every check not run yet: name and points, in the assignment's order.</summary>
    public IReadOnlyList<CheckGrade> Templates => _checks.Values.OrderBy(c => c.Cell.ReleaseIndex)
        .Select(c => new CheckGrade(c.Cell.Exercise, c.Cell.CellId, c.Check.Name, CheckStatus.NotRun, 0, c.Check.Points, "", [])).ToList();

    /// <summary>Whether a use of member <paramref name="member"/> of <paramref name="type"/> is one of an exercise's library shortcuts.</summary>
    public bool Watched(string type, string member) => _checks.Values.Any(c => c.Check.Shortcuts.Any(s => s.Find(type, member) is not null));

    /// <summary>The check cell ids, in the assignment's order.</summary>
    public IEnumerable<AssignmentCheck> Cells => _checks.Values.Select(c => c.Cell).OrderBy(c => c.ReleaseIndex);

    /// <summary>The first use, among <paramref name="uses"/>, of a shortcut check <paramref name="cellId"/>'s exercise forbids, as the check's broken result.</summary>
    public CheckReport? BrokenByShortcut(string cellId, IReadOnlyList<MemberUse> uses)
    {
        var (_, check, _) = _checks[cellId];
        foreach (var use in uses)
        {
            if (check.Shortcuts.FirstOrDefault(s => s.Find(use.TypeFullName, use.Member) is not null) is { } shortcut)
                return check.Broken(shortcut.Message(use.Where, ApiMember.Display(use.TypeFullName, use.Member))).ToReport();
        }
        return null;
    }

    /// <summary>The result of a check whose exercise cell was refused.</summary>
    public CheckReport Refused(string cellId, string why) => _checks[cellId].Check.Broken(why).ToReport();

    /// <summary>The learner's answers to check <paramref name="cellId"/>, judged; answers that do not fit its cases make an error result.</summary>
    public CheckReport Judge(string cellId, AnswerSet answers)
    {
        var (_, check, cases) = _checks[cellId];
        try { return cases.Judge(answers).ToReport(); }
        catch (ProtocolException e)
        {
            return check.Unrun(CheckStatus.Error, $"the grading process's answers were malformed ({e.Message}); no points").ToReport();
        }
    }
}
