using System.Reflection;
using CourseKit.Display;

namespace CourseKit.Tests.Display;

/// <summary>Formats like a notebook front end does: through the type's TypeFormatterSource attribute, by reflection only.</summary>
internal static class Formatters
{
    public static string Format(object value, string mimeType)
    {
        var attribute = value.GetType().GetCustomAttributes(inherit: true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        object source = Activator.CreateInstance(sourceType)!;
        var formatters = (IEnumerable<object>)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;
        foreach (object f in formatters)
        {
            if ((string)f.GetType().GetProperty("MimeType")!.GetValue(f)! != mimeType) continue;
            using var writer = new StringWriter();
            Assert.True((bool)f.GetType().GetMethod("Format", [typeof(object), typeof(TextWriter)])!.Invoke(f, [value, writer])!);
            Assert.False((bool)f.GetType().GetMethod("Format", [typeof(object), typeof(TextWriter)])!.Invoke(f, ["not mine", writer])!);
            return writer.ToString();
        }
        throw new Xunit.Sdk.XunitException($"{value.GetType().Name}: no formatter for {mimeType}");
    }

    public static IReadOnlyList<string> MimeTypesOf(Type type)
    {
        var attribute = type.GetCustomAttribute<TypeFormatterSourceAttribute>()!;
        object source = Activator.CreateInstance(attribute.FormatterSourceType)!;
        var formatters = (IEnumerable<object>)attribute.FormatterSourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;
        return formatters.Select(f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)!).ToList();
    }
}
