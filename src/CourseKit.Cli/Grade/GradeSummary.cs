using System.Globalization;
using CourseKit.Interactive.Grading;

namespace CourseKit.Cli.Grade;

/// <summary>The end-of-batch summary: how many graded, failed to run, timed out, crashed; the mean score; where the files are.</summary>
internal static class GradeSummary
{
    public static string Describe(BatchResult batch, string outputDir)
    {
        var grades = batch.Grades;
        int graded = grades.Count(g => g.Outcome == SubmissionOutcome.Graded);
        double max = grades.Count == 0 ? 0 : grades.Max(g => g.MaxScore);
        double mean = grades.Count == 0 ? 0 : grades.Average(g => g.Score);
        double seconds = batch.Elapsed.TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"""
            {grades.Count} submission(s) in {seconds:0.0} s ({grades.Count / Math.Max(seconds, 1e-9) * 60:0.0} per minute): {graded} graded, {grades.Count - graded} failed to run, {grades.Count(g => g.TimedOut)} timed out, {grades.Count(g => g.Crashed)} crashed; mean score {mean:0.##}/{max:0.##}
            gradebook: {Path.Combine(outputDir, "gradebook.csv")}; per learner: results.json (Gradescope), feedback.html, the executed notebook
            """);
    }
}
