using System.Reflection;
using CourseKit.Tensors;
using CourseKit.Tests.Support;

namespace CourseKit.Tests;

/// <summary>
/// The library's namespaces form a one-way stack with <c>CourseKit.Display</c> (the notebook formatters) on top:
/// nothing below imports Display, and no two namespaces reference each other, directly or around a loop. Read from
/// the compiled assembly (signatures, attributes and IL), so a fully qualified name or a lambda counts as much as a
/// <c>using</c>.
/// </summary>
public class NamespaceStackTests
{
    private const string Display = "CourseKit.Display";
    private static readonly Assembly Library = typeof(Matrix).Assembly;

    [Fact]
    public void No_namespace_below_Display_references_it()
    {
        var offenders = References(Library).Where(r => r.To == Display && r.From != Display)
            .Select(r => $"{r.FromType} → {r.ToType}").ToList();
        Assert.True(offenders.Count == 0, $"expected no reference into {Display}, actual:\n{string.Join("\n", offenders)}");
    }

    [Fact]
    public void Namespaces_reference_each_other_one_way_only()
    {
        var edges = References(Library).GroupBy(r => (r.From, r.To)).ToDictionary(g => g.Key, g => g.First());
        var cycle = Cycle(edges.Keys.ToList());
        Assert.True(cycle is null, cycle is null ? "" :
            "expected no cycle among namespaces, actual one:\n" + string.Join("\n", cycle.Zip(cycle.Skip(1).Append(cycle[0]))
                .Select(e => { var r = edges[(e.First, e.Second)]; return $"{r.From} → {r.To} (e.g. {r.FromType} uses {r.ToType})"; })));
    }

    [Fact]
    public void Display_sits_on_top_and_Display_reaches_every_namespace_it_formats()
    {
        var fromDisplay = References(Library).Where(r => r.From == Display).Select(r => r.To).ToHashSet();
        foreach (string ns in new[] { "CourseKit.Tensors", "CourseKit.Nn", "CourseKit.Training", "CourseKit.Tuning", "CourseKit.Grading" })
            Assert.Contains(ns, fromDisplay);
    }

    [Fact]
    public void The_scan_sees_references_in_lambdas_attributes_and_fully_qualified_names()
    {
        var seen = TypeReferences.Of(typeof(Fixture)).Concat(typeof(Fixture).GetNestedTypes(BindingFlags.NonPublic).SelectMany(TypeReferences.Of)).ToHashSet();
        Assert.Contains(typeof(CourseKit.Display.MatrixFormatterSource), seen);         // only in a lambda's body
        Assert.Contains(typeof(CourseKit.Display.HistoryFormatterSource), seen);        // only as a typeof attribute argument
        Assert.Contains(typeof(CourseKit.Display.StudyFormatterSource), seen);          // only in a fully qualified cast
    }

    [Fact]
    public void Every_formatter_attribute_of_the_library_names_a_formatter_source_in_Display_that_formats_its_type()
    {
        var attributed = Library.GetTypes().Where(t => t.GetCustomAttribute<TypeFormatterSourceAttribute>(inherit: false) is not null).ToList();
        Assert.NotEmpty(attributed);
        foreach (var type in attributed)
        {
            var source = type.GetCustomAttribute<TypeFormatterSourceAttribute>()!.FormatterSourceType;
            Assert.Equal(Display, source.Namespace);
            var formatters = (IEnumerable<object>)source.GetMethod("CreateTypeFormatters")!.Invoke(Activator.CreateInstance(source), null)!;
            var handled = formatters.Select(f => (Type)f.GetType().GetProperty("Type")!.GetValue(f)!).ToList();
            Assert.True(handled.Count > 0 && handled.All(t => t.IsAssignableFrom(type)),
                $"{type}: expected formatters for it from {source}, actual formatters for [{string.Join(", ", handled)}]");
        }
    }

    [Fact]
    public void A_formatter_source_name_that_no_type_has_fails_naming_it()
    {
        var attribute = new TypeFormatterSourceAttribute("CourseKit.Display.NoSuchFormatterSource");
        var e = Assert.Throws<TypeLoadException>(() => attribute.FormatterSourceType);
        Assert.Contains("CourseKit.Display.NoSuchFormatterSource", e.Message);
    }

    private sealed record Reference(string From, string To, Type FromType, Type ToType);

    private static List<Reference> References(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.Namespace?.StartsWith("CourseKit", StringComparison.Ordinal) == true)
            .SelectMany(t => TypeReferences.Of(t).Where(r => r.Assembly == assembly && r.Namespace is not null && r.Namespace != t.Namespace)
                .Select(r => new Reference(t.Namespace!, r.Namespace!, t, r)))
            .ToList();

    // A loop of namespaces (each referencing the next, the last the first), or null when there is none.
    private static List<string>? Cycle(IReadOnlyList<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).OrderBy(n => n, StringComparer.Ordinal).ToList());
        var state = new Dictionary<string, bool>();   // false: on the current path; true: finished
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            if (state.TryGetValue(node, out bool done)) return done ? null : path.Skip(path.IndexOf(node)).ToList();
            state[node] = false;
            path.Add(node);
            foreach (string to in next.GetValueOrDefault(node) ?? [])
                if (Visit(to) is { } found) return found;
            path.RemoveAt(path.Count - 1);
            state[node] = true;
            return null;
        }
        return next.Keys.OrderBy(n => n, StringComparer.Ordinal).Select(Visit).FirstOrDefault(c => c is not null);
    }

    [TypeFormatterSource(typeof(CourseKit.Display.HistoryFormatterSource))]
    private sealed class Fixture
    {
        public Func<object> Lambda() => () => new CourseKit.Display.MatrixFormatterSource();

        public object? Qualified(object value) => value as CourseKit.Display.StudyFormatterSource;
    }
}
