using CourseKit.Autodiff;
using CourseKit.Grading;
using static CourseKit.Tests.Grading.Learners;

namespace CourseKit.Tests.Grading;

/// <summary>The two-layer network check (chapter 8, Exercise 4): a written forward pass passes, each typical mistake fails with its hint.</summary>
public class AutodiffTwoLayerCheckTests
{
    private static Variable TwoLayer(Variable x, Variable w1, Variable b1, Variable w2, Variable b2, int[] labels) =>
        ((x.MatMul(w1) + b1).Relu().MatMul(w2) + b2).SoftmaxCrossEntropy(labels);

    [Fact]
    public void A_written_forward_pass_passes_also_with_hidden_cases()
    {
        foreach (var mode in new[] { Student, Grader })
        {
            CheckResult r = Checks.AutodiffTwoLayer.Run(TwoLayer, mode: mode);
            Assert.True(r.Passed, r.Details);
            Assert.Equal(3, r.Points);
        }
        Assert.Equal("✓ autodiff two-layer network: 4/4 cases passed", Checks.AutodiffTwoLayer.Run(TwoLayer, mode: Student).Summary);
    }

    [Fact]
    public void A_written_cross_entropy_instead_of_the_fused_one_passes()
    {
        CheckResult r = Checks.AutodiffTwoLayer.Run((x, w1, b1, w2, b2, labels) =>
        {
            var z2 = (x.MatMul(w1) + b1).Relu().MatMul(w2) + b2;
            var y = Variable.Constant(CourseKit.Data.OneHot.Encode(labels, z2.Shape.Cols));
            return -(z2.Softmax().Log() * y).Sum() / labels.Length;
        }, mode: Grader);
        Assert.True(r.Passed, r.Details);
    }

    [Fact]
    public void Without_the_relu_the_first_case_passes_and_negative_pre_activations_fail_with_the_relu_hint()
    {
        CheckResult r = Checks.AutodiffTwoLayer.Run((x, w1, b1, w2, b2, labels) => ((x.MatMul(w1) + b1).MatMul(w2) + b2).SoftmaxCrossEntropy(labels), mode: Student);
        Assert.True(r.Cases[0].Passed);
        Assert.False(r.Cases[1].Passed);
        Assert.Contains("the two layers are one linear map", r.Details);
    }

    [Fact]
    public void A_relu_on_the_output_fails_the_negative_logits_with_the_output_hint()
    {
        CheckResult r = Checks.AutodiffTwoLayer.Run((x, w1, b1, w2, b2, labels) => ((x.MatMul(w1) + b1).Relu().MatMul(w2) + b2).Relu().SoftmaxCrossEntropy(labels), mode: Student);
        Assert.False(r.Cases[2].Passed);
        Assert.StartsWith("J: wrong value", r.Cases[2].Message);
        Assert.Contains("the output layer has no ReLU", r.Details);
    }

    [Fact]
    public void A_graph_built_from_values_passes_no_gradient_and_fails_with_the_constant_hint()
    {
        CheckResult r = Checks.AutodiffTwoLayer.Run((x, w1, b1, w2, b2, labels) =>
            ((x.MatMul(Variable.Constant(w1.Value)) + b1).Relu().MatMul(w2) + b2).SoftmaxCrossEntropy(labels), mode: Student);
        Assert.StartsWith("dW1: wrong values", r.Cases[0].Message);
        Assert.Contains("no gradient flowed", r.Details);
    }

    [Fact]
    public void Returning_the_logits_instead_of_the_cost_is_reported()
    {
        CheckResult r = Checks.AutodiffTwoLayer.Run((x, w1, b1, w2, b2, labels) => (x.MatMul(w1) + b1).Relu().MatMul(w2) + b2, mode: Student);
        Assert.Equal(0, r.Points);
        Assert.Contains("return the cost J, a (1 × 1) variable", r.Cases[0].Message);
    }

    [Fact]
    public void A_stub_is_reported_as_not_implemented()
    {
        CheckResult r = Checks.AutodiffTwoLayer.Run((_, _, _, _, _, _) => throw new NotImplementedException("Exercise 4"), mode: Student);
        Assert.Equal(CheckStatus.NotImplemented, r.Status);
        Assert.Equal("○ autodiff two-layer network: not implemented yet — replace the throw in Exercise 4", r.Summary);
    }
}
