using System.Text.RegularExpressions;
using CourseKit.Interactive.Site;

namespace CourseKit.Interactive.Tests.Site;

/// <summary>The pages `coursekit site` writes: table of contents, navigation, math, code, outputs and assets.</summary>
public sealed class SitePageTests
{
    [Fact]
    public void The_index_lists_each_chapter_title_and_its_sections_with_relative_links()
    {
        var site = SiteFixture.Build(nameof(The_index_lists_each_chapter_title_and_its_sections_with_relative_links));
        string index = SiteFixture.Page(site, "index.html");

        Assert.Contains("<a class=\"chapter\" href=\"01-first.html\">Chapter 1 — <em>First</em> steps</a>", index);
        Assert.Contains("<a class=\"chapter\" href=\"02-second.html\">Chapter 2 — Second</a>", index);
        Assert.Contains("<a class=\"chapter\" href=\"03-untitled.html\">03-untitled</a>", index); // no heading: the file name
        Assert.Contains("<a class=\"section\" href=\"01-first.html#1-softmax-haty\">1 — Softmax: <span class=\"math\">\\(\\hat{y}\\)</span></a>", index);
        Assert.Contains("<a class=\"section\" href=\"01-first.html#2-exercise\">2 — Exercise</a>", index);
        Assert.Contains("<a class=\"section\" href=\"03-untitled.html#notes-here\">Notes <em>here</em></a>", index); // #!markdown cell
        Assert.DoesNotContain("#!markdown", SiteFixture.Page(site, "03-untitled.html"));
        // Same heading twice on one page: distinct ids, both listed.
        Assert.Contains("href=\"02-second.html#summary\"", index);
        Assert.Contains("href=\"02-second.html#summary-2\"", index);
        string second = SiteFixture.Page(site, "02-second.html");
        Assert.Contains("<h2 id=\"summary\">Summary</h2>", second);
        Assert.Contains("<h2 id=\"summary-2\">Summary</h2>", second);
        Assert.Equal(["01-first.html", "02-second.html", "03-untitled.html"], site.Chapters.Select(c => c.FileName));
        Assert.Equal(["Chapter 1 — First steps", "Chapter 2 — Second", "03-untitled"], site.Chapters.Select(c => c.Title));
    }

    [Fact]
    public void Every_page_links_to_the_previous_and_next_page_and_to_the_contents()
    {
        var site = SiteFixture.Build(nameof(Every_page_links_to_the_previous_and_next_page_and_to_the_contents));
        (string Page, string? Prev, string? Next)[] expected =
        [
            ("index.html", null, "01-first.html"),
            ("01-first.html", "index.html", "02-second.html"),
            ("02-second.html", "01-first.html", "03-untitled.html"),
            ("03-untitled.html", "02-second.html", null),
        ];
        foreach (var (page, prev, next) in expected)
        {
            string html = SiteFixture.Page(site, page);
            Assert.Equal(prev is null ? [] : [prev, prev], Regex.Matches(html, "rel=\"prev\" href=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
            Assert.Equal(next is null ? [] : [next, next], Regex.Matches(html, "rel=\"next\" href=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
            Assert.Contains("<a class=\"contents\" href=\"index.html\">", html);
        }
    }

    [Fact]
    public void Math_is_left_intact_for_KaTeX_and_not_mangled_by_the_markdown_parser()
    {
        var site = SiteFixture.Build(nameof(Math_is_left_intact_for_KaTeX_and_not_mangled_by_the_markdown_parser));
        string page = SiteFixture.Page(site, "01-first.html");

        Assert.Contains("<span class=\"math\">\\(a_1 * b_2 = c_{*}\\)</span>", page);    // no <em> from * or _
        Assert.Contains("<code>code \\(x\\)</code>", page);                              // code keeps its backslashes
        Assert.Matches(new Regex(@"<div class=""math"">\s*\\\[\s*J = \\frac\{1\}\{m\} \\sum_i \\mathcal\{L\}_i\s*\\\]\s*</div>"), page);
        Assert.Contains("<span class=\"math display\">\\(x^2\\)</span>", page);           // $$…$$ inside a paragraph
        Assert.Contains("<span class=\"math\">\\(y_1\\)</span>", page);                   // \(…\) becomes inline math
        Assert.Contains("<span class=\"math display\">\\(z_* = 1\\)</span>", page);       // \[…\] becomes display math
        Assert.Contains("<table>", page);                                                // pipe table
        Assert.Contains("<td>1</td>", page);
    }

    [Fact]
    public void Code_is_escaped_and_every_kind_of_output_is_shown()
    {
        var site = SiteFixture.Build(nameof(Code_is_escaped_and_every_kind_of_output_is_shown));
        string page = SiteFixture.Page(site, "01-first.html");

        Assert.Contains("<span class=\"tok-keyword\">var</span> s = <span class=\"tok-string\">&quot;&lt;b&gt;&amp;&lt;/b&gt;&quot;</span>;", page);
        Assert.Contains("<span class=\"tok-comment\">// a &lt; b</span>", page);
        Assert.DoesNotContain("\"<b>&</b>\"", page);
        Assert.Contains("<pre class=\"output stream stdout\">&lt;b&gt;&amp;&lt;/b&gt;</pre>", page);
        Assert.Contains("<div class=\"output html\"><table class=\"mine\"><tr><td>42</td></tr></table></div>", page); // html as is
        Assert.DoesNotContain("plain 42", page);                                                                       // html preferred
        Assert.Contains("<pre class=\"output text\">&lt;b&gt;&amp;amp;&lt;/b&gt;</pre>", page);
        Assert.Contains("<pre class=\"output error\"><span class=\"ename\">InvalidOperationException</span>: bad &lt;thing&gt;</pre>", page);
        Assert.Contains("<div class=\"output html check\"><div class=\"coursekit-check\" data-status=\"passed\">✓ add one</div></div>", page);
        Assert.Contains("<div class=\"output html chart\">" + SiteFixture.ChartHtml + "</div>", SiteFixture.Page(site, "02-second.html"));
    }

    [Fact]
    public void An_exercise_s_solution_is_folded_away_without_markers_or_hidden_code()
    {
        var site = SiteFixture.Build(nameof(An_exercise_s_solution_is_folded_away_without_markers_or_hidden_code));
        string page = SiteFixture.Page(site, "01-first.html");

        Assert.Contains("<details class=\"solution\"><summary><span class=\"exercise\">Exercise 1 — add one (≈ 1 line)</span>", page);
        Assert.Contains("<span class=\"tok-keyword\">return</span> x + <span class=\"tok-number\">1</span>;", page);
        Assert.DoesNotContain("BEGIN SOLUTION", page);
        Assert.DoesNotContain("END SOLUTION", page);
        Assert.DoesNotContain("secret", page);
        Assert.DoesNotContain("HIDDEN", page);
    }

    [Fact]
    public void Assets_are_bundled_and_every_link_is_relative()
    {
        var site = SiteFixture.Build(nameof(Assets_are_bundled_and_every_link_is_relative));
        foreach (string asset in (string[])["assets/katex/katex.min.js", "assets/katex/katex.min.css", "assets/katex/fonts/KaTeX_Main-Regular.woff2",
                     "assets/plotly.min.js", "assets/site.css", "assets/site.js"])
            Assert.True(File.Exists(Path.Combine(site.Folder, asset)), $"{asset}: expected in the site.");
        foreach (string file in Directory.GetFiles(site.Folder, "*.html"))
        {
            string html = File.ReadAllText(file);
            foreach (Match link in Regex.Matches(html, "(?:href|src)=\"([^\"]*)\""))
            {
                string target = link.Groups[1].Value;
                Assert.False(target.Contains("://", StringComparison.Ordinal) || target.StartsWith('/'), $"{Path.GetFileName(file)}: link '{target}' is not relative.");
                string path = target.Split('#')[0];
                if (path.Length > 0) Assert.True(File.Exists(Path.Combine(site.Folder, path)), $"{Path.GetFileName(file)}: link '{target}' points at nothing.");
            }
        }
        // plotly.js is loaded (synchronously, in the head) before the chart's own script, and only where there are charts.
        string second = SiteFixture.Page(site, "02-second.html");
        int plotly = second.IndexOf("<script src=\"assets/plotly.min.js\"></script>", StringComparison.Ordinal);
        Assert.InRange(plotly, 0, second.IndexOf("coursekit-chart", StringComparison.Ordinal));
        Assert.DoesNotContain("plotly.min.js", SiteFixture.Page(site, "01-first.html"));
        Assert.False(site.Chapters[2].Executed);
        Assert.True(site.Chapters[0].Executed);
    }
}
