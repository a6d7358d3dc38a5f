using System.Text.Json.Nodes;
using CourseKit.Interactive.Grading;

namespace CourseKit.Interactive.Tests.Grading;

public class RetryPlanTests
{
    private static readonly GradeLimits Limits = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(120), 512);

    private static AttemptJournal Journal(params string[] lines) => new(lines.Select(l => JsonNode.Parse(l)!.AsObject()).ToList());

    private const string Prepared = """
        {"event":"prepared","cells":[{"number":1,"id":"setup","role":"assignment","exercise":null},{"number":2,"id":"ex1","role":"exercise","exercise":1},
        {"number":3,"id":"chk1","role":"check","exercise":1},{"number":4,"id":"mine","role":"added","exercise":1}],"notes":[]}
        """;

    [Fact]
    public void A_cell_that_timed_out_inside_the_child_is_blamed_with_the_cell_timeout()
    {
        var journal = Journal(Prepared.Replace("\n", ""), """{"event":"start","cell":3}""", """{"event":"finish","cell":3,"status":"TimedOut"}""", """{"event":"done"}""");
        var death = AttemptDeath.Diagnose(journal, new ChildExit(0, false, ""), Limits);
        Assert.Equal(new AttemptDeath(journal.Cell("chk1"), DeathKind.TimedOut, "timed out after 5 s"), death);
    }

    [Theory]
    [InlineData(134, false, "Stack overflow.\n   Repeat 9999 times:", "the process crashed: stack overflow (infinite recursion?)")]
    [InlineData(137, false, "", "ran out of memory (the limit is 512 MB)")]
    [InlineData(137, true, "", "timed out: the notebook ran past the 120 s limit for one run")]
    [InlineData(0, false, "", "the process exited in the middle of the run (does the code call Environment.Exit?)")]
    [InlineData(139, false, "", "the process crashed (exit code 139)")]
    public void A_process_that_died_is_blamed_on_the_cell_that_was_running(int code, bool killed, string stderr, string reason)
    {
        var journal = Journal(Prepared.Replace("\n", ""), """{"event":"start","cell":1}""", """{"event":"finish","cell":1,"status":"Succeeded"}""", """{"event":"start","cell":2}""");
        var death = AttemptDeath.Diagnose(journal, new ChildExit(code, killed, stderr), Limits)!;
        Assert.Equal("ex1", death.Cell!.Id);
        Assert.Equal(reason, death.Reason);
    }

    [Fact]
    public void A_run_that_reached_its_end_is_not_a_death_even_when_killed_afterwards()
    {
        var journal = Journal(Prepared.Replace("\n", ""), """{"event":"done"}""");
        Assert.Null(AttemptDeath.Diagnose(journal, new ChildExit(137, true, ""), Limits));
    }

    [Fact]
    public void Each_exercise_is_neutralized_once_an_added_cell_skipped_once_then_grading_stops()
    {
        var journal = Journal(Prepared.Replace("\n", ""));
        var plan = new RetryPlan();
        var inCheck = new AttemptDeath(journal.Cell("chk1"), DeathKind.Crashed, "the process crashed: stack overflow (infinite recursion?)");
        Assert.True(plan.Next(inCheck));
        Assert.Equal([1], plan.Neutralized);
        Assert.True(plan.Crashed);
        Assert.Equal(inCheck, plan.Lost[1]);
        Assert.True(plan.Next(new AttemptDeath(journal.Cell("mine"), DeathKind.TimedOut, "timed out after 5 s")));
        Assert.Equal(["mine"], plan.Skipped);
        Assert.False(plan.Next(new AttemptDeath(journal.Cell("ex1"), DeathKind.TimedOut, "timed out after 5 s")));
        Assert.False(plan.Next(new AttemptDeath(journal.Cell("setup"), DeathKind.Crashed, "the process crashed (exit code 1)")));
        Assert.StartsWith("grading stopped in cell 1", plan.Notes[^1].Text);
    }

    [Fact]
    public void A_torn_last_line_of_the_journal_is_ignored()
    {
        string path = Path.Combine(Path.GetTempPath(), $"coursekit-journal-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, Prepared.Replace("\n", "") + "\n{\"event\":\"start\",\"cell\":2}\n{\"event\":\"fini");
        var journal = AttemptJournal.ReadFile(path);
        File.Delete(path);
        Assert.Equal("ex1", journal.RunningCell!.Id);
    }
}
