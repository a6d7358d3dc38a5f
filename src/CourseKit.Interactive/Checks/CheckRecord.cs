using CourseKit.Grading;
using CourseKit.Grading.Protocol;

namespace CourseKit.Interactive.Checks;

/// <summary>One check's result as a notebook output reports it (<see cref="ProtocolMimeTypes.CheckResult"/>).</summary>
/// <param name="CellNumber">The 1-based number of the cell whose output holds it.</param>
/// <param name="Name">The check's name, or what was wrong with a malformed output.</param>
/// <param name="Status">Its status (<see cref="CheckStatus.Error"/> for a malformed output).</param>
/// <param name="Points">Points earned.</param>
/// <param name="MaxPoints">Points possible.</param>
/// <param name="Report">The whole report (summary, cases), or null when the output was malformed.</param>
public sealed record CheckRecord(int CellNumber, string Name, CheckStatus Status, double Points, double MaxPoints, CheckReport? Report);
