using CourseKit.Grading;
using CourseKit.Tensors;
using static CourseKit.Tests.Grading.Learners;
using L = CourseKit.Tests.Grading.BatchNormLearners;

namespace CourseKit.Tests.Grading;

/// <summary>The three Batch Normalization checks: the right answer passes, each typical mistake fails with its hint.</summary>
public class BatchNormCheckTests
{
    private static CheckResult Forward(BnMistake mistake, GradingMode? mode = null) =>
        Checks.BatchNormForward.Run((Matrix z, Matrix g, Matrix b, float e) => L.Forward(z, g, b, e, mistake), mode: mode ?? Student);

    private static CheckResult Backward(BnMistake mistake, GradingMode? mode = null) =>
        Checks.BatchNormBackward.Run((Matrix dy, Matrix z, Matrix g, float e) => L.Backward(dy, z, g, e, mistake), mode: mode ?? Student);

    private static CheckResult Inference(BnMistake mistake, GradingMode? mode = null) =>
        Checks.BatchNormInference.Run((Matrix z, Matrix g, Matrix b, Matrix rm, Matrix rv, float e) => L.Inference(z, g, b, rm, rv, e, mistake),
            mode: mode ?? Student);

    private static string[] Failing(CheckResult r) => r.Cases.Where(c => !c.Passed).Select(c => c.Name).ToArray();

    [Fact]
    public void The_right_answers_pass_every_case_also_the_hidden_ones()
    {
        foreach (var mode in new[] { Student, Grader })
        {
            Assert.True(Forward(BnMistake.None, mode).Passed, Forward(BnMistake.None, mode).Details);
            Assert.True(Backward(BnMistake.None, mode).Passed, Backward(BnMistake.None, mode).Details);
            Assert.True(Inference(BnMistake.None, mode).Passed, Inference(BnMistake.None, mode).Details);
        }
        Assert.Equal("✓ batch norm forward: 6/6 cases passed", Checks.BatchNormForward.Run((Func<Matrix, Matrix, Matrix, float, Matrix>)L.Forward, mode: Student).Summary);
        Assert.Equal("✓ batch norm backward: 4/4 cases passed", Checks.BatchNormBackward.Run((Func<Matrix, Matrix, Matrix, float, (Matrix, Matrix, Matrix)>)L.Backward, mode: Student).Summary);
        Assert.Equal("✓ batch norm at test time: 4/4 cases passed", Checks.BatchNormInference.Run((Func<Matrix, Matrix, Matrix, Matrix, Matrix, float, Matrix>)L.Inference, mode: Student).Summary);
    }

    [Fact]
    public void Hidden_cases_run_only_when_grading()
    {
        foreach (var (student, graded, hidden) in new[]
                 {
                     (Forward(BnMistake.None), Forward(BnMistake.None, Grader), 4),
                     (Backward(BnMistake.None), Backward(BnMistake.None, Grader), 4),
                     (Inference(BnMistake.None), Inference(BnMistake.None, Grader), 3),
                 })
        {
            Assert.DoesNotContain(student.Cases, c => c.Hidden);
            Assert.Equal(hidden, graded.Cases.Count(c => c.Hidden));
            Assert.Equal(student.Cases.Count + hidden, graded.Cases.Count);
        }
    }

    [Fact]
    public void The_hand_checkable_cases_have_the_answers_their_hints_give()
    {
        var f = Checks.BatchNormForward.VisibleCases[0].Input;
        Assert.Equal([-1.5f, 2.5f, -1.5f, 2.5f], L.Forward(f.Z, f.Gamma, f.Beta, f.Epsilon).Data.Select(v => MathF.Round(v, 4)));
        var identity = Checks.BatchNormForward.VisibleCases.Single(c => c.Name.StartsWith("γ = √(σ² + ε)", StringComparison.Ordinal)).Input;
        Assert.True(L.Forward(identity.Z, identity.Gamma, identity.Beta, identity.Epsilon).MaxAbsDifference(identity.Z) < 1e-5f);

        var b = Checks.BatchNormBackward.VisibleCases[0].Input;
        var (dz, dGamma, dBeta) = L.Backward(b.Dy, b.Z, b.Gamma, b.Epsilon);
        Assert.Equal([1f, 2f, -1f, -2f], dz.Data.Select(v => MathF.Round(v, 4)));
        Assert.Equal(-3f, dGamma[0, 0], 4);
        Assert.Equal(-1f, dBeta[0, 0], 4);

        var i = Checks.BatchNormInference.VisibleCases[0].Input;
        Assert.Equal([-1f, 0f, 2f], L.Inference(i.Z, i.Gamma, i.Beta, i.RunningMean, i.RunningVar, i.Epsilon).Data.Select(v => MathF.Round(v, 4)));
    }

    [Fact]
    public void Forward_with_the_unbiased_variance_fails_with_the_m_not_m_minus_1_hint()
    {
        CheckResult r = Forward(BnMistake.UnbiasedVariance);
        Assert.Contains("one feature by hand (γ = 2, β = 0.5)", Failing(r));
        Assert.Contains("a batch of 2", Failing(r));
        Assert.Contains("divide by m = 4, not m − 1", r.Details);
        Assert.Contains("divides by m, not m − 1", r.Details);
    }

    [Fact]
    public void Epsilon_outside_the_square_root_fails_only_where_the_variance_is_small()
    {
        // With ε = 1e-3, the batch of 2's third feature (σ² = 0.0625) shows it as well.
        Assert.Equal(["a feature with small variance (ε matters)", "a batch of 2"], Failing(Forward(BnMistake.EpsilonOutsideSqrt)));
        Assert.Equal(["a feature with small variance (ε matters)"], Failing(Backward(BnMistake.EpsilonOutsideSqrt)));
        Assert.Equal(["a small running variance (ε matters)"], Failing(Inference(BnMistake.EpsilonOutsideSqrt)));
        Assert.Contains("ε goes inside the square root", Forward(BnMistake.EpsilonOutsideSqrt).Details);
    }

    [Fact]
    public void Statistics_over_rows_fail_the_several_features_case_with_the_columns_hint()
    {
        CheckResult r = Forward(BnMistake.RowStatistics);
        Assert.Contains("several features: statistics per column", Failing(r));
        Assert.Contains("over the m examples (rows) — not over each row", r.Details);
    }

    [Fact]
    public void Forgetting_gamma_and_beta_fails_the_hand_case_and_the_identity_case()
    {
        string[] failing = Failing(Forward(BnMistake.NoGammaBeta));
        Assert.Contains("one feature by hand (γ = 2, β = 0.5)", failing);
        Assert.Contains("γ = √(σ² + ε), β = μ gives back z", failing);
        Assert.Contains("several features, batch statistics ≠ running ones", Failing(Inference(BnMistake.NoGammaBeta)));
    }

    [Fact]
    public void Float_sums_lose_the_noise_of_a_large_offset_and_the_hint_says_double()
    {
        foreach (var mistake in new[] { BnMistake.OnePassFloat, BnMistake.FloatSums })
        {
            CheckResult r = Forward(mistake);
            Assert.Equal(["large offset: 10⁴ + noise"], Failing(r));
            Assert.Contains("accumulate the sums for μ and σ² in double", r.Details);
        }
        Assert.Contains("hidden case 4 (a large offset)", Failing(Backward(BnMistake.FloatSums, Grader)));
    }

    [Fact]
    public void Backward_without_the_sum_of_dy_fails_the_constant_dy_case_naming_dz()
    {
        CheckResult r = Backward(BnMistake.ForgetSumDy);
        CaseResult c = r.Cases.Single(c => c.Name == "dy the same for every example (dz = 0)");
        Assert.False(c.Passed);
        Assert.StartsWith("dz: wrong values: 8 of 8 elements differ; worst at row 0, col 0: expected 0, actual ", c.Message);
        Assert.Contains("Keep the −Σdy term", r.Details);
    }

    [Fact]
    public void Backward_without_the_z_hat_term_fails_where_dgamma_is_not_zero()
    {
        string[] failing = Failing(Backward(BnMistake.ForgetZHatTerm));
        Assert.Contains("one feature by hand", failing);
        Assert.DoesNotContain("dy the same for every example (dz = 0)", failing);  // there Σ dy·ẑ = 0
    }

    [Fact]
    public void Backward_with_means_for_dgamma_and_dbeta_names_the_wrong_output()
    {
        CheckResult r = Backward(BnMistake.MeanInsteadOfSum);
        Assert.All(r.Cases, c => Assert.False(c.Passed));
        Assert.StartsWith("dGamma: wrong values: 1 of 1 elements differ; worst at row 0, col 0: expected -2.99", r.Cases[0].Message);
        Assert.StartsWith("dBeta: wrong values:", r.Cases.Single(c => c.Name.StartsWith("dy the same", StringComparison.Ordinal)).Message);
        Assert.All(Backward(BnMistake.MeanInsteadOfSum, Grader).Cases.Where(c => c.Hidden), c => Assert.DoesNotContain("expected", c.Message));
    }

    [Fact]
    public void Backward_returning_dz_alone_is_a_wrong_type()
    {
        CheckResult r = Checks.BatchNormBackward.Run((Matrix dy, Matrix z, Matrix g, float e) => L.Backward(dy, z, g, e).Item1, mode: Student);
        Assert.Equal("wrong type: expected (Matrix, Matrix, Matrix), got Matrix", r.Cases[0].Message);
        Func<Matrix, Matrix, Matrix, float, (Matrix, Matrix, Matrix)> notYet = (dy, z, g, e) => throw new NotImplementedException("Exercise 2");
        Assert.Equal("○ batch norm backward: not implemented yet — replace the throw in Exercise 2", Checks.BatchNormBackward.Run(notYet, mode: Student).Summary);
    }

    [Fact]
    public void Test_time_with_the_batch_statistics_fails_the_one_example_case_with_the_running_hint()
    {
        CheckResult r = Inference(BnMistake.BatchStatistics);
        Assert.Contains("one example (m = 1)", Failing(r));
        Assert.Contains("normalize with runningMean and runningVar", r.Details);
    }

    [Fact]
    public void Test_time_divided_by_the_variance_fails_the_hand_case()
    {
        CheckResult r = Inference(BnMistake.DivideByVariance);
        Assert.Contains("one feature by hand", Failing(r));
        Assert.Contains("divide by the standard deviation, not the variance", r.Details);
    }
}
