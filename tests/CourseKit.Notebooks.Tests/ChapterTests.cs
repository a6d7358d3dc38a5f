using CourseKit.Interactive.Execution;
using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Release;

namespace CourseKit.Notebooks.Tests;

/// <summary>
/// Every chapter, executed headlessly: solutions pass every check, and a student who fills in the solutions gets every
/// point. That a student version reports every exercise not implemented and nothing else is checked on the run the
/// parity tests make of it (CourseKit.Interactive.Tests, ParityTests): one run of each student version, not two.
/// </summary>
[Trait("Category", "Slow")]
public class ChapterTests
{
    public static IEnumerable<object[]> Files => Chapters.SolutionFiles();

    [Fact]
    public void Every_student_notebook_has_a_solution_source()
    {
        var orphans = Directory.GetFiles(Chapters.Student, "*.ipynb").Select(Path.GetFileName)
            .Except(Directory.GetFiles(Chapters.Solutions, "*.ipynb").Select(Path.GetFileName));
        Assert.Empty(orphans); // a student notebook without a solution source was written by hand
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_student_version_is_exactly_the_release_of_the_solution(string file)
    {
        // Example cells' expected outputs come from this very run of the solution (coursekit release runs it the same way).
        var fresh = NotebookRelease.Release(NotebookReader.Read(Path.Combine(Chapters.Solutions, file)), Chapters.Student,
            ExampleOutputs.From(Chapters.Solution(file)));
        string student = Path.Combine(Chapters.Student, file);
        Assert.True(File.Exists(student) && File.ReadAllText(student) == NotebookWriter.ToText(fresh),
            $"{file}: notebooks/ and notebooks/solutions/ are not in sync. Run `coursekit release` and commit the result.");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_solution_runs_and_passes_every_check(string file)
    {
        var result = Chapters.Solution(file);
        Assert.True(result.Succeeded, Chapters.Describe(result));
        Assert.NotEmpty(result.Checks);
        Assert.All(result.Checks, c => Assert.True(c.Status == CourseKit.Grading.CheckStatus.Passed, $"{c.Name}: {c.Status} — {c.Report?.Summary}"));
        Assert.All(result.Cells.Where(c => c.Status != CellStatus.Skipped), c => Assert.Equal(CellStatus.Succeeded, c.Status));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_student_who_writes_the_solutions_gets_full_marks(string file)
    {
        // The release round trip: solution → student → exercises filled in (matched by cell id) → every point.
        var solution = NotebookReader.Read(Path.Combine(Chapters.Solutions, file));
        var student = NotebookReader.Read(Path.Combine(Chapters.Student, file));
        var answers = solution.Cells.Where(c => c.Id is not null).ToDictionary(c => c.Id!, c => c.Source);
        int filled = 0;
        foreach (var cell in student.Cells.Where(c => CellRoles.RoleOf(c) == "exercise"))
        {
            cell.Source = answers[cell.Id!];
            filled++;
        }
        string path = Path.Combine(Chapters.Executed("filled-in"), file);
        NotebookWriter.Write(student, path);
        var result = Chapters.Run(path, "filled-in", baseDirectory: Chapters.Student);
        Assert.True(filled > 0);
        Assert.True(result.Succeeded, Chapters.Describe(result));
        Assert.All(result.Checks, c => Assert.Equal(c.MaxPoints, c.Points));
    }
}
