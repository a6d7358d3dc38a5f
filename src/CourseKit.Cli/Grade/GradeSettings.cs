using CourseKit.Interactive.Grading;

namespace CourseKit.Cli.Grade;

/// <summary>What a grading batch runs with.</summary>
/// <param name="Assignment">The assignment, released in memory from the solution.</param>
/// <param name="SourcePath">The solution notebook (each child releases it again).</param>
/// <param name="HiddenSeed">The secret for hidden cases; passed to children only.</param>
/// <param name="Limits">Cell timeout, per-run wall-clock limit, memory.</param>
/// <param name="Jobs">How many children run at once.</param>
/// <param name="OutputDir">Where results go.</param>
internal sealed record GradeSettings(Assignment Assignment, string SourcePath, string HiddenSeed, GradeLimits Limits, int Jobs, string OutputDir)
{
    /// <summary>Scratch space for journals and attempts, removed at the end.</summary>
    public string WorkDir => Path.Combine(OutputDir, ".work");
}

/// <summary>One learner's submitted file.</summary>
/// <param name="Student">The learner's name, unique in the batch and safe as a folder name.</param>
/// <param name="Path">The file.</param>
internal sealed record Submission(string Student, string Path);
