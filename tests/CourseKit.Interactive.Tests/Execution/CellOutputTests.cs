using CourseKit.Interactive.Execution;
using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Execution;

public class CellOutputTests
{
    [Fact]
    public void Trailing_expression_becomes_execute_result_and_counts_run_1_2_3_past_markdown()
    {
        var result = TestNotebook.Run(nameof(Trailing_expression_becomes_execute_result_and_counts_run_1_2_3_past_markdown),
            "var xs = new List<int> { 1, 2, 3 };", "md:Some *text*.", "xs.Sum()", "var y = 2;", "xs.Select(x => x * y)");
        var cells = result.Cells;

        Assert.Equal([1, null, 2, 3, 4], cells.Select(c => c.ExecutionCount));
        Assert.Equal(CellStatus.Skipped, cells[1].Status);
        Assert.Empty(cells[0].Outputs);
        var sum = Assert.Single(cells[2].Outputs);
        Assert.Equal("execute_result", NotebookOutputs.OutputType(sum));
        Assert.Equal(2, sum["execution_count"]!.GetValue<int>());
        Assert.Equal("6", NotebookOutputs.Data(sum, "text/plain"));
        Assert.Empty(cells[3].Outputs);
        Assert.Equal("[2, 4, 6]", TestNotebook.Text(cells[4], "execute_result"));
        Assert.True(result.Succeeded);
        Assert.Equal(4, result.Notebook.Cells[4].ExecutionCount);
    }

    [Fact]
    public void Display_adds_display_data_and_console_writes_become_streams_in_order()
    {
        var result = TestNotebook.Run(nameof(Display_adds_display_data_and_console_writes_become_streams_in_order),
            """
            Console.WriteLine("before");
            Console.Write("same ");
            Console.WriteLine("stream");
            display("plain words");
            display("<b>bold</b>", "text/html");
            Console.Error.WriteLine("warning!");
            display(Math.PI)
            """);
        var outputs = result.Cells[0].Outputs;

        Assert.Equal(["stream", "display_data", "display_data", "stream", "display_data"], outputs.Select(NotebookOutputs.OutputType));
        Assert.Equal("before\nsame stream\n", string.Concat(outputs[0]["text"]!.AsArray().Select(l => l!.GetValue<string>())));
        Assert.Equal("stdout", outputs[0]["name"]!.GetValue<string>());
        Assert.Equal("plain words", NotebookOutputs.Data(outputs[1], "text/plain"));
        Assert.Equal("<b>bold</b>", NotebookOutputs.Data(outputs[2], "text/html"));
        Assert.Null(NotebookOutputs.Data(outputs[2], "text/plain"));
        Assert.Equal("stderr", outputs[3]["name"]!.GetValue<string>());
        Assert.Equal(Math.PI.ToString(System.Globalization.CultureInfo.InvariantCulture), NotebookOutputs.Data(outputs[4], "text/plain"));
    }

    [Fact]
    public void Exceptions_wrapped_by_tasks_and_reflection_are_reported_as_the_inner_exception()
    {
        var result = TestNotebook.Run(nameof(Exceptions_wrapped_by_tasks_and_reflection_are_reported_as_the_inner_exception),
            "Task.Run(() => throw new InvalidOperationException(\"in a task\")).Wait();",
            "static void Fail() => throw new FormatException(\"by reflection\");\nvar m = new Action(Fail).Method;\nm.Invoke(null, null);");

        Assert.Equal(("InvalidOperationException", "in a task"), (result.Cells[0].ErrorName, result.Cells[0].ErrorMessage));
        Assert.Equal(("FormatException", "by reflection"), (result.Cells[1].ErrorName, result.Cells[1].ErrorMessage));
        Assert.Contains("at Fail() in cell 2, line 1", TestNotebook.Text(result.Cells[1], "error"));
    }

    [Fact]
    public void Exception_becomes_error_output_with_the_cells_line_numbers_and_state_survives()
    {
        var result = TestNotebook.Run(nameof(Exception_becomes_error_output_with_the_cells_line_numbers_and_state_survives),
            "int Half(int n)\n{\n    if (n % 2 != 0) throw new ArgumentException($\"odd: {n}\");\n    return n / 2;\n}\nvar kept = 7;",
            "var a = Half(6);\nvar b = Half(a);\nConsole.WriteLine(\"unreachable\");",
            "kept + a");
        var failed = result.Cells[1];

        Assert.Equal(CellStatus.Failed, failed.Status);
        Assert.Equal("ArgumentException", failed.ErrorName);
        Assert.Equal("odd: 3", failed.ErrorMessage);
        string traceback = TestNotebook.Text(failed, "error");
        Assert.Contains("System.ArgumentException: odd: 3", traceback);
        Assert.Contains("at Half(Int32 n) in cell 1, line 3", traceback);
        Assert.Contains("at cell 2, line 2", traceback);
        Assert.DoesNotContain("Microsoft.CodeAnalysis", traceback);
        Assert.Equal("10", TestNotebook.Text(result.Cells[2], "execute_result"));
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Compile_errors_list_each_diagnostic_with_cell_lines_and_later_cells_still_run()
    {
        var result = TestNotebook.Run(nameof(Compile_errors_list_each_diagnostic_with_cell_lines_and_later_cells_still_run),
            "#!csharp\nvar ok = 1;\nint wrong = \"text\";\nundefinedName();", "ok + 1");
        var failed = result.Cells[0];

        Assert.Equal(CellStatus.Failed, failed.Status);
        Assert.Equal("CompilationError", failed.ErrorName);
        var lines = TestNotebook.Text(failed, "error").Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("(3,13): error CS0029: ", lines[0]);
        Assert.StartsWith("(4,1): error CS0103: ", lines[1]);
        Assert.Contains("undefinedName", lines[1]);
        Assert.Equal(1, failed.ExecutionCount);
        Assert.Equal(CellStatus.Failed, result.Cells[1].Status); // 'ok' never existed: the cell did not compile
        Assert.Contains("CS0103", result.Cells[1].ErrorMessage);
    }

    [Fact]
    public void NotImplementedException_is_an_exercise_not_done_yet_and_does_not_fail_the_run()
    {
        var result = TestNotebook.Run(nameof(NotImplementedException_is_an_exercise_not_done_yet_and_does_not_fail_the_run),
            "// Exercise 1 — softmax (≈ 3 lines)\nfloat[] Softmax(float[] z)\n{\n    throw new NotImplementedException(\"Exercise 1\");\n}",
            "Softmax([1f, 2f])");

        Assert.Equal(CellStatus.NotImplemented, result.Cells[1].Status);
        Assert.Equal("NotImplementedException", result.Cells[1].ErrorName);
        Assert.Equal("Exercise 1", result.Cells[1].ErrorMessage);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Cells_in_other_languages_get_an_unknown_kernel_error_and_the_rest_runs()
    {
        var notebook = TestNotebook.Create(Repo.NotebookFolder(nameof(Cells_in_other_languages_get_an_unknown_kernel_error_and_the_rest_runs)),
            "kernels", "#!fsharp\nlet x = 1", "#!markdown\n# Heading in a code cell", "Get-ChildItem", "#!csharp\n40 + 2");
        var pwsh = notebook.Cells[2].Metadata!;
        pwsh["polyglot_notebook"]!["kernelName"] = "pwsh";
        pwsh["dotnet_interactive"]!["language"] = "pwsh";

        var result = new CourseKit.Interactive.Execution.NotebookRunner().Run(notebook);
        NotebookWriter.Write(result.Notebook, notebook.Path!);

        Assert.Equal([CellStatus.Failed, CellStatus.Skipped, CellStatus.Failed, CellStatus.Succeeded], result.Cells.Select(c => c.Status));
        Assert.Equal("unknown kernel 'fsharp': CourseKit runs C# cells only", result.Cells[0].ErrorMessage);
        Assert.Equal("unknown kernel 'pwsh': CourseKit runs C# cells only", result.Cells[2].ErrorMessage);
        Assert.Equal("42", TestNotebook.Text(result.Cells[3], "execute_result"));
        Assert.Equal(1, result.Cells[3].ExecutionCount);
    }
}
