using CourseKit.Grading;
using CourseKit.Tensors;
using static CourseKit.Tests.Grading.Learners;
using L = CourseKit.Tests.Grading.OptimizationLearners;

namespace CourseKit.Tests.Grading;

/// <summary>The optimization-algorithms checks: the right answers pass, each typical mistake fails with the hint that names it.</summary>
public class OptimizationCheckTests
{
    private static CheckResult Batches(OptMistake m, GradingMode? mode = null) =>
        Checks.MiniBatchCreation.Run((Matrix x, int[] y, int b, int[] order) => L.MiniBatches(x, y, b, order, m), mode: mode ?? Student);

    private static CheckResult Ewa(OptMistake m, GradingMode? mode = null) =>
        Checks.ExponentiallyWeightedAverages.Run((double[] t, double b, bool c) => L.Ewa(t, b, c, m), mode: mode ?? Student);

    private static CheckResult Momentum(OptMistake m, GradingMode? mode = null) =>
        Checks.MomentumStep.Run((double[] w, double[] dw, double[] v, double a, double b) => L.Momentum(w, dw, v, a, b, m), mode: mode ?? Student);

    private static CheckResult RmsProp(OptMistake m, GradingMode? mode = null) =>
        Checks.RmsPropStep.Run((double[] w, double[] dw, double[] s, double a, double b, double e) => L.RmsProp(w, dw, s, a, b, e, m), mode: mode ?? Student);

    private static CheckResult Adam(OptMistake m, GradingMode? mode = null) =>
        Checks.AdamStep.Run((double[] w, double[] dw, double[] v, double[] s, int t, double a) =>
            L.Adam(w, dw, v, s, t, a, 0.9, 0.999, 1e-8, m), mode: mode ?? Student);

    private static CheckResult Decay(OptMistake m, GradingMode? mode = null) =>
        Checks.LearningRateDecay.Run((double a, double r, int e) => L.Decay(a, r, e, m), mode: mode ?? Student);

    private static CheckResult Run(string check, OptMistake m, GradingMode? mode = null) => check switch
    {
        "batches" => Batches(m, mode), "ewa" => Ewa(m, mode), "momentum" => Momentum(m, mode),
        "rmsprop" => RmsProp(m, mode), "adam" => Adam(m, mode), _ => Decay(m, mode),
    };

    [Theory]
    [InlineData("batches", 2)]
    [InlineData("ewa", 2)]
    [InlineData("momentum", 1)]
    [InlineData("rmsprop", 1)]
    [InlineData("adam", 1)]
    [InlineData("decay", 1)]
    public void The_right_answers_pass_every_case_also_the_hidden_ones(string check, int hidden)
    {
        Assert.True(Run(check, OptMistake.None).Passed, Run(check, OptMistake.None).Details);
        CheckResult graded = Run(check, OptMistake.None, Grader);
        Assert.True(graded.Passed, graded.Details);
        Assert.Equal(hidden, graded.Cases.Count(c => c.Hidden));
    }

    [Fact]
    public void Not_implemented_exercises_are_reported_as_such()
    {
        Func<Matrix, int[], int, int[], (Matrix X, int[] Y)[]> batches = (_, _, _, _) => throw new NotImplementedException("Exercise 1");
        Func<double[], double, bool, double[]> ewa = (_, _, _) => throw new NotImplementedException("Exercise 2");
        Func<double, double, int, double> decay = (_, _, _) => throw new NotImplementedException("Exercise 6");
        Assert.Equal(CheckStatus.NotImplemented, Checks.MiniBatchCreation.Run(batches, mode: Student).Status);
        Assert.Equal(CheckStatus.NotImplemented, Checks.ExponentiallyWeightedAverages.Run(ewa, mode: Student).Status);
        Assert.Equal(CheckStatus.NotImplemented, Checks.LearningRateDecay.Run(decay, mode: Student).Status);
    }

    [Theory]
    [InlineData("batches", OptMistake.SeparateShuffle, "m = 6, batch size 2, order [4, 1, 5, 0, 3, 2]", "shuffle X and Y TOGETHER")]
    [InlineData("batches", OptMistake.DropLast, "m = 7, batch size 3 (a last batch of 1)", "keep the last, smaller batch")]
    [InlineData("ewa", OptMistake.SwappedWeights, "the lecture's β = 0.98, two values, no correction", "β weighs the OLD average")]
    [InlineData("ewa", OptMistake.CorrectStored, "β = 0.9 with bias correction, 6 values", "the running v_t itself stays uncorrected")]
    [InlineData("momentum", OptMistake.NoOneMinusBeta, "first step from v = 0", "not β·v + dw")]
    [InlineData("momentum", OptMistake.MoveByGradient, "a later step", "not by α·dw")]
    [InlineData("rmsprop", OptMistake.EpsilonInside, "tiny gradients (ε matters)", "ε goes OUTSIDE the square root")]
    [InlineData("rmsprop", OptMistake.DivideByS, "a steep and a flat direction", "the square root of s, not s")]
    [InlineData("adam", OptMistake.EpsilonInside, "tiny gradients (ε matters)", "ε goes OUTSIDE the square root")]
    [InlineData("adam", OptMistake.ReturnCorrected, "the first step (t = 1)", "return the UNcorrected v and s")]
    [InlineData("adam", OptMistake.BetaOneForS, "a later step (t = 10)", "β₁ for v, β₂ for s")]
    [InlineData("adam", OptMistake.NoCorrection, "the first step (t = 1)", "bias-correct both averages")]
    [InlineData("decay", OptMistake.DecayTimesEpoch, "the lecture's α₀ = 0.2, decay_rate = 1, epoch 3", "epochs 1–4 give 0.1, 0.0667, 0.05, 0.04")]
    public void Each_typical_mistake_fails_the_case_whose_hint_names_it(string check, OptMistake mistake, string failingCase, string hint)
    {
        CheckResult r = Run(check, mistake);
        Assert.Contains(failingCase, r.Cases.Where(c => !c.Passed).Select(c => c.Name));
        Assert.Contains(hint, r.Details);
    }

    [Fact]
    public void The_hand_checkable_cases_have_the_answers_their_hints_give()
    {
        var e = Checks.ExponentiallyWeightedAverages.VisibleCases[1].Input;
        Assert.Equal((0.0196 * 10 + 0.02 * 20) / 0.0396, L.Ewa(e.Theta, e.Beta, e.BiasCorrection)[1], 12);
        Assert.Equal([0.1, 0.2 / 3, 0.05, 0.04], new[] { 1, 2, 3, 4 }.Select(epoch => L.Decay(0.2, 1, epoch)).ToArray());
        var batches = Checks.MiniBatchCreation.VisibleCases[1].Input;
        Assert.Equal([3, 3, 1], L.MiniBatches(batches.X, batches.Y, batches.BatchSize, batches.Order).Select(b => b.X.Rows));
    }

    [Fact]
    public void A_dropped_last_batch_is_reported_as_the_number_of_batches()
    {
        CaseResult c = Batches(OptMistake.DropLast).Cases.Single(c => c.Name.StartsWith("m = 7", StringComparison.Ordinal));
        Assert.Contains("3 batches", c.Message);
        Assert.Contains("2 batches", c.Message);
    }
}
