using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Release;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Grading;

/// <summary>
/// Submissions for chapter 7 (softmax regression) built from the real notebooks: the released student notebook with exercise cells filled
/// from the solution (markers removed), then edited per scenario.
/// </summary>
internal static class Chapter08
{
    public const string Name = "07-softmax-regression";

    public static string Solution => Path.Combine(Repo.Root, "notebooks", "solutions", Name + ".ipynb");

    public static string Student => Path.Combine(Repo.Root, "notebooks", Name + ".ipynb");

    /// <summary>The student notebook with every exercise solved.</summary>
    public static Notebook Perfect()
    {
        var solution = NotebookReader.Read(Solution).Cells.ToDictionary(c => c.Id!, c => c.Source);
        var notebook = NotebookReader.Read(Student);
        foreach (var cell in notebook.Cells.Where(c => CellRoles.RoleOf(c) == "exercise"))
            cell.Source = string.Join('\n', solution[cell.Id!].Split('\n').Where(l => !l.Contains("BEGIN SOLUTION") && !l.Contains("END SOLUTION")));
        return notebook;
    }

    /// <summary>The exercise cell of exercise <paramref name="n"/>.</summary>
    public static NotebookCell Exercise(Notebook notebook, int n) =>
        notebook.Cells.Single(c => CellRoles.RoleOf(c) == "exercise" && c.Source.Contains($"Exercise {n} ", StringComparison.Ordinal));

    /// <summary>The check cell under exercise <paramref name="n"/>.</summary>
    public static NotebookCell Check(Notebook notebook, int n) => notebook.Cells[Exercise(notebook, n).Index + 1];

    /// <summary>Replaces exercise <paramref name="n"/>'s code, keeping its header line.</summary>
    public static Notebook WithExercise(this Notebook notebook, int n, string code)
    {
        var cell = Exercise(notebook, n);
        cell.Source = cell.Source.Split('\n')[0] + "\n" + code;
        return notebook;
    }

    /// <summary>Removes the cell at <paramref name="index"/>.</summary>
    public static Notebook Without(this Notebook notebook, NotebookCell cell)
    {
        notebook.Json["cells"]!.AsArray().RemoveAt(cell.Index);
        return notebook;
    }

    /// <summary>Inserts a code cell (the learner's own) after <paramref name="after"/>.</summary>
    public static Notebook WithCellAfter(this Notebook notebook, NotebookCell after, string source, string id)
    {
        var scratch = Notebook.CreatePolyglot();
        var cell = scratch.AddCodeCell(source);
        cell.Id = id;
        var json = cell.Json.DeepClone();
        notebook.Json["cells"]!.AsArray().Insert(after.Index + 1, json);
        return notebook;
    }

    /// <summary>Writes the notebook to <paramref name="folder"/>/<paramref name="student"/>.ipynb.</summary>
    public static string Save(this Notebook notebook, string folder, string student)
    {
        string path = Path.Combine(folder, student + ".ipynb");
        NotebookWriter.Write(notebook, path);
        return path;
    }
}
