using System.Reflection;

namespace CourseKit.Grading;

/// <summary>
/// The library's checks by the name a check cell calls them with: <c>Checks.Softmax.Run(Softmax)</c> is
/// <c>Find("Softmax")</c>. The grader builds a check's cases from here, in its own process.
/// </summary>
public static class CheckCatalog
{
    /// <summary>The names of every check in <see cref="Checks"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = Properties().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    /// <summary>A new instance of check <paramref name="name"/>, or null when <see cref="Checks"/> has none by that name.</summary>
    public static IGradedCheck? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Properties().FirstOrDefault(p => p.Name == name)?.GetValue(null) as IGradedCheck;
    }

    private static IEnumerable<PropertyInfo> Properties() =>
        typeof(Checks).GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => typeof(IGradedCheck).IsAssignableFrom(p.PropertyType));
}
