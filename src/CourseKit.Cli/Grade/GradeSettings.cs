using CourseKit.Cli.Grade.Sandbox;
using CourseKit.Interactive.Grading;

namespace CourseKit.Cli.Grade;

/// <summary>What a grading batch runs with.</summary>
/// <param name="Assignment">The assignment, released in memory from the solution.</param>
/// <param name="HiddenSeed">The secret hidden cases derive from: it stays in this process.</param>
/// <param name="Limits">Cell timeout, per-run wall-clock limit, memory.</param>
/// <param name="Jobs">How many children run at once.</param>
/// <param name="OutputDir">Where results go.</param>
/// <param name="Sandbox">Which sandbox the children run in.</param>
/// <param name="SourcePath">The solution notebook.</param>
/// <param name="SeedFile">The file the seed was read from, or null.</param>
internal sealed record GradeSettings(Assignment Assignment, string HiddenSeed, GradeLimits Limits, int Jobs, string OutputDir, SandboxChoice Sandbox,
    string SourcePath, string? SeedFile)
{
    /// <summary>Files no learner's code may read: the solution and the seed's file.</summary>
    public IEnumerable<string> SecretFiles => SeedFile is null ? [SourcePath] : [SourcePath, SeedFile];

    /// <summary>The grader's scratch space (the children's private folders), outside the output folder, removed at the end.</summary>
    public string ScratchDir { get; } = Path.Combine(Path.GetTempPath(), $"coursekit-grade-{Guid.NewGuid():N}");
}

/// <summary>One learner's submitted file.</summary>
/// <param name="Student">The learner's name, unique in the batch, safe as a folder name and never an output's name.</param>
/// <param name="Path">The file.</param>
internal sealed record Submission(string Student, string Path);
