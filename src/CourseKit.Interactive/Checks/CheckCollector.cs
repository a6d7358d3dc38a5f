using CourseKit.Grading;
using CourseKit.Grading.Protocol;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Checks;

/// <summary>Collects check results from a notebook's outputs, in cell order.</summary>
public static class CheckCollector
{
    /// <summary>
    /// Every <see cref="ProtocolMimeTypes.CheckResult"/> output of <paramref name="notebook"/>. A malformed one is not
    /// skipped: it becomes a check with status error whose name says what was wrong.
    /// </summary>
    public static IReadOnlyList<CheckRecord> Collect(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var checks = new List<CheckRecord>();
        foreach (var cell in notebook.Cells.Where(c => c.IsCode))
        {
            foreach (var output in cell.Outputs)
            {
                string? json = NotebookOutputs.Data(output, ProtocolMimeTypes.CheckResult);
                if (json is not null) checks.Add(Parse(json, cell.Number));
            }
        }
        return checks;
    }

    /// <summary>Parses one check's <see cref="CheckReport"/> JSON.</summary>
    public static CheckRecord Parse(string json, int cellNumber)
    {
        try
        {
            var report = CheckReport.Parse(json);
            return new CheckRecord(cellNumber, report.Name, report.Status, report.Points, report.MaxPoints, report);
        }
        catch (ProtocolException e)
        {
            return new CheckRecord(cellNumber, $"malformed check output in cell {cellNumber}: {e.Message}", CheckStatus.Error, 0, 0, null);
        }
    }
}
