using CourseKit.Grading;
using CourseKit.Tensors;
using static CourseKit.Tests.Grading.Learners;

namespace CourseKit.Tests.Grading;

/// <summary>The hardmax check (chapter 7, Exercise 6): a learner's loop passes, each typical mistake fails with its hint.</summary>
public class HardmaxCheckTests
{
    /// <summary>What a learner writes: per row, the index of the first largest entry, with the running max started at −∞ (or at 0).</summary>
    private static Matrix HardmaxByRows(Matrix z, float start = float.NegativeInfinity, bool lastTie = false)
    {
        var a = new Matrix(z.Rows, z.Cols);
        for (int i = 0; i < z.Rows; i++)
        {
            int best = -1;
            float max = start;
            for (int j = 0; j < z.Cols; j++)
                if (z[i, j] > max || (lastTie && z[i, j] == max)) (max, best) = (z[i, j], j);
            if (best >= 0) a[i, best] = 1;
        }
        return a;
    }

    [Fact]
    public void A_learners_loop_passes_also_with_hidden_cases()
    {
        foreach (var mode in new[] { Student, Grader })
        {
            CheckResult r = Checks.Hardmax.Run(z => HardmaxByRows(z), mode: mode);
            Assert.True(r.Passed, r.ToString());
            Assert.Equal(1, r.Points);
        }
    }

    [Fact]
    public void A_running_max_started_at_0_fails_the_all_negative_case_with_its_hint()
    {
        CheckResult r = Checks.Hardmax.Run(z => HardmaxByRows(z, start: 0f), mode: Student);
        CaseResult c = r.Cases.Single(c => c.Name == "every logit negative");
        Assert.False(c.Passed);
        Assert.Contains("expected 1, actual 0", c.Message);
        Assert.Contains("start the running max at the row's first entry", r.Details);
    }

    [Fact]
    public void Ties_to_the_last_index_fail_the_tie_case_with_its_hint()
    {
        CheckResult r = Checks.Hardmax.Run(z => HardmaxByRows(z, lastTie: true), mode: Student);
        CaseResult c = Assert.Single(r.Cases, c => !c.Passed);
        Assert.Equal("a tie goes to the lowest index", c.Name);
        Assert.Contains("put the 1 at the first of them", r.Details);
    }

    [Fact]
    public void The_max_of_each_column_fails_the_batch_with_the_rows_hint()
    {
        CheckResult r = Checks.Hardmax.Run(z => HardmaxByRows(z.Transpose()).Transpose(), mode: Student);
        Assert.False(r.Cases.Single(c => c.Name == "a batch of 3 examples").Passed);
        Assert.Contains("look for the largest entry of each row", r.Details);
    }

    [Fact]
    public void Returning_the_softmax_probabilities_fails_with_the_ones_hint()
    {
        CheckResult r = Checks.Hardmax.Run(Learners.Softmax, mode: Student);
        Assert.False(r.Cases[0].Passed);
        Assert.Contains("0s and a single 1 per row", r.Details);
    }

    [Theory]
    [InlineData("hardmax")]
    [InlineData("argmax")]
    [InlineData("decode")]
    public void The_librarys_hardmax_argmax_and_decode_are_refused(string which)
    {
        Func<Matrix, Matrix> learner = which switch
        {
            "hardmax" => z => z.Hardmax(),
            "argmax" => z => OneHot(z.ArgMax(), z.Cols),
            _ => z => OneHot(CourseKit.Data.OneHot.Decode(z), z.Cols),
        };
        CheckResult r = Checks.Hardmax.Run(learner, mode: Student);
        Assert.Equal(0, r.Points);
        Assert.Contains("write hardmax yourself", r.ToString());
    }

    [Fact]
    public void A_stub_is_reported_as_not_implemented()
    {
        CheckResult r = Checks.Hardmax.Exercise("Exercise 6").Run(_ => throw new NotImplementedException(), mode: Student);
        Assert.Equal(CheckStatus.NotImplemented, r.Status);
        Assert.Equal("○ hardmax: not implemented yet — replace the throw in Exercise 6", r.Summary);
    }
}
