using CourseKit.Grading;
using CourseKit.Grading.Protocol;

namespace CourseKit.Display;

/// <summary>
/// <see cref="ProtocolMimeTypes.CheckResult"/>: the <see cref="CheckReport"/> of a result, the one record the engine,
/// the site and the grader read. Hidden cases' messages hold no expected values (see <see cref="Comparison.Describe"/>).
/// </summary>
public static class CheckResultJson
{
    /// <summary>The status as written in JSON.</summary>
    public static string StatusName(CheckStatus status) => StatusNames.Of(status);

    /// <summary>Writes <paramref name="result"/> as JSON to <paramref name="writer"/>.</summary>
    public static void Write(CheckResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ToJson(result));
    }

    /// <summary><paramref name="result"/> as a JSON string.</summary>
    public static string ToJson(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.ToReport().ToJson();
    }
}
