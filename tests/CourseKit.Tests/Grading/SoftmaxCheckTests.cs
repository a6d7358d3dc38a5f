using CourseKit.Grading;
using CourseKit.Tensors;
using static CourseKit.Tests.Grading.Learners;

namespace CourseKit.Tests.Grading;

public class SoftmaxCheckTests
{
    [Fact]
    public void The_library_softmax_passes_with_one_line()
    {
        CheckResult r = Checks.Softmax.Run(Learners.Softmax, mode: Student);
        Assert.Equal(CheckStatus.Passed, r.Status);
        Assert.Equal("✓ softmax: 4/4 cases passed", r.Summary);
        Assert.Equal("✓ softmax: 4/4 cases passed", r.ToString());
        Assert.Equal(3, r.Points);
        Assert.All(r.Cases, c => Assert.False(c.Hidden));
    }

    [Fact]
    public void The_lecture_example_is_the_first_case()
    {
        var (name, input) = Checks.Softmax.VisibleCases[0];
        Assert.Equal("lecture example", name);
        Matrix a = Learners.Softmax(input);
        Assert.Equal([0.842f, 0.042f, 0.002f, 0.114f], a.Data.Select(v => MathF.Round(v, 3)));
    }

    [Fact]
    public void Softmax_without_max_subtraction_fails_the_large_logit_case_with_NaN_at_row_0_col_0()
    {
        CheckResult r = Checks.Softmax.Run(SoftmaxWithoutMax, mode: Student);
        Assert.Equal(CheckStatus.Failed, r.Status);
        CaseResult large = Assert.Single(r.Cases, c => !c.Passed);
        Assert.Equal("large logits (1000, −1000)", large.Name);
        Assert.Equal(new ElementIndex(2, 0, 0), large.Comparison!.Worst);
        Assert.True(large.Comparison.NonFinite > 0);
        Assert.Contains("worst at row 0, col 0: expected 0.7310586, actual NaN", large.Message);
        Assert.EndsWith("; 5 elements are NaN or ±∞ (the reference's are finite numbers)", large.Message);
        Assert.Contains("subtract each row's max", r.Details);
        Assert.Equal("✗ softmax: 3/4 cases passed; first failure: large logits (1000, −1000) — NaN or ±∞ in the output", r.Summary);
    }

    [Fact]
    public void Per_case_points_give_partial_credit()
    {
        CheckResult r = Checks.Softmax.Run(SoftmaxWithoutMax, mode: Student);
        Assert.Equal(2.25, r.Points);
        Assert.Equal(3, r.MaxPoints);
        CheckResult all = Checks.Softmax.AllOrNothing().Run(SoftmaxWithoutMax, mode: Student);
        Assert.Equal(0, all.Points);
    }

    [Fact]
    public void Softmax_over_columns_gives_wrong_values_with_the_worst_element()
    {
        CheckResult r = Checks.Softmax.Run(SoftmaxOverColumns, mode: Student);
        Assert.Equal(CheckStatus.Failed, r.Status);
        CaseResult lecture = r.Cases[0];
        Assert.Equal(Mismatch.WrongValues, lecture.Comparison!.Kind);
        Assert.Equal("wrong values: 4 of 4 elements differ; worst at row 0, col 2: expected 0.0020871926, actual 1; max abs error 0.998, max rel error 478", lecture.Message);
        Assert.Contains("over each row", r.Details);
    }

    [Fact]
    public void A_transposed_result_is_a_wrong_shape_naming_both_shapes()
    {
        CheckResult r = Checks.Softmax.Run(SoftmaxTransposed, mode: Student);
        Assert.Equal("wrong shape: expected (1 × 4), got (4 × 1)", r.Cases[0].Message);
        Assert.Contains("— wrong shape", r.Summary);
    }

    [Fact]
    public void Null_is_a_wrong_type()
    {
        CheckResult r = Checks.Softmax.Run(z => null!, mode: Student);
        Assert.Equal(CheckStatus.Failed, r.Status);
        Assert.All(r.Cases, c => Assert.Equal("wrong type: expected Matrix, got null", c.Message));
    }

    [Fact]
    public void A_float_array_from_a_function_of_another_signature_is_a_wrong_type()
    {
        Func<Matrix, float[]> learner = z => z.Data.ToArray();
        CheckResult r = Checks.Softmax.Run(learner, mode: Student);
        Assert.Equal("wrong type: expected Matrix, got float[]", r.Cases[0].Message);
    }

    [Fact]
    public void A_function_taking_the_wrong_argument_type_is_an_error_naming_both_signatures()
    {
        Func<float[], float[]> learner = z => z;
        CheckResult r = Checks.Softmax.Run(learner, mode: Student);
        Assert.Equal(CheckStatus.Error, r.Status);
        Assert.Equal("✗ softmax: wrong signature: expected Func<Matrix, Matrix>; parameter 1 (z) should be Matrix; got (float[]) → float[]", r.Summary);
        Assert.Equal(CheckStatus.Error, Checks.Softmax.Run((Func<Matrix, Matrix>)null!, mode: Student).Status);
    }

    [Fact]
    public void NotImplementedException_is_its_own_friendly_status()
    {
        CheckResult r = Checks.Softmax.Run(NotImplemented, mode: Student);
        Assert.Equal(CheckStatus.NotImplemented, r.Status);
        Assert.Equal("○ softmax: not implemented yet — replace the throw in Exercise 1", r.Summary);
        Assert.Equal(0, r.Points);
        CheckResult unnamed = Checks.Softmax.Exercise("Exercise 4").Run(z => throw new NotImplementedException(), mode: Student);
        Assert.Equal("○ softmax: not implemented yet — replace the throw in Exercise 4", unnamed.Summary);
    }

    [Fact]
    public void Another_exception_is_an_error_naming_its_type_message_and_the_learners_line()
    {
        CheckResult r = Checks.Softmax.Run(z => z.Rows == 3 && z.Cols == 4 ? throw new InvalidOperationException("rows went wrong") : Learners.Softmax(z), mode: Student);
        Assert.Equal(CheckStatus.Error, r.Status);
        CaseResult failing = Assert.Single(r.Cases, c => !c.Passed);
        Assert.Equal(CaseStatus.Error, failing.Status);
        Assert.StartsWith("your code threw InvalidOperationException at SoftmaxCheckTests, line ", failing.Message);
        Assert.EndsWith(": rows went wrong", failing.Message);
        Assert.StartsWith("✗ softmax: 3/4 cases passed; your code threw InvalidOperationException", r.Summary);
    }

    [Fact]
    public void An_exception_thrown_inside_the_library_points_at_the_learners_call()
    {
        // The learner calls the library with a wrong shape: the frame reported is the learner's, not CourseKit's.
        CheckResult r = Checks.Softmax.Run(z => Matrix.Multiply(z, z), mode: Student);
        Assert.Contains("your code threw ArgumentException at SoftmaxCheckTests, line ", r.Cases[0].Message);
    }

    [Fact]
    public void A_function_that_changes_its_input_is_reported_and_later_cases_see_fresh_copies()
    {
        var seen = new List<Matrix>();
        CheckResult r = Checks.Softmax.Run(z => { seen.Add(z.Clone()); return SoftmaxInPlace(z); }, mode: Student);
        Assert.Equal(CheckStatus.Failed, r.Status);
        Assert.Contains("your function changed its input z at row 0, col 0 (was 5, now 0.8420", r.Cases[0].Message);
        Assert.Equal([5f, 2f, -1f, 3f], seen[0].Data);
        Assert.Equal(Checks.Softmax.VisibleCases[1].Input.Data, seen[1].Data);
        Assert.Contains("— changed its input", r.Summary);
    }

    [Fact]
    public void A_function_that_never_returns_times_out_and_later_cases_are_skipped()
    {
        CheckResult r = Checks.Softmax.Run(z => { Thread.Sleep(Timeout.Infinite); return z; }, timeout: TimeSpan.FromSeconds(0.2), mode: Student);
        Assert.Equal(CheckStatus.Failed, r.Status);
        Assert.Equal(CaseStatus.TimedOut, r.Cases[0].Status);
        Assert.Equal("timed out after 0.2 s", r.Cases[0].Message);
        Assert.All(r.Cases.Skip(1), c => Assert.Equal(CaseStatus.Skipped, c.Status));
    }

    [Fact]
    public void A_timeout_lets_a_quick_function_pass()
    {
        Assert.True(Checks.Softmax.Run(Learners.Softmax, timeout: TimeSpan.FromSeconds(30), mode: Student).Passed);
    }
}
