using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Grading;

/// <summary>
/// Graded together with honest classmates, no attack scores more than its honest work, every honest classmate keeps the
/// score it earns, everyone gets a result, the batch ends within its limits, and neither the seed nor a hidden input
/// nor an expected value of a hidden case appears in any output.
/// </summary>
[Trait("Category", "Slow")]
public class AdversarialTests(AdversarialClassFixture graded) : IClassFixture<AdversarialClassFixture>
{
    /// <summary>Each attack and the score of its honest work (the same notebook without the attack).</summary>
    public static TheoryData<string, string> Bounds => new()
    {
        { "reflection-reference", "honest-partial" }, { "reflection-tolerance", "honest-partial" }, { "formatter-swap", "honest-partial" },
        { "environment-off", "honest-visible-only" }, { "proc-secrets", "honest-partial" }, { "load-solution", "honest-partial" },
        { "exception-leak", "honest-partial" }, { "shape-leak", "honest-partial" }, { "fake-check-output", "honest-partial" },
        { "process-exit-journal", "honest-partial" }, { "detached-rewriter", "honest-partial" }, { "grandchild-pipes", "honest-partial" },
        { "forged-events", "honest-partial" }, { "decoy-ids", "honest-partial" }, { "huge-output", "honest-partial" },
        { "thread-bomb", "honest-partial" }, { "thread-hoard", "honest-partial" }, { "library-softmax", "honest-partial" }, { "helper-indirection", "honest-partial" },
    };

    [Theory]
    [MemberData(nameof(Bounds))]
    public void Each_attack_gets_the_score_of_its_honest_work(string attack, string honest)
    {
        Assert.True(graded.Score(attack) == graded.Score(honest), $"{attack}: {graded.Score(attack)}, {honest}: {graded.Score(honest)}\n{graded.Results(attack)}");
        if (honest == "honest-partial") Assert.Equal(0, graded.Points(attack)[0]);
    }

    [Fact]
    public void Honest_classmates_keep_the_scores_they_earn_and_everyone_gets_a_result()
    {
        Assert.True(graded.Run.ExitCode == 0, graded.Run.Stdout + graded.Run.Stderr);
        Assert.Equal(13, graded.Score("honest-perfect"));
        Assert.Equal(5, graded.Score("honest-partial"));   // see Attacks.Partial
        Assert.Equal([3, 1, 2, 1, 2, 1, 3], graded.Points("honest-perfect"));
        // Exercise 1 right for the visible cases' shapes only: 4 of its 8 cases (1.5 of 3); Exercises 2–4 and 6 in full;
        // Exercises 5 and 7 call that Softmax, right only for logits shaped (1 × 4), (3 × 4), (2 × 3) or (3 × 1): Exercise 5's
        // lecture and equal logits, 2 of 8 (0.5 of 2); Exercise 7's all-zero features (3 × 4), 1 of 8 (0.375 of 3) — none
        // of either's hidden cases, under this seed, has one of those shapes.
        Assert.Equal([1.5, 1, 2, 1, 0.5, 1, 0.375], graded.Points("honest-visible-only"));
        Assert.Equal(13, graded.Score("gradebook.csv-2"));
        int learners = 3 + 1 + Attacks.All().Count();
        Assert.Equal(learners, Directory.GetDirectories(graded.Output).Count(d => File.Exists(Path.Combine(d, "results.json"))));
        var rows = File.ReadAllLines(Path.Combine(graded.Output, "gradebook.csv"));
        Assert.Equal(learners + 1, rows.Length);
        Assert.Contains(rows, r => r.StartsWith("honest-perfect,3,1,2,1,2,1,3,13,13,graded", StringComparison.Ordinal));
    }

    [Fact]
    public void The_batch_ends_within_its_limits_and_nothing_rewrites_its_outputs_afterwards()
    {
        foreach (string holder in new[] { "grandchild-pipes", "detached-rewriter", "thread-bomb", "thread-hoard", "huge-output", "process-exit-journal" })
            Assert.True((int)graded.Results(holder)["execution_time"]! < AdversarialClassFixture.RunTimeout, $"{holder} held its run to the limit");
        var before = graded.Outputs().ToDictionary(o => o.Path, o => o.Text);
        Thread.Sleep(TimeSpan.FromSeconds(5));   // the detached rewriter would strike 3 s after starting
        Assert.Equal(before, graded.Outputs().ToDictionary(o => o.Path, o => o.Text));
        Assert.DoesNotContain(before.Where(o => !o.Key.EndsWith(".ipynb", StringComparison.Ordinal)), o => o.Value.Contains("hacked", StringComparison.Ordinal));
    }

    [Fact]
    public void Neither_the_seed_nor_a_hidden_input_nor_an_expected_value_appears_in_any_output()
    {
        var hidden = HiddenCases.Softmax(AdversarialClassFixture.Seed);
        var secrets = hidden.SelectMany(h => h.Input.Select(v => (double)v).Concat(h.Expected)).SelectMany(HiddenCases.Forms).ToHashSet();
        Assert.NotEmpty(secrets);
        foreach (var (path, text) in graded.Outputs().Where(o => !o.Path.EndsWith(".ipynb", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(AdversarialClassFixture.Seed, text);
            foreach (string secret in secrets) Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{path} holds {secret}");
        }
        Assert.DoesNotContain(AdversarialClassFixture.Seed, graded.Run.Stdout + graded.Run.Stderr);
        Assert.All(graded.Outputs(), o => Assert.DoesNotContain(AdversarialClassFixture.Seed, o.Text));
    }

    [Fact]
    public void Threads_left_running_are_blamed_on_the_cell_that_left_them()
    {
        const string Why = "it left so many threads or processes running that the cells after it could not run";
        Assert.Contains(Why, (string)graded.Results("thread-bomb")["tests"]!.AsArray()[0]!["output"]!);
        Assert.Contains(Why, (string)graded.Results("thread-hoard")["output"]!);
    }

    [Fact]
    public void Refused_code_is_named_with_its_line_and_area()
    {
        string output = (string)graded.Results("proc-secrets")["tests"]!.AsArray()[0]!["output"]!;
        Assert.Contains("your Exercise 1 cell was not run: line", output);
        Assert.Contains("(files), which graded code may not use", output);
        Assert.Contains("(the check machinery), which graded code may not use", (string)graded.Results("reflection-reference")["output"]!);
        Assert.Contains("(reflection), which graded code may not use", (string)graded.Results("reflection-tolerance")["output"]!);
        Assert.Contains("(processes), which graded code may not use", (string)graded.Results("detached-rewriter")["output"]!);
        Assert.Contains("(console redirection), which graded code may not use", (string)graded.Results("forged-events")["output"]!);
    }

    [Fact]
    public void The_librarys_softmax_scores_0_with_the_live_checks_message()
    {
        foreach (string attack in new[] { "library-softmax", "helper-indirection" })
        {
            string output = (string)graded.Results(attack)["tests"]!.AsArray()[0]!["output"]!;
            Assert.Contains("this exercise asks you to write softmax yourself, but line", output);
            Assert.Contains("uses MatrixFunctions.Softmax, the library's softmax", output);
        }
    }

    [Fact]
    public void Hidden_cases_show_no_learner_text_and_visible_ones_a_bounded_excerpt()
    {
        string leak = graded.Feedback("exception-leak");
        Assert.Contains("(messages of hidden cases are not shown)", leak);
        Assert.Contains("InvalidOperationException at line", leak);   // a visible case: the learner's own message, bounded
        Assert.Contains("wrong shape", graded.Feedback("shape-leak"));
        Assert.DoesNotContain("got (", string.Join("\n", graded.Results("shape-leak")["tests"]!.AsArray()[0]!["output"]!.GetValue<string>().Split('\n').Where(l => l.Contains("hidden", StringComparison.Ordinal))));
    }

    [Fact]
    public void A_forged_check_output_and_decoy_cells_are_not_taken_for_results()
    {
        Assert.StartsWith("✗ softmax: 0/8 cases passed", (string)graded.Results("fake-check-output")["tests"]!.AsArray()[0]!["output"]!);
        Assert.Contains("the check cell for Exercise 1 was edited; the original was used.", (string)graded.Results("decoy-ids")["output"]!);
    }
}
