using System.Text.Json.Nodes;

namespace CourseKit.Interactive.Checks;

/// <summary>
/// One check's result as a notebook output reports it (<c>application/vnd.coursekit.check+json</c>): at least
/// <c>name</c>, <c>status</c> (passed, failed, not_implemented, error), <c>points</c> and <c>max_points</c>.
/// </summary>
/// <param name="CellNumber">The 1-based number of the cell whose output holds it.</param>
/// <param name="Name">The check's name.</param>
/// <param name="Status">One of <see cref="Statuses"/>.</param>
/// <param name="Points">Points earned.</param>
/// <param name="MaxPoints">Points possible.</param>
/// <param name="Json">The whole JSON object (further fields: message, cases …).</param>
public sealed record CheckRecord(int CellNumber, string Name, string Status, double Points, double MaxPoints, JsonObject Json)
{
    /// <summary>The statuses a check may report.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["passed", "failed", "not_implemented", "error"];
}
