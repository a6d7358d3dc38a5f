using System.Text;
using System.Text.Json.Nodes;
using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Notebooks;

public class NotebookIoTests
{
    // As VS Code's Polyglot extension and nbformat write them: 1-space indent, keys in the writer's order, an unknown
    // metadata field ("x_custom"), a source kept as one string, escapes as the file had them (\u00e9) next to raw UTF-8 (→).
    private const string Polyglot = """
{
 "cells": [
  {
   "cell_type": "markdown",
   "id": "intro",
   "metadata": {},
   "source": [
    "# Softmax → probabilities\n",
    "caf\u00e9 \"quoted\" \\ tab\there"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 3,
   "id": "a1-b_2",
   "metadata": {
    "polyglot_notebook": {
     "kernelName": "csharp"
    },
    "dotnet_interactive": {
     "language": "csharp"
    },
    "x_custom": [1, 2.50, 1e3, true, null]
   },
   "outputs": [
    {
     "name": "stdout",
     "output_type": "stream",
     "text": [
      "1.5\n"
     ]
    }
   ],
   "source": "var x = 1.5;\nConsole.WriteLine(x);"
  }
 ],
 "metadata": {
  "kernelspec": {
   "display_name": ".NET (C#)",
   "language": "C#",
   "name": ".net-csharp"
  },
  "language_info": {
   "name": "polyglot-notebook"
  },
  "polyglot_notebook": {
   "kernelInfo": {
    "defaultKernelName": "csharp",
    "items": [
     {
      "aliases": [],
      "languageName": "C#",
      "name": "csharp"
     }
    ]
   }
  }
 },
 "nbformat": 4,
 "nbformat_minor": 5
}

""";

    [Fact]
    public void Untouched_notebook_round_trips_byte_identical()
    {
        // The fixture's x_custom list is on one line, which no writer produces: use the canonical layout for that part.
        string text = Polyglot.Replace("[1, 2.50, 1e3, true, null]", "[\n     1,\n     2.50,\n     1e3,\n     true,\n     null\n    ]").TrimEnd('\n') + "\n";
        string path = Path.Combine(Repo.NotebookFolder(nameof(Untouched_notebook_round_trips_byte_identical)), "polyglot.ipynb");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        var before = File.ReadAllBytes(path);

        var notebook = NotebookReader.Read(path);
        NotebookWriter.Write(notebook, path);

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public void Typed_view_reads_cells_and_keeps_source_form_when_changed()
    {
        var notebook = NotebookReader.Parse(Polyglot, "polyglot.ipynb");
        var cells = notebook.Cells;

        Assert.Equal(["markdown", "code"], cells.Select(c => c.CellType));
        Assert.Equal("café \"quoted\" \\ tab\there", cells[0].Source.Split('\n')[1]);
        Assert.Equal("csharp", cells[1].KernelName);
        Assert.Equal(3, cells[1].ExecutionCount);
        Assert.Equal("csharp", notebook.DefaultKernelName);

        cells[1].Source = "var y = 2;\ny";
        cells[0].Source = "a\nb";
        Assert.IsAssignableFrom<JsonValue>(cells[1].Json["source"]);
        Assert.Equal(["a\n", "b"], cells[0].Json["source"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["polyglot_notebook", "dotnet_interactive", "x_custom"], cells[1].Metadata!.Select(p => p.Key));
    }

    [Fact]
    public void Missing_invalid_and_repeated_cell_ids_are_replaced_by_unique_valid_ones()
    {
        const string old = """{"cells": [{"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": "1"},""" +
            """{"cell_type": "markdown", "id": "same", "metadata": {}, "source": "a"}, {"cell_type": "markdown", "id": "same", "metadata": {}, "source": "a"},""" +
            """{"cell_type": "markdown", "id": "bad id!", "metadata": {}, "source": "b"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 4}""";
        var notebook = NotebookReader.Parse(old);

        int replaced = notebook.EnsureCellIds();

        var ids = notebook.Cells.Select(c => c.Id).ToList();
        Assert.Equal(3, replaced);
        Assert.Equal("same", ids[1]);
        Assert.All(ids, id => Assert.True(CellIds.IsValid(id), id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(5, notebook.FormatMinor);
        Assert.Equal(ids, Reparsed(old));
    }

    private static List<string?> Reparsed(string text)
    {
        var again = NotebookReader.Parse(text);
        again.EnsureCellIds();
        return again.Cells.Select(c => c.Id).ToList(); // the same notebook gets the same ids
    }

    [Fact]
    public void Created_notebook_carries_polyglot_metadata_and_cell_kernels()
    {
        var notebook = Notebook.CreatePolyglot();
        var cell = notebook.AddCodeCell("1 + 1");

        Assert.Equal("coursekit", notebook.Metadata["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("C# (CourseKit)", notebook.Metadata["kernelspec"]!["display_name"]!.GetValue<string>());
        Assert.Equal("C#", notebook.Metadata["kernelspec"]!["language"]!.GetValue<string>());
        Assert.Equal("polyglot-notebook", notebook.Metadata["language_info"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", notebook.DefaultKernelName);
        Assert.Equal("C#", notebook.Metadata["polyglot_notebook"]!["kernelInfo"]!["items"]![0]!["languageName"]!.GetValue<string>());
        Assert.Equal("csharp", cell.KernelName);
        Assert.Equal("csharp", cell.Metadata!["dotnet_interactive"]!["language"]!.GetValue<string>());
        Assert.True(CellIds.IsValid(cell.Id));
        Assert.Equal((4, 5), (notebook.FormatMajor, notebook.FormatMinor));
    }

    [Fact]
    public void File_that_is_not_json_is_rejected_naming_file_and_line()
    {
        string path = Path.Combine(Repo.TempFolder("notjson"), "broken.ipynb");
        File.WriteAllText(path, "{\n \"cells\": [\n  oops\n ]\n}\n");

        var e = Assert.Throws<InvalidDataException>(() => NotebookReader.Read(path));

        Assert.Contains(path, e.Message);
        Assert.Contains("invalid JSON at line 3", e.Message);
    }

    [Theory]
    [InlineData("""{"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": []}""", "'nbformat' expected 4, actual 3")]
    [InlineData("""[1, 2]""", "expected a JSON object, actual Array")]
    [InlineData("""{"nbformat": 4, "nbformat": 4}""", "invalid JSON")]
    [InlineData("""{"nbformat": 4, "nbformat_minor": 5, "metadata": {}}""", "'cells' expected a list, actual missing")]
    [InlineData("""{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "code", "source": 7}]}""", "cell 1: source: expected a string or a list of strings, actual Number")]
    public void Json_that_is_not_an_nbformat_4_notebook_is_rejected_with_expected_and_actual(string json, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => NotebookReader.Parse(json, "chapter.ipynb"));

        Assert.Contains("chapter.ipynb", e.Message);
        Assert.Contains(message, e.Message);
    }
}
