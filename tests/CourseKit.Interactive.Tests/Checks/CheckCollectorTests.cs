using CourseKit.Interactive.Checks;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Checks;

public class CheckCollectorTests
{
    internal static string Check(string name, string status, int points, int max) =>
        $"display(\"{{\\\"name\\\": \\\"{name}\\\", \\\"status\\\": \\\"{status}\\\", \\\"points\\\": {points}, \\\"max_points\\\": {max}}}\", \"application/vnd.coursekit.check+json\");";

    [Fact]
    public void Check_outputs_are_collected_in_cell_order_and_summarized()
    {
        var result = TestNotebook.Run(nameof(Check_outputs_are_collected_in_cell_order_and_summarized),
            Check("softmax", "passed", 2, 2) + "\n" + Check("cross_entropy", "failed", 0, 3),
            "md:Between.",
            Check("backward", "not_implemented", 0, 5),
            "display(\"{\\\"name\\\": \\\"x\\\", \\\"status\\\": \\\"great\\\"}\", \"application/vnd.coursekit.check+json\");");
        var checks = result.Checks;

        Assert.Equal(["softmax", "cross_entropy", "backward"], checks.Take(3).Select(c => c.Name));
        Assert.Equal([1, 1, 3, 4], checks.Select(c => c.CellNumber));
        Assert.Equal(CourseKit.Grading.CheckStatus.Error, checks[3].Status);
        Assert.Contains("'status': expected a known name, actual \"great\"", checks[3].Name);
        var summary = CheckSummary.Of(checks);
        Assert.Equal((1, 1, 1, 1), (summary.Passed, summary.Failed, summary.NotImplemented, summary.Errors));
        Assert.Equal("1 passed, 1 failed, 1 not implemented, 1 error (2/10 points)", summary.Describe());
        Assert.Equal("application/vnd.coursekit.check+json",
            result.Notebook.Cells[0].Outputs[0]["data"]!.AsObject().Single().Key); // stored as a JSON object, not text
        Assert.IsType<System.Text.Json.Nodes.JsonObject>(result.Notebook.Cells[0].Outputs[0]["data"]!["application/vnd.coursekit.check+json"]);
    }

    [Fact]
    public void Summary_without_checks_reads_zero_everywhere()
    {
        Assert.Equal("0 passed, 0 failed, 0 not implemented", CheckSummary.Of([]).Describe());
    }
}
