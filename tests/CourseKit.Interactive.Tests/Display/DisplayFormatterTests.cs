using CourseKit.Interactive.Display;

namespace CourseKit.Interactive.Tests.Display;

public class DisplayFormatterTests
{
    [Fact]
    public void Plain_text_fallback_is_invariant_and_previews_sequences_truncated()
    {
        Assert.Equal("2.5", DisplayFormatter.Format(2.5)["text/plain"]);
        Assert.Equal("hi", DisplayFormatter.Format("hi")["text/plain"]);
        Assert.Equal("<null>", DisplayFormatter.Format(null)["text/plain"]);
        Assert.Equal("true", DisplayFormatter.Format(true)["text/plain"]);
        Assert.Equal("[1, 2, 3]", DisplayFormatter.Format(new[] { 1, 2, 3 })["text/plain"]);
        Assert.Equal("[[1, 2], [3]]", DisplayFormatter.Format(new[] { new[] { 1, 2 }, new[] { 3 } })["text/plain"]);
        Assert.Equal("[\"a\", \"b\"]", DisplayFormatter.Format(new List<string> { "a", "b" })["text/plain"]);
        string many = DisplayFormatter.Format(Enumerable.Range(1, 1000))["text/plain"]!;
        Assert.StartsWith("[1, 2, 3,", many);
        Assert.EndsWith("20, …]", many);
        Assert.Equal("(1, x)", DisplayFormatter.Format((1, "x"))["text/plain"]);
    }

    [Fact]
    public void Strings_are_plain_text_unless_a_mime_type_is_given()
    {
        var plain = DisplayFormatter.Format("<b>x</b>");
        var html = DisplayFormatter.Format("<b>x</b>", "text/html");

        Assert.Equal(["text/plain"], plain.Entries.Select(e => e.Key));
        Assert.Equal(["text/html"], html.Entries.Select(e => e.Key));
        Assert.Equal("<b>x</b>", html["text/html"]);
    }

    [Fact]
    public void Type_without_formatter_source_gets_plain_text_only()
    {
        var bundle = DisplayFormatter.Format(new Uri("https://example.org/a"));

        Assert.Equal(["text/plain"], bundle.Entries.Select(e => e.Key));
        Assert.Equal("https://example.org/a", bundle["text/plain"]);
        Assert.Empty(FormatterSource.For(typeof(Uri)));
    }
}
