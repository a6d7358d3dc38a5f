using System.Text.Json;
using CourseKit.Display;
using CourseKit.Grading;
using CourseKit.Tensors;
using CourseKit.Tests.Grading;

namespace CourseKit.Tests.Display;

public class CheckResultFormatterTests
{
    private static CheckResult Passed() => Checks.Softmax.Run(Learners.Softmax, mode: GradingMode.Student);

    [Fact]
    public void A_check_result_renders_as_html_text_and_check_json()
    {
        Assert.Equal([MimeTypes.Html, MimeTypes.PlainText, MimeTypes.CheckResult], Formatters.MimeTypesOf(typeof(CheckResult)));
        Assert.Equal("✓ softmax: 4/4 cases passed", Formatters.Format(Passed(), MimeTypes.PlainText));
    }

    [Fact]
    public void The_check_json_has_the_documented_shape()
    {
        CheckResult r = Checks.Softmax.Run(Learners.SoftmaxWithoutMax, mode: Learners.Grader);
        using var doc = JsonDocument.Parse(Formatters.Format(r, MimeTypes.CheckResult));
        JsonElement root = doc.RootElement;
        Assert.Equal(["name", "status", "points", "max_points", "summary", "cases"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("softmax", root.GetProperty("name").GetString());
        Assert.Equal("failed", root.GetProperty("status").GetString());
        Assert.Equal(r.Points, root.GetProperty("points").GetDouble());
        Assert.Equal(3, root.GetProperty("max_points").GetDouble());
        Assert.Equal(r.Summary, root.GetProperty("summary").GetString());
        JsonElement[] cases = root.GetProperty("cases").EnumerateArray().ToArray();
        Assert.Equal(8, cases.Length);
        Assert.All(cases, c => Assert.Equal(["name", "status", "passed", "hidden", "message"], c.EnumerateObject().Select(p => p.Name).Where(n => n != "hint")));
        Assert.Equal("large logits (1000, −1000)", cases[2].GetProperty("name").GetString());
        Assert.False(cases[2].GetProperty("passed").GetBoolean());
        Assert.False(cases[2].GetProperty("hidden").GetBoolean());
        Assert.True(cases[4].GetProperty("hidden").GetBoolean());
        Assert.DoesNotContain(cases.Where(c => c.GetProperty("hidden").GetBoolean()), c => c.GetProperty("message").GetString()!.Contains("expected"));
    }

    [Theory]
    [InlineData(0, "passed")]
    [InlineData(1, "failed")]
    [InlineData(2, "not_implemented")]
    [InlineData(3, "error")]
    public void Every_status_has_its_json_name(int status, string name) =>
        Assert.Equal(name, CheckResultJson.StatusName((CheckStatus)status));

    [Fact]
    public void The_html_badge_is_green_red_or_grey()
    {
        Assert.Contains("#1a7f37\">passed</span> ✓ softmax: 4/4 cases passed", CheckResultHtml.ToHtml(Passed()));
        Assert.Contains("<details>", CheckResultHtml.ToHtml(Passed()));
        string failed = CheckResultHtml.ToHtml(Checks.Softmax.Run(Learners.SoftmaxTransposed, mode: GradingMode.Student));
        Assert.Contains("#cf222e\">failed</span>", failed);
        Assert.Contains("<details open>", failed);
        Assert.Contains("wrong shape: expected (1 × 4), got (4 × 1)", failed);
        string todo = CheckResultHtml.ToHtml(Checks.Softmax.Run(Learners.NotImplemented, mode: GradingMode.Student));
        Assert.Contains("#6e7781\">not implemented</span> ○ softmax: not implemented yet — replace the throw in Exercise 1", todo);
    }

    [Fact]
    public void Learner_text_in_html_is_escaped()
    {
        CheckResult r = Checks.Softmax.Run(z => throw new InvalidOperationException("<script>alert('x')</script> & <b>"), mode: GradingMode.Student);
        string html = Formatters.Format(r, MimeTypes.Html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;", html);
        Assert.DoesNotContain("<script", Formatters.Format(r, MimeTypes.CheckResult), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<script>", JsonDocument.Parse(CheckResultJson.ToJson(r)).RootElement.GetProperty("summary").GetString());
    }

    [Fact]
    public void Points_show_in_html_when_hidden_cases_ran()
    {
        string html = CheckResultHtml.ToHtml(Checks.Softmax.Run(Learners.SoftmaxWithoutMax, mode: Learners.Grader));
        Assert.Matches(@"\([0-9.]+ / 3 points\)", html);
        Assert.DoesNotContain("points)", CheckResultHtml.ToHtml(Passed()));
    }

    [Fact]
    public void Failed_text_lists_every_case_and_the_hints()
    {
        string text = Formatters.Format(Checks.Softmax.Run(Learners.SoftmaxWithoutMax, mode: GradingMode.Student), MimeTypes.PlainText);
        string[] lines = text.Split('\n');
        Assert.StartsWith("✗ softmax: 3/4 cases passed", lines[0]);
        Assert.Equal("  ✓ lecture example", lines[1]);
        Assert.StartsWith("  ✗ large logits (1000, −1000): wrong values: 5 of 6 elements differ", lines[3]);
        Assert.StartsWith("    hint: exp(1000) overflows", lines[4]);
    }
}
