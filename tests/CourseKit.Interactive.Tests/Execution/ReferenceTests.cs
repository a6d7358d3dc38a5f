using CourseKit.Interactive.Execution;
using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Execution;

public class ReferenceTests
{
    private static string RelativeFixture(string test) =>
        Path.GetRelativePath(Path.Combine(Repo.TestNotebooks, test), Path.Combine(FixtureAssemblies.Folder, "FixtureLib.dll")).Replace('\\', '/');

    [Fact]
    public void Relative_r_resolves_against_the_notebook_folder_and_loads_the_dependency_beside_it()
    {
        const string test = nameof(Relative_r_resolves_against_the_notebook_folder_and_loads_the_dependency_beside_it);
        var result = TestNotebook.Run(test, $"#r \"{RelativeFixture(test)}\"\nusing FixtureLib;", "new Score(3).Greet()");

        Assert.True(result.Succeeded, string.Join("; ", result.Cells.Select(c => c.ErrorMessage)));
        Assert.Equal("hello 3 from FixtureDep", TestNotebook.Text(result.Cells[1], "execute_result"));
    }

    [Fact]
    public void Formatter_convention_found_by_attribute_name_renders_html_also_for_derived_types()
    {
        const string test = nameof(Formatter_convention_found_by_attribute_name_renders_html_also_for_derived_types);
        var result = TestNotebook.Run(test, $"#r \"{RelativeFixture(test)}\"\nusing FixtureLib;", "display(new BonusScore(5));\nnew Score(7)");
        var outputs = result.Cells[1].Outputs;

        Assert.Equal(["display_data", "execute_result"], outputs.Select(NotebookOutputs.OutputType));
        Assert.Equal("<b>score 5</b>", NotebookOutputs.Data(outputs[0], "text/html"));
        Assert.Equal("Score(5)", NotebookOutputs.Data(outputs[0], "text/plain"));
        Assert.Equal("<b>score 7</b>", NotebookOutputs.Data(outputs[1], "text/html"));
        Assert.Equal(["text/html", "text/plain"], outputs[1]["data"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Throwing_formatter_falls_back_to_plain_text_with_a_note_and_the_cell_succeeds()
    {
        const string test = nameof(Throwing_formatter_falls_back_to_plain_text_with_a_note_and_the_cell_succeeds);
        var result = TestNotebook.Run(test, $"#r \"{RelativeFixture(test)}\"", "new FixtureLib.Broken()");
        var cell = result.Cells[1];

        Assert.Equal(CellStatus.Succeeded, cell.Status);
        string text = TestNotebook.Text(cell, "execute_result");
        Assert.StartsWith("a broken thing\n", text);
        Assert.Contains("InvalidOperationException: formatter boom", text);
        Assert.Null(NotebookOutputs.Data(cell.Outputs[0], "text/html"));
    }

    [Fact]
    public void Missing_r_target_is_a_compile_error_naming_the_full_path()
    {
        const string test = nameof(Missing_r_target_is_a_compile_error_naming_the_full_path);
        var result = TestNotebook.Run(test, "#r \"../nowhere/Missing.dll\"\nvar x = 1;");
        string expected = Path.GetFullPath(Path.Combine(Repo.TestNotebooks, "nowhere", "Missing.dll"));

        Assert.Equal(CellStatus.Failed, result.Cells[0].Status);
        Assert.Equal("CompilationError", result.Cells[0].ErrorName);
        Assert.Contains($"file not found: {expected}", result.Cells[0].ErrorMessage);
        Assert.StartsWith("(1,4): error CS0006", result.Cells[0].ErrorMessage);
    }

    [Fact]
    public void Nuget_reference_is_a_clear_error_saying_to_reference_a_built_dll()
    {
        var result = TestNotebook.Run(nameof(Nuget_reference_is_a_clear_error_saying_to_reference_a_built_dll), "#r \"nuget: Plotly.NET, 5.0.0\"", "1");

        Assert.Equal(CellStatus.Failed, result.Cells[0].Status);
        Assert.Contains("NuGet references are not supported", result.Cells[0].ErrorMessage);
        Assert.Contains("artifacts/notebook-lib/CourseKit.Core.dll", result.Cells[0].ErrorMessage);
        Assert.Equal(CellStatus.Succeeded, result.Cells[1].Status);
    }
}
