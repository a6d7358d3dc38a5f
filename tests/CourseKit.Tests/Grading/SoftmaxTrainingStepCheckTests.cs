using CourseKit.Autodiff;
using CourseKit.Grading;
using CourseKit.Tensors;
using static CourseKit.Tests.Grading.Learners;

namespace CourseKit.Tests.Grading;

/// <summary>The softmax training-step check (chapter 7, Exercise 7): a learner's step passes, each typical mistake fails with its hint.</summary>
public class SoftmaxTrainingStepCheckTests
{
    private delegate (float Cost, Matrix W, Matrix B) Step(Matrix x, Matrix y, Matrix w, Matrix b, float learningRate);

    /// <summary>What a learner writes with Exercises 1, 3 and 4; each flag is one typical mistake.</summary>
    private static (float, Matrix, Matrix) Learner(Matrix x, Matrix y, Matrix w, Matrix b, float learningRate,
        bool noAverage = false, bool transposed = false, bool biasOverClasses = false, bool costAfter = false, bool inPlace = false)
    {
        int m = x.Rows;
        Matrix yHat = Softmax(Matrix.Multiply(x, w) + b);
        float cost = CrossEntropy(yHat, y);
        Matrix dz = Gradient(yHat, y) / (noAverage ? 1 : m);
        Matrix dw = transposed ? Matrix.Multiply(dz, x, transposeA: true) : Matrix.Multiply(x, dz, transposeA: true);
        Matrix db = biasOverClasses ? dz.RowSums().ColumnSums() : dz.ColumnSums();   // the wrong axis: Σ over classes of ŷ − y is 0
        if (inPlace)
        {
            (w - learningRate * dw).CopyTo(w);
            (b - learningRate * db).CopyTo(b);
            return (cost, w, b);
        }
        var (newW, newB) = (w - learningRate * dw, b - learningRate * db);
        if (costAfter) cost = CrossEntropy(Softmax(Matrix.Multiply(x, newW) + newB), y);
        return (cost, newW, newB);
    }

    private static CheckResult Run(Step step, GradingMode? mode = null) => Checks.SoftmaxTrainingStep.Run(step, mode: mode ?? Student);

    [Fact]
    public void A_learners_step_passes_also_with_hidden_cases()
    {
        foreach (var mode in new[] { Student, Grader })
        {
            CheckResult r = Run((x, y, w, b, a) => Learner(x, y, w, b, a), mode);
            Assert.True(r.Passed, r.ToString());
            Assert.Equal(3, r.Points);
        }
        Assert.Equal("✓ softmax training step: 4/4 cases passed", Run((x, y, w, b, a) => Learner(x, y, w, b, a)).Summary);
    }

    [Fact]
    public void The_reference_step_lowers_the_cost_of_each_visible_case()
    {
        foreach (var (_, (x, y, w, b, rate)) in Checks.SoftmaxTrainingStep.VisibleCases)
        {
            var (before, newW, newB) = Learner(x, y, w, b, rate);
            Assert.True(CrossEntropy(Softmax(Matrix.Multiply(x, newW) + newB), y) < before);
        }
    }

    [Fact]
    public void Forgetting_1_over_m_passes_one_example_and_fails_the_batch_with_the_average_hint()
    {
        CheckResult r = Run((x, y, w, b, a) => Learner(x, y, w, b, a, noAverage: true));
        Assert.True(r.Cases[0].Passed);
        Assert.StartsWith("W: wrong values", r.Cases[1].Message);
        Assert.Contains("without the 1/m the step is m times too large", r.Details);
    }

    [Fact]
    public void A_transposed_dW_is_a_wrong_shape_and_for_n_equal_C_wrong_values_with_the_transpose_hint()
    {
        CheckResult r = Run((x, y, w, b, a) => Learner(x, y, w, b, a, transposed: true));
        Assert.False(r.Cases[0].Passed);
        CaseResult square = r.Cases.Single(c => c.Name.StartsWith("n = C = 3", StringComparison.Ordinal));
        Assert.StartsWith("W: wrong values", square.Message);
        Assert.Contains("dZᵀ·X is its transpose", r.Details);
    }

    [Fact]
    public void Summing_dZ_over_the_classes_leaves_b_unchanged_and_fails_with_the_bias_hint()
    {
        CheckResult r = Run((x, y, w, b, a) => Learner(x, y, w, b, a, biasOverClasses: true));
        CaseResult zero = r.Cases.Single(c => c.Name == "all-zero features: only b moves");
        Assert.False(zero.Passed);
        Assert.StartsWith("b: ", zero.Message);
        Assert.Contains("a sum over the classes is 0 and leaves b where it was", r.Details);
    }

    [Fact]
    public void The_cost_after_the_update_fails_with_the_cost_hint()
    {
        CheckResult r = Run((x, y, w, b, a) => Learner(x, y, w, b, a, costAfter: true));
        Assert.Equal(0, r.PassedCount);
        Assert.StartsWith("cost: wrong value", r.Cases[0].Message);
        Assert.Contains("compute it before the update", r.Details);
    }

    [Fact]
    public void Updating_w_and_b_in_place_is_reported_as_a_changed_input()
    {
        CheckResult r = Run((x, y, w, b, a) => Learner(x, y, w, b, a, inPlace: true));
        Assert.Contains("your function changed its input w", r.Cases[0].Message);
    }

    [Fact]
    public void The_librarys_softmax_and_autodiffs_backward_pass_are_refused()
    {
        CheckResult bySoftmax = Run((x, y, w, b, a) => { _ = Matrix.Multiply(x, w).Softmax(); return Learner(x, y, w, b, a); });
        Assert.Equal(0, bySoftmax.Points);
        Assert.Contains("write softmax yourself", bySoftmax.ToString());
        CheckResult byAutodiff = Run((x, y, w, b, a) =>
        {
            var (wv, bv) = (Variable.Parameter(w.Clone()), Variable.Parameter(b.Clone()));
            Variable logits = Variable.Constant(x).MatMul(wv) + bv;
            Variable cost = -(logits.Log() * Variable.Constant(y)).Sum();   // not a real cost: the backward pass is what is refused
            cost.Backward();
            return (cost.Item, wv.Value, bv.Value);
        });
        Assert.Equal(0, byAutodiff.Points);
        Assert.Contains("write the gradient step yourself", byAutodiff.ToString());
    }

    [Fact]
    public void A_stub_is_reported_as_not_implemented()
    {
        CheckResult r = Checks.SoftmaxTrainingStep.Exercise("Exercise 7").Run((Step)((_, _, _, _, _) => throw new NotImplementedException()), mode: Student);
        Assert.Equal(CheckStatus.NotImplemented, r.Status);
        Assert.Equal("○ softmax training step: not implemented yet — replace the throw in Exercise 7", r.Summary);
    }
}
