namespace CourseKit.Tuning;

/// <summary>
/// Thrown by <see cref="IStudyStorage.CreateStudy"/> when the storage already holds a study with that name — possibly
/// one another worker created a moment ago, which is why <see cref="Study.CreateOrLoad(string, IStudyStorage, Direction, ISampler?, IPruner?, int)"/>
/// catches exactly this and opens the study instead.
/// </summary>
public sealed class StudyExistsException(string name, string storage)
    : InvalidOperationException($"name: a study named '{name}' already exists in {storage}.")
{
    /// <summary>The name that is taken.</summary>
    public string StudyName { get; } = name;
}
