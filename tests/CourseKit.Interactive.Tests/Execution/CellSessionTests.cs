using System.Text.Json.Nodes;
using CourseKit.Interactive.Execution;
using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Execution;

/// <summary>The engine's cell-at-a-time session the kernel uses: interrupts, output limits, display updates, listeners.</summary>
public class CellSessionTests
{
    private static CellSession NewSession(NotebookRunOptions? options = null) =>
        new(Repo.TempFolder("cell-session"), "session.ipynb", options ?? new NotebookRunOptions { CellTimeout = Timeout.InfiniteTimeSpan });

    private static string Plain(CellOutcome outcome, string type) => string.Concat(outcome.Outputs
        .Where(o => NotebookOutputs.OutputType(o) == type)
        .Select(o => type == "stream" ? string.Concat(o["text"]!.AsArray().Select(l => l!.GetValue<string>())) : NotebookOutputs.Data(o, "text/plain")));

    [Theory]
    [InlineData("while (true) { }")]
    [InlineData("while (true) ;")]
    [InlineData("for (;;) x++;")]
    [InlineData("do { x++; } while (x > -1 || true);")]
    [InlineData("again: x++; goto again;")]
    [InlineData("long Fib(int n) { if (n < 2) return n; return Fib(n - 1) + Fib(n - 2); }\nFib(200)")]
    [InlineData("foreach (var i in Enumerable.Repeat(1, int.MaxValue)) { x += i; }")]
    public void An_interrupted_cell_stops_and_the_variables_before_it_stay(string loop)
    {
        using var session = NewSession();
        Assert.Equal(CellStatus.Succeeded, session.Run("var x = 41;", 1, 1).Status);
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        var stopped = session.Run(loop, 2, 2, interrupt: interrupt.Token);
        var after = session.Run("x > 0 ? 42 : 0", 3, 3);

        Assert.Equal(CellStatus.Failed, stopped.Status);
        var error = stopped.Outputs.Single(o => NotebookOutputs.OutputType(o) == "error");
        Assert.Equal(nameof(CellInterruptedException), error["ename"]!.GetValue<string>());
        Assert.Contains("at cell 2, line", error["traceback"]!.ToJsonString());
        Assert.DoesNotContain("CellInterrupt.Poll", error["traceback"]!.ToJsonString()); // the engine's polls are not the learner's code
        Assert.Equal("42", Plain(after, "execute_result"));
    }

    [Fact]
    public void A_sleeping_cell_is_woken_by_an_interrupt()
    {
        using var session = NewSession();
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var stopped = session.Run("System.Threading.Thread.Sleep(600_000);", 1, 1, interrupt: interrupt.Token);

        Assert.Equal("ThreadInterruptedException", stopped.Outputs.Single()["ename"]!.GetValue<string>());
    }

    [Fact]
    public void Polls_inserted_for_interrupts_keep_stack_trace_lines_and_compile_error_columns_the_cells_own()
    {
        using var session = NewSession();

        var thrown = session.Run("int x = 0;\nfor (int i = 0; i < 3; i++) {\n    if (i == 2) throw new InvalidOperationException(\"at two\");\n}", 4, 1);
        var badColumn = session.Run("while (true) { int y = \"no\"; }", 5, 2);

        Assert.Contains("at cell 4, line 3", thrown.Outputs.Single()["traceback"]!.ToJsonString());
        Assert.StartsWith("(1,24): error CS0029", badColumn.Outputs.Single()["evalue"]!.GetValue<string>());
    }

    [Fact]
    public void Stream_output_past_the_limit_is_cut_with_one_note_and_the_session_goes_on()
    {
        using var session = NewSession(new NotebookRunOptions { CellTimeout = Timeout.InfiniteTimeSpan, MaxStreamCharacters = 1000 });

        var flood = session.Run("for (int i = 0; i < 10_000; i++) Console.Write(\"0123456789\");", 1, 1);
        var next = session.Run("Console.Write(\"fine\");", 2, 2);

        string text = Plain(flood, "stream");
        Assert.StartsWith(new string('0', 1) + "123456789", text);
        Assert.Equal(1, text.Split("output truncated").Length - 1);
        Assert.True(text.Length < 1200, $"{text.Length} characters kept");
        Assert.Equal("fine", Plain(next, "stream"));
    }

    [Fact]
    public void A_display_updated_later_shows_the_new_value_in_its_own_cell()
    {
        using var session = NewSession();

        var first = session.Run("var shown = display(1);", 1, 1);
        session.Run("shown.Update(\"two\");", 2, 2);
        var ending = session.Run("display(3)", 3, 3);

        Assert.Equal("two", Plain(first, "display_data"));
        Assert.DoesNotContain(ending.Outputs, o => NotebookOutputs.OutputType(o) == "execute_result"); // the display, not its handle
        Assert.Equal("3", Plain(ending, "display_data"));
    }

    [Fact]
    public void The_listener_hears_outputs_in_order_while_the_cell_runs()
    {
        using var session = NewSession();
        var heard = new Listener();

        session.Run("Console.Write(\"a\"); display(1); Console.Error.Write(\"b\"); clear_output(wait: true); Console.Write(\"c\");", 1, 1, heard);

        Assert.Equal(["stream stdout a", "display_data", "stream stderr b", "clear True", "stream stdout c"], heard.Events);
    }

    private sealed class Listener : ICellOutputListener
    {
        public List<string> Events { get; } = [];
        public void Stream(string name, string text) => Events.Add($"stream {name} {text}");
        public void Output(JsonObject output, string? displayId) => Events.Add(NotebookOutputs.OutputType(output));
        public void Update(JsonObject output, string displayId) => Events.Add("update");
        public void Clear(bool wait) => Events.Add($"clear {wait}");
    }
}
