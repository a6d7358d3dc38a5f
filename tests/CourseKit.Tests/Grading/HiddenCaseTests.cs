using CourseKit.Display;
using CourseKit.Grading;
using CourseKit.Tensors;
using static CourseKit.Tests.Grading.Learners;

namespace CourseKit.Tests.Grading;

public class HiddenCaseTests
{
    [Fact]
    public void Hidden_cases_are_absent_in_a_learners_run_and_present_when_grading()
    {
        var inputs = new List<Matrix>();
        CheckResult student = Checks.Softmax.Run(z => { inputs.Add(z); return Learners.Softmax(z); }, mode: Student);
        Assert.Equal(4, inputs.Count);
        Assert.DoesNotContain(student.Cases, c => c.Hidden);
        Assert.False(student.IncludesHidden);

        CheckResult graded = Checks.Softmax.Run(Learners.Softmax, mode: Grader);
        Assert.Equal(8, graded.Cases.Count);
        Assert.Equal(4, graded.Cases.Count(c => c.Hidden));
        Assert.Equal("hidden case 2 (large logits)", graded.Cases[5].Name);
        Assert.Equal("✓ softmax: 8/8 cases passed", graded.Summary);
    }

    [Fact]
    public void The_same_secret_gives_the_same_hidden_inputs_and_another_secret_other_ones()
    {
        float[][] Hidden(GradingMode mode)
        {
            var seen = new List<float[]>();
            Checks.Softmax.Run(z => { seen.Add(z.Data.ToArray()); return Learners.Softmax(z); }, mode: mode);
            return seen.Skip(4).ToArray();
        }
        float[][] a = Hidden(Grader), b = Hidden(GradingMode.WithHiddenSeed("test-secret-42")), c = Hidden(GradingMode.WithHiddenSeed("other"));
        Assert.Equal(a, b);
        Assert.NotEqual(a[0], c[0]);
    }

    [Fact]
    public void Feedback_on_hidden_cases_never_contains_their_expected_values()
    {
        var inputs = new List<Matrix>();
        Matrix Wrong(Matrix z)
        {
            inputs.Add(z.Clone());
            Matrix a = Learners.Softmax(z);
            for (int k = 0; k < a.Length; k++) a.Data[k] = a.Data[k] * 0.9f + 0.01f;
            return a;
        }
        CheckResult r = Checks.Softmax.Run(Wrong, mode: Grader);
        Assert.All(r.Cases, c => Assert.False(c.Passed));
        string shown = string.Join("\n", r.ToString(), CheckResultHtml.ToHtml(r), CheckResultJson.ToJson(r));

        var hiddenExpected = inputs.Skip(4).SelectMany(z => Learners.Softmax(z).Data).ToArray();
        Assert.NotEmpty(hiddenExpected);
        foreach (float e in hiddenExpected)
        {
            foreach (string text in new[] { Numbers.Exact(e), Numbers.Compact(e) }.Where(t => t.Length >= 4))
                Assert.DoesNotContain(text, shown);
        }
        Assert.All(r.Cases.Where(c => c.Hidden), c => Assert.DoesNotContain("expected", c.Message));
        Assert.Contains("expected", r.Cases[0].Message);  // visible cases do show expected vs actual
        Assert.Contains("hidden case 1 (a random batch): wrong values", r.Details);
        Assert.Equal("wrong values", r.Cases[4].Message);
    }

    [Fact]
    public void Hidden_input_changes_name_the_input_without_position_or_values()
    {
        CheckResult r = Checks.Softmax.Run(SoftmaxInPlace, mode: Grader);
        CaseResult hidden = r.Cases.First(c => c.Hidden);
        Assert.Equal("your function changed its input z — work on a copy so that the caller's data stays as it was", hidden.Message);
    }

    [Fact]
    public void Hidden_scalar_feedback_says_wrong_value_without_errors_that_would_give_the_expected_value_away()
    {
        // Returning 0 would make "abs error" the expected cost itself: hidden cases name only the kind of mismatch.
        CheckResult r = Checks.CrossEntropy.Run((yHat, y) => 0f, mode: Grader);
        Assert.All(r.Cases.Where(c => c.Hidden), c => Assert.Equal("wrong value", c.Message));
        Assert.StartsWith("wrong value: expected", r.Cases[0].Message);
    }

    [Fact]
    public void Hidden_feedback_carries_no_shape_type_name_or_exception_text_the_learners_code_chose()
    {
        CheckResult shape = Checks.Softmax.Run(z => new Matrix(1 + (int)MathF.Abs(z[0, 0] * 100), 1), mode: Grader);
        Assert.All(shape.Cases.Where(c => c.Hidden), c => Assert.Equal("wrong shape", c.Message));
        CheckResult thrown = Checks.Softmax.Run(z => throw new InvalidOperationException($"z[0,0] = {z[0, 0]}"), mode: Grader);
        Assert.All(thrown.Cases.Where(c => c.Hidden), c => Assert.DoesNotContain("z[0,0]", c.Message));
        Assert.Contains("z[0,0] = 5", thrown.Cases[0].Message);   // a visible case's message is the learner's own, bounded
    }

    [Fact]
    public void Hidden_case_generators_are_seeded_per_check_and_case()
    {
        var mode = GradingMode.WithHiddenSeed("s");
        Assert.Equal(mode.HiddenCaseRandom("softmax", 0).Next(), mode.HiddenCaseRandom("softmax", 0).Next());
        Assert.NotEqual(mode.HiddenCaseRandom("softmax", 0).Next(), mode.HiddenCaseRandom("softmax", 1).Next());
        Assert.NotEqual(mode.HiddenCaseRandom("softmax", 0).Next(), mode.HiddenCaseRandom("hardmax", 0).Next());
        Assert.Throws<InvalidOperationException>(() => GradingMode.Student.HiddenCaseRandom("softmax", 0));
        Assert.DoesNotContain("test-secret-42", Grader.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>Runs alone: the environment variables are process-wide.</summary>
[CollectionDefinition(nameof(GradingEnvironmentCollection), DisableParallelization = true)]
public class GradingEnvironmentCollection;

[Collection(nameof(GradingEnvironmentCollection))]
public class GradingEnvironmentTests
{
    [Fact]
    public void The_environment_cannot_switch_hidden_cases_on_or_off_in_a_learners_process()
    {
        try
        {
            Environment.SetEnvironmentVariable("COURSEKIT_GRADING", "1");
            Environment.SetEnvironmentVariable("COURSEKIT_HIDDEN_SEED", "secret");
            Assert.Equal(4, Checks.Softmax.Run(Learners.Softmax).Cases.Count);
            Environment.SetEnvironmentVariable("COURSEKIT_GRADING", "0");
            Assert.Equal(8, Checks.Softmax.Run(Learners.Softmax, mode: GradingMode.WithHiddenSeed("secret")).Cases.Count);
        }
        finally
        {
            Environment.SetEnvironmentVariable("COURSEKIT_GRADING", null);
            Environment.SetEnvironmentVariable("COURSEKIT_HIDDEN_SEED", null);
        }
    }
}
