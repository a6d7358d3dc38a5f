using CourseKit.Autodiff;
using CourseKit.Grading;
using CourseKit.Tensors;
using static CourseKit.Tests.Grading.Learners;

namespace CourseKit.Tests.Grading;

/// <summary>The programming-frameworks chapter's checks: the learner's forward computations on Variables, whose values and
/// gradients (from Backward()) are compared with the library's.</summary>
public class FrameworksCheckTests
{
    private static Variable Cost(Variable w, float[] c) => c[0] * w * w + c[1] * w + c[2];

    private static Variable Logits(Variable x, Variable w, Variable b) => x.MatMul(w) + b;

    private static Variable CrossEntropy(Variable z, Matrix y) =>
        -(z.Softmax().Log() * Variable.Constant(y)).Sum() / z.Shape.Rows;

    [Fact]
    public void Written_forward_passes_pass_every_case_also_the_hidden_ones()
    {
        foreach (var mode in new[] { Student, Grader })
        {
            CheckResult cost = Checks.AutodiffCost.Run(Cost, mode: mode);
            Assert.True(cost.Passed, cost.Details);
            CheckResult logits = Checks.AutodiffLogits.Run(Logits, mode: mode);
            Assert.True(logits.Passed, logits.Details);
            CheckResult ce = Checks.AutodiffCrossEntropy.Run(CrossEntropy, mode: mode);
            Assert.True(ce.Passed, ce.Details);
        }
        Assert.Equal("✓ autodiff cost: 4/4 cases passed", Checks.AutodiffCost.Run(Cost, mode: Student).Summary);
        Assert.Equal("✓ autodiff logits: 3/3 cases passed", Checks.AutodiffLogits.Run(Logits, mode: Student).Summary);
        Assert.Equal("✓ autodiff cross-entropy: 3/3 cases passed", Checks.AutodiffCrossEntropy.Run(CrossEntropy, mode: Student).Summary);
    }

    [Fact]
    public void Equivalent_spellings_pass()
    {
        Assert.True(Checks.AutodiffCost.Run((w, c) => w.Pow(2) * c[0] + w * c[1] + c[2], mode: Grader).Passed);
        Assert.True(Checks.AutodiffLogits.Run((x, w, b) => b + x.MatMul(w), mode: Grader).Passed);
        Assert.True(Checks.AutodiffCrossEntropy.Run((z, y) => (Variable.Constant(y) * z.Softmax().Log()).Mean() * (-y.Cols), mode: Grader).Passed);
    }

    [Fact]
    public void The_librarys_fused_cross_entropy_is_refused_with_a_message_naming_it()
    {
        CheckResult r = Checks.AutodiffCrossEntropy.Run((z, y) => z.SoftmaxCrossEntropy(y.ArgMax()), mode: Student);
        Assert.Equal(CheckStatus.Failed, r.Status);
        Assert.Equal(0, r.Points);
        Assert.Contains("write cross-entropy cost yourself, but your function uses Variable.SoftmaxCrossEntropy", r.Summary);
    }

    [Fact]
    public void Hidden_cases_run_only_when_grading()
    {
        Assert.DoesNotContain(Checks.AutodiffCost.Run(Cost, mode: Student).Cases, c => c.Hidden);
        Assert.Equal(3, Checks.AutodiffCost.Run(Cost, mode: Grader).Cases.Count(c => c.Hidden));
        Assert.Equal(3, Checks.AutodiffLogits.Run(Logits, mode: Grader).Cases.Count(c => c.Hidden));
        Assert.Equal(3, Checks.AutodiffCrossEntropy.Run(CrossEntropy, mode: Grader).Cases.Count(c => c.Hidden));
        Assert.Equal(3, Checks.AutodiffCost.HiddenCaseCount);
    }

    [Fact]
    public void Forgetting_the_constant_gets_the_gradient_right_and_the_value_wrong()
    {
        CheckResult r = Checks.AutodiffCost.Run((w, c) => c[0] * w * w + c[1] * w, mode: Student);
        Assert.Equal(CheckStatus.Failed, r.Status);
        CaseResult first = r.Cases[0];
        Assert.False(first.Passed);
        Assert.Equal("J", first.Comparison!.Output);
        Assert.Contains("expected 25, actual 0", first.Message);
        Assert.Contains("the constant changes J", r.Details);
    }

    [Fact]
    public void A_cost_built_from_constants_has_no_gradient_and_says_so()
    {
        CheckResult r = Checks.AutodiffCost.Run((w, c) => { var v = Variable.Constant(w.Value); return c[0] * v * v + c[1] * v + c[2]; }, mode: Student);
        Assert.Equal(CheckStatus.Failed, r.Status);
        Assert.Equal("dJ/dw", r.Cases[0].Comparison!.Output);
        Assert.Contains("Variable.Constant(w.Value)", r.Details);

        CheckResult logits = Checks.AutodiffLogits.Run((x, w, b) => x.MatMul(Variable.Constant(w.Value)) + b, mode: Student);
        Assert.Equal("dW", logits.Cases[0].Comparison!.Output);
        Assert.Contains("no gradient flowed", logits.Details);
    }

    [Fact]
    public void The_lectures_coefficients_hard_coded_fail_the_other_coefficients()
    {
        CheckResult r = Checks.AutodiffCost.Run((w, c) => w * w - 10 * w + 25, mode: Student);
        CaseResult other = Assert.Single(r.Cases, c => c.Name == "other coefficients");
        Assert.False(other.Passed);
        Assert.Contains("not the lecture's 1, −10 and 25", r.Details);
    }

    [Fact]
    public void Missing_bias_fails_the_logits_with_the_broadcast_hint()
    {
        CheckResult r = Checks.AutodiffLogits.Run((x, w, b) => x.MatMul(w), mode: Student);
        Assert.Equal(CheckStatus.Failed, r.Status);
        Assert.All(r.Cases, c => Assert.Equal("logits", c.Comparison!.Output));
        Assert.Contains("x.MatMul(w) + b", r.Details);
    }

    [Fact]
    public void Wrong_order_of_the_product_is_reported_as_the_exception_it_throws()
    {
        CheckResult r = Checks.AutodiffLogits.Run((x, w, b) => w.MatMul(x) + b, mode: Student);
        Assert.Equal(CheckStatus.Error, r.Status);
        Assert.Contains("ArgumentException", r.Summary);
    }

    [Fact]
    public void Summing_instead_of_averaging_fails_the_batch_with_its_hint()
    {
        CheckResult r = Checks.AutodiffCrossEntropy.Run((z, y) => -(z.Softmax().Log() * Variable.Constant(y)).Sum(), mode: Student);
        Assert.Equal(CheckStatus.Failed, r.Status);
        Assert.True(r.Cases[0].Passed);  // one example: m = 1, the sum is the mean
        CaseResult batch = Assert.Single(r.Cases, c => c.Name == "a batch of 3");
        Assert.False(batch.Passed);
        Assert.Contains("divide the sum by m", r.Details);
    }

    [Fact]
    public void Not_implemented_and_null_are_reported()
    {
        CheckResult r = Checks.AutodiffCost.Run((w, c) => throw new NotImplementedException("Exercise 1"), mode: Student);
        Assert.Equal(CheckStatus.NotImplemented, r.Status);
        Assert.Contains("replace the throw in Exercise 1", r.Summary);
        CheckResult none = Checks.AutodiffLogits.Run(null!, mode: Student);
        Assert.Equal(CheckStatus.Error, none.Status);
        Assert.Contains("(x, w, b) → logits", none.Summary);
    }

    [Fact]
    public void The_lecture_case_is_the_first_and_its_reference_is_25_and_minus_10()
    {
        var (name, input) = Checks.AutodiffCost.VisibleCases[0];
        Assert.Equal("the lecture's J at w = 0", name);
        var w = Variable.Parameter(input.W);
        Variable j = Cost(w, input.C);
        j.Backward();
        Assert.Equal(25f, j.Item);
        Assert.Equal(-10f, w.Grad!.Data[0]);
    }
}
