using CourseKit.Grading.Protocol;
using CourseKit.Interactive.Grading;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Tests.Grading;

public class RetryPlanTests
{
    private static readonly GradeLimits Limits = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(120), 512);
    private static readonly Notebook Cells = Notebook.CreatePolyglot();

    private static readonly IReadOnlyList<PlannedCell> Plan =
    [
        new(1, CellRole.Assignment, null, "setup", Cells.AddCodeCell("setup"), null, true),
        new(2, CellRole.Exercise, 1, "ex1", Cells.AddCodeCell("ex1"), null, true),
        new(3, CellRole.Check, 1, "chk1", Cells.AddCodeCell("chk1"), null, true),
        new(4, CellRole.Added, 1, "mine", Cells.AddCodeCell("mine"), null, true),
    ];

    private static readonly GradeRequest Request = new([new(1, "setup", false), new(2, "ex1", false), new(3, "probe", true), new(4, "mine", false)], 5, "/x");

    private static AttemptLog Log(params GradingEvent[] events)
    {
        var log = new AttemptLog(Request);
        foreach (var e in events) log.Accept(e);
        return log;
    }

    private static CellFinished Finish(int cell, CellOutcome outcome = CellOutcome.Succeeded) => new(cell, outcome, null, []);

    [Fact]
    public void A_cell_that_timed_out_inside_the_child_is_blamed_with_the_cell_timeout()
    {
        var log = Log(new CellStarted(3), Finish(3, CellOutcome.TimedOut), new RunCompleted());
        var death = AttemptDeath.Diagnose(log, new ChildExit(0, false, ""), Limits, Plan);
        Assert.Equal(new AttemptDeath(Plan[2], DeathKind.TimedOut, "timed out after 5 s"), death);
    }

    [Fact]
    public void A_cell_that_left_too_many_threads_running_is_blamed_even_though_the_run_went_on()
    {
        // The child ends the run after such a cell; its last words round-trip through the wire format.
        var runaway = GradingEvent.Parse(Finish(3, CellOutcome.Runaway).ToJson());
        var log = Log(new CellStarted(1), Finish(1), new CellStarted(3), runaway, new RunCompleted());
        Assert.Equal(3, log.Runaway);
        var death = AttemptDeath.Diagnose(log, new ChildExit(0, false, ""), Limits, Plan);
        Assert.Equal(new AttemptDeath(Plan[2], DeathKind.Crashed, "it left so many threads or processes running that the cells after it could not run"), death);
    }

    [Fact]
    public void A_cell_the_grader_saw_outlast_the_limit_is_blamed_with_the_cell_timeout_and_ends_the_run()
    {
        var log = Log(new CellStarted(1), Finish(1), new CellStarted(2));
        Assert.Null(log.RunningLongerThan(TimeSpan.FromMinutes(1)));
        Thread.Sleep(20);
        Assert.Equal(2, log.RunningLongerThan(TimeSpan.FromMilliseconds(10)));
        log.Hung(2);
        Assert.True(log.Ended.IsCompleted);
        var death = AttemptDeath.Diagnose(log, new ChildExit(137, false, ""), Limits, Plan);
        Assert.Equal(new AttemptDeath(Plan[1], DeathKind.TimedOut, "timed out after 5 s"), death);
    }

    [Theory]
    [InlineData(134, false, "Stack overflow.\n   Repeat 9999 times:", "the process crashed: stack overflow (infinite recursion?)")]
    [InlineData(137, false, "", "ran out of memory (the limit is 512 MB)")]
    [InlineData(137, true, "", "timed out: the notebook ran past the 120 s limit for one run")]
    [InlineData(0, false, "", "the process exited in the middle of the run (does the code call Environment.Exit?)")]
    [InlineData(139, false, "", "the process crashed (exit code 139)")]
    public void A_process_that_died_is_blamed_on_the_cell_that_was_running(int code, bool killed, string stderr, string reason)
    {
        var log = Log(new CellStarted(1), Finish(1), new CellStarted(2));
        var death = AttemptDeath.Diagnose(log, new ChildExit(code, killed, stderr), Limits, Plan)!;
        Assert.Equal(2, death.Cell!.Number);
        Assert.Equal(reason, death.Reason);
    }

    [Fact]
    public void A_run_that_reached_its_end_is_not_a_death_even_when_killed_afterwards()
    {
        Assert.Null(AttemptDeath.Diagnose(Log(new RunCompleted()), new ChildExit(137, true, ""), Limits, Plan));
    }

    [Fact]
    public void Events_out_of_order_break_the_protocol_and_what_came_before_stays()
    {
        var log = Log(new CellStarted(1), Finish(1));
        Assert.Throws<ProtocolException>(() => log.Accept(new CellStarted(1)));                          // started twice
        Assert.Throws<ProtocolException>(() => log.Accept(new CheckAnswered(3, new(AnswerProblem.None, null, []))));   // not running
        log.Accept(new CellStarted(3));
        log.Accept(new CheckAnswered(3, new(AnswerProblem.None, null, [])));
        Assert.Throws<ProtocolException>(() => log.Accept(new CheckAnswered(3, new(AnswerProblem.None, null, []))));   // answered twice
        Assert.Throws<ProtocolException>(() => log.Accept(new RunCompleted()));                          // while cell 3 runs
        Assert.Equal([1], log.Finished.Keys);
        log.Break("a forged line");
        Assert.StartsWith("the grading process broke the protocol", AttemptDeath.Diagnose(log, new ChildExit(0, false, ""), Limits, Plan)!.Reason);
    }

    [Fact]
    public void Each_exercise_is_neutralized_once_an_added_cell_skipped_once_then_grading_stops()
    {
        var plan = new RetryPlan();
        var inCheck = new AttemptDeath(Plan[2], DeathKind.Crashed, "the process crashed: stack overflow (infinite recursion?)");
        Assert.True(plan.Next(inCheck));
        Assert.Equal([1], plan.Neutralized.Keys);
        Assert.True(plan.Crashed);
        Assert.Equal(inCheck, plan.Lost[1]);
        Assert.True(plan.Next(new AttemptDeath(Plan[3], DeathKind.TimedOut, "timed out after 5 s")));
        Assert.Equal([Plan[3].Cell.Number], plan.Skipped.Keys);
        Assert.False(plan.Next(new AttemptDeath(Plan[1], DeathKind.TimedOut, "timed out after 5 s")));
        Assert.False(plan.Next(new AttemptDeath(Plan[0], DeathKind.Crashed, "the process crashed (exit code 1)")));
        Assert.StartsWith("grading stopped in cell 1", plan.Notes[^1].Text);
    }
}
