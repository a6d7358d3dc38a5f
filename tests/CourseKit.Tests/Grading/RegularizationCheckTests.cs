using CourseKit.Grading;
using CourseKit.Tensors;
using static CourseKit.Tests.Grading.Learners;

namespace CourseKit.Tests.Grading;

/// <summary>The L2 and dropout checks: the chapter's solutions pass, typical mistakes fail with their hints.</summary>
public class RegularizationCheckTests
{
    internal static double L2Cost(Matrix[] weights, double lambda, int m, double factor = 2) =>
        lambda / (factor * m) * weights.Sum(w => w.Data.Sum(v => (double)v * v));

    internal static Matrix L2Gradient(Matrix dW, Matrix w, double lambda, int m, double factor = 1)
    {
        var g = new Matrix(dW.Rows, dW.Cols);
        for (int k = 0; k < g.Length; k++) g.Data[k] = (float)(dW.Data[k] + lambda / (factor * m) * w.Data[k]);
        return g;
    }

    internal static (Matrix A, Matrix D) DropoutForward(Matrix a, Matrix u, double keepProb) =>
        DropoutForwardWith(a, u, keepProb, keep: (v, p) => v < p, scale: p => 1 / p);

    private static (Matrix A, Matrix D) DropoutForwardWith(Matrix a, Matrix u, double keepProb, Func<double, double, bool> keep, Func<double, double> scale)
    {
        var (output, d) = (new Matrix(a.Rows, a.Cols), new Matrix(a.Rows, a.Cols));
        for (int k = 0; k < a.Length; k++)
        {
            d.Data[k] = keep(u.Data[k], keepProb) ? 1 : 0;
            output.Data[k] = (float)(a.Data[k] * d.Data[k] * scale(keepProb));
        }
        return (output, d);
    }

    internal static Matrix DropoutBackward(Matrix dA, Matrix d, double keepProb, bool scaled = true)
    {
        var dx = new Matrix(dA.Rows, dA.Cols);
        for (int k = 0; k < dx.Length; k++) dx.Data[k] = (float)(dA.Data[k] * d.Data[k] / (scaled ? keepProb : 1));
        return dx;
    }

    [Fact]
    public void The_solutions_pass_every_check_also_with_hidden_cases()
    {
        foreach (var mode in new[] { Student, Grader })
        {
            Assert.True(Checks.L2Cost.Run((Matrix[] w, double l, int m) => L2Cost(w, l, m), mode: mode).Passed);
            Assert.True(Checks.L2Gradient.Run((Matrix dW, Matrix w, double l, int m) => L2Gradient(dW, w, l, m), mode: mode).Passed);
            Assert.True(Checks.DropoutForward.Run(DropoutForward, mode: mode).Passed);
            Assert.True(Checks.DropoutBackward.Run((Matrix dA, Matrix d, double p) => DropoutBackward(dA, d, p), mode: mode).Passed);
        }
    }

    [Fact]
    public void The_lecture_sized_by_hand_case_is_one_half()
    {
        var (_, input) = Checks.L2Cost.VisibleCases[0];
        Assert.Equal(0.5, L2Cost(input.Weights, input.Lambda, input.M), 12);
    }

    [Fact]
    public void L2_cost_over_m_instead_of_2m_fails_with_the_factor_hint()
    {
        CheckResult r = Checks.L2Cost.Run((Matrix[] w, double l, int m) => L2Cost(w, l, m, factor: 1), mode: Student);
        Assert.Equal("wrong value: expected 0.5, actual 1; abs error 0.5, rel error 1", r.Cases[0].Message);
        Assert.True(r.Cases[2].Passed);                                      // λ = 0 hides the factor
        Assert.Contains("divide by 2m", r.Details);
    }

    [Fact]
    public void L2_cost_of_the_first_matrix_only_fails_the_two_layer_case()
    {
        CheckResult r = Checks.L2Cost.Run((Matrix[] w, double l, int m) => L2Cost(w[..1], l, m), mode: Student);
        CaseResult c = Assert.Single(r.Cases, c => !c.Passed);
        Assert.Equal("two layers: every weight matrix counts", c.Name);
        Assert.Contains("every weight matrix", r.Details);
    }

    [Fact]
    public void L2_gradient_with_lambda_over_2m_fails_with_its_hint()
    {
        CheckResult r = Checks.L2Gradient.Run((Matrix dW, Matrix w, double l, int m) => L2Gradient(dW, w, l, m, factor: 2), mode: Student);
        Assert.False(r.Cases[0].Passed);
        Assert.Contains("add (λ/m)·W to dW", r.Details);
    }

    [Fact]
    public void L2_gradient_without_dW_fails_the_lambda_0_case()
    {
        CheckResult r = Checks.L2Gradient.Run((Matrix dW, Matrix w, double l, int m) => L2Gradient(new Matrix(dW.Rows, dW.Cols), w, l, m), mode: Student);
        Assert.False(r.Cases[1].Passed);
        Assert.Contains("not (λ/m)·W alone", r.Details);
    }

    [Fact]
    public void L2_gradient_written_into_dW_is_reported_as_changing_its_input()
    {
        CheckResult r = Checks.L2Gradient.Run((Matrix dW, Matrix w, double l, int m) =>
        {
            L2Gradient(dW, w, l, m).CopyTo(dW);
            return dW;
        }, mode: Student);
        Assert.Contains("your function changed its input dW", r.Cases[0].Message);
    }

    [Fact]
    public void Dropout_without_rescaling_fails_on_A_with_the_scaling_hint()
    {
        CheckResult r = Checks.DropoutForward.Run((Matrix a, Matrix u, double p) => DropoutForwardWith(a, u, p, (v, q) => v < q, _ => 1), mode: Student);
        Assert.StartsWith("A: wrong values:", r.Cases[0].Message);
        Assert.True(r.Cases[1].Passed);                                      // keepProb = 1: scaling changes nothing
        Assert.Contains("divides the kept activations by keepProb", r.Details);
    }

    [Fact]
    public void Dropout_that_keeps_u_above_keepProb_fails_with_the_keep_hint()
    {
        CheckResult r = Checks.DropoutForward.Run((Matrix a, Matrix u, double p) => DropoutForwardWith(a, u, p, (v, q) => v > q, q => 1 / q), mode: Student);
        Assert.False(r.Cases[0].Passed);
        Assert.Contains("not u > keepProb", r.Details);
    }

    [Fact]
    public void Dropout_that_keeps_u_equal_to_keepProb_fails_only_that_case()
    {
        CheckResult r = Checks.DropoutForward.Run((Matrix a, Matrix u, double p) => DropoutForwardWith(a, u, p, (v, q) => v <= q, q => 1 / q), mode: Student);
        CaseResult c = Assert.Single(r.Cases, c => !c.Passed);
        Assert.Equal("u = keepProb is dropped", c.Name);
    }

    [Fact]
    public void Dropout_backward_without_rescaling_fails_with_its_hint()
    {
        CheckResult r = Checks.DropoutBackward.Run((Matrix dA, Matrix d, double p) => DropoutBackward(dA, d, p, scaled: false), mode: Student);
        Assert.False(r.Cases[0].Passed);
        Assert.True(r.Cases[1].Passed);
        Assert.Contains("dA·D/keepProb", r.Details);
    }

    [Fact]
    public void Not_implemented_exercises_are_reported_as_such()
    {
        Assert.Equal(CheckStatus.NotImplemented, Checks.L2Cost.Run((Matrix[] w, double l, int m) => NotImplemented<float>(), mode: Student).Status);
        Assert.Equal(CheckStatus.NotImplemented, Checks.L2Gradient.Run((Matrix dW, Matrix w, double l, int m) => NotImplemented<Matrix>(), mode: Student).Status);
        Assert.Equal(CheckStatus.NotImplemented, Checks.DropoutForward.Run((Matrix a, Matrix u, double p) => NotImplemented<(Matrix, Matrix)>(), mode: Student).Status);
        Assert.Equal(CheckStatus.NotImplemented, Checks.DropoutBackward.Run((Matrix dA, Matrix d, double p) => NotImplemented<Matrix>(), mode: Student).Status);
    }

    private static T NotImplemented<T>() => throw new NotImplementedException("Exercise 1");
}
