using CourseKit.Grading;
using CourseKit.Tensors;
using static CourseKit.Tests.Grading.Learners;

namespace CourseKit.Tests.Grading;

/// <summary>The softmax-Jacobian check: a learner's solution passes, each typical mistake fails with its hint.</summary>
public class SoftmaxJacobianCheckTests
{
    /// <summary>What a learner writes: J[i, j] = a_i (δ_ij − a_j) from a = softmax(z) (their own, Exercise 1's), in float.</summary>
    private static Matrix Jacobian(Matrix z) => JacobianOf(Softmax(z), (ai, aj, same) => (same ? ai : 0f) - ai * aj);

    private static Matrix JacobianOf(Matrix a, Func<float, float, bool, float> entry)
    {
        var jacobian = new Matrix(a.Cols, a.Cols);
        for (int i = 0; i < a.Cols; i++)
            for (int j = 0; j < a.Cols; j++)
                jacobian[i, j] = entry(a[0, i], a[0, j], i == j);
        return jacobian;
    }

    [Fact]
    public void A_learners_solution_passes_also_with_hidden_cases()
    {
        foreach (var mode in new[] { Student, Grader })
        {
            CheckResult r = Checks.SoftmaxJacobian.Run(Jacobian, mode: mode);
            Assert.True(r.Passed, r.ToString());
            Assert.Equal(2, r.Points);
        }
        Assert.Equal("✓ softmax Jacobian: 5/5 cases passed", Checks.SoftmaxJacobian.Run(Jacobian, mode: Student).Summary);
    }

    [Fact]
    public void The_entry_formula_equals_diag_a_minus_a_a_transposed_by_matrix_products()
    {
        foreach (var (_, z) in Checks.SoftmaxJacobian.VisibleCases)
        {
            Matrix a = z.Softmax();
            Matrix byProducts = Matrix.Multiply(a, a, transposeA: true);                 // a aᵀ for a row vector a
            for (int i = 0; i < a.Cols; i++) byProducts[i, i] = a[0, i] - byProducts[i, i];
            for (int i = 0; i < a.Cols; i++)
                for (int j = 0; j < a.Cols; j++)
                    if (i != j) byProducts[i, j] = -byProducts[i, j];
            Assert.True(Jacobian(z).MaxAbsDifference(byProducts) < 1e-6f);
        }
    }

    [Fact]
    public void Each_row_of_the_two_class_case_sums_to_0_and_is_sigma_times_1_minus_sigma()
    {
        var (_, z) = Checks.SoftmaxJacobian.VisibleCases[1];
        Matrix j = Jacobian(z);
        double s = 1 / (1 + Math.Exp(-1.5));
        Assert.Equal(s * (1 - s), j[0, 0], 6);
        Assert.Equal(-s * (1 - s), j[0, 1], 6);
        Assert.Equal(0, j[1, 0] + j[1, 1], 6);
    }

    [Fact]
    public void The_flipped_sign_a_a_transposed_minus_diag_a_fails_every_case_with_the_sign_hint()
    {
        CheckResult r = Checks.SoftmaxJacobian.Run(z => JacobianOf(Softmax(z), (ai, aj, same) => ai * aj - (same ? ai : 0f)), mode: Student);
        Assert.Equal(CheckStatus.Failed, r.Status);
        Assert.All(r.Cases, c => Assert.False(c.Passed));
        Assert.Contains("a aᵀ − diag(a) has every sign flipped", r.Details);
        Assert.Equal(0, r.Points);
    }

    [Fact]
    public void Using_the_logits_instead_of_the_probabilities_fails_with_the_logits_hint()
    {
        CheckResult r = Checks.SoftmaxJacobian.Run(z => JacobianOf(z, (zi, zj, same) => (same ? zi : 0f) - zi * zj), mode: Student);
        CaseResult c = r.Cases.Single(c => c.Name.StartsWith("logits that look like probabilities", StringComparison.Ordinal));
        Assert.False(c.Passed);
        Assert.StartsWith("wrong values: ", c.Message);
        Assert.Contains("build J from the probabilities a = softmax(z)", r.Details);
    }

    [Fact]
    public void Only_the_diagonal_like_a_sigmoid_fails_with_the_off_diagonal_hint()
    {
        CheckResult r = Checks.SoftmaxJacobian.Run(z => JacobianOf(Softmax(z), (ai, _, same) => same ? ai * (1 - ai) : 0f), mode: Student);
        CaseResult twoClasses = r.Cases[1];
        Assert.False(twoClasses.Passed);
        Assert.Contains("worst at row 0, col 1", twoClasses.Message);
        Assert.Contains("−a_i a_j for i ≠ j is not 0", r.Details);
    }

    [Fact]
    public void Exponentials_without_the_max_fail_the_large_logit_case_with_the_overflow_hint()
    {
        static Matrix NaiveSoftmax(Matrix z)
        {
            var a = new Matrix(1, z.Cols);
            float sum = 0;
            for (int j = 0; j < z.Cols; j++) sum += a[0, j] = MathF.Exp(z[0, j]);
            for (int j = 0; j < z.Cols; j++) a[0, j] /= sum;
            return a;
        }
        CheckResult r = Checks.SoftmaxJacobian.Run(z => JacobianOf(NaiveSoftmax(z), (ai, aj, same) => (same ? ai : 0f) - ai * aj), mode: Student);
        CaseResult c = Assert.Single(r.Cases, c => !c.Passed);
        Assert.Equal("large logits (1000, 998, −1000)", c.Name);
        Assert.True(c.Comparison!.NonFinite > 0);
        Assert.Contains("subtract each row's max", r.Details);
    }

    [Fact]
    public void Returning_the_softmax_row_is_a_wrong_shape()
    {
        CheckResult r = Checks.SoftmaxJacobian.Run(z => Softmax(z), mode: Student);
        Assert.Equal("wrong shape: expected (4 × 4), got (1 × 4)", r.Cases[0].Message);
    }

    [Fact]
    public void The_librarys_softmax_inside_the_jacobian_is_refused()
    {
        CheckResult r = Checks.SoftmaxJacobian.Run(z => JacobianOf(z.Softmax(), (ai, aj, same) => (same ? ai : 0f) - ai * aj), mode: Student);
        Assert.Equal(0, r.Points);
        Assert.Contains("write softmax yourself", r.ToString());
    }

    [Fact]
    public void A_stub_is_reported_as_not_implemented()
    {
        CheckResult r = Checks.SoftmaxJacobian.Exercise("Exercise 5").Run(_ => throw new NotImplementedException(), mode: Student);
        Assert.Equal(CheckStatus.NotImplemented, r.Status);
        Assert.Equal("○ softmax Jacobian: not implemented yet — replace the throw in Exercise 5", r.Summary);
        Assert.Equal(0, r.Points);
    }
}
