using CourseKit.Data;
using CourseKit.Grading;
using static CourseKit.Tests.Grading.Learners;

namespace CourseKit.Tests.Grading;

/// <summary>The stratified-split and bias/variance checks: the solution passes, typical mistakes are named.</summary>
public class SetupCheckTests
{
    /// <summary>The chapter's solution: each class shuffled by one generator, sizes from Splits.Counts.</summary>
    internal static int[] Split(int[] labels, int classCount, double[] fractions, int seed) =>
        SplitWith(labels, classCount, fractions, seed, oneRandom: true, stratified: true, counts: Splits.Counts);

    private static int[] SplitWith(int[] labels, int classCount, double[] fractions, int seed, bool oneRandom, bool stratified,
        Func<int, double[], int[]> counts)
    {
        var split = new int[labels.Length];
        var random = new Random(seed);
        var groups = stratified
            ? Enumerable.Range(0, classCount).Select(c => Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).ToArray())
            : [Enumerable.Range(0, labels.Length).ToArray()];
        foreach (int[] members in groups)
        {
            (oneRandom ? random : new Random(seed)).Shuffle(members);
            int next = 0, k = 0;
            foreach (int count in counts(members.Length, fractions))
            {
                for (int j = 0; j < count; j++) split[members[next++]] = k;
                k++;
            }
        }
        return split;
    }

    /// <summary>⌊f·n⌋ for each split: the examples left over all stay in split 0 (the array's default).</summary>
    private static int[] FloorCounts(int n, double[] fractions) => fractions.Select(f => (int)Math.Floor(f * n)).ToArray();

    internal static (bool, bool) Diagnose(double train, double dev, double baseError, double threshold) =>
        (train - baseError > threshold, dev - train > threshold);

    [Fact]
    public void The_solution_passes_both_checks_also_with_hidden_cases()
    {
        foreach (var mode in new[] { Student, Grader })
        {
            Assert.True(Checks.StratifiedSplit.Run(Split, mode: mode).Passed);
            Assert.True(Checks.BiasVarianceDiagnosis.Run(Diagnose, mode: mode).Passed);
        }
    }

    [Fact]
    public void A_plain_shuffle_fails_and_is_told_to_stratify()
    {
        CheckResult r = Checks.StratifiedSplit.Run((int[] l, int c, double[] f, int s) =>
            SplitWith(l, c, f, s, oneRandom: true, stratified: false, counts: Splits.Counts), mode: Student);
        Assert.Equal(CheckStatus.Failed, r.Status);
        Assert.True(r.Cases[0].Passed);                                 // one class: the same as stratified
        Assert.False(r.Cases.Single(c => c.Name.StartsWith("imbalanced")).Passed);
        Assert.Contains("stratify: split each class on its own", r.Details);
    }

    [Fact]
    public void A_new_generator_per_class_fails_the_two_class_case_with_its_hint()
    {
        CheckResult r = Checks.StratifiedSplit.Run((int[] l, int c, double[] f, int s) =>
            SplitWith(l, c, f, s, oneRandom: false, stratified: true, counts: Splits.Counts), mode: Student);
        Assert.True(r.Cases[0].Passed);
        CaseResult two = r.Cases[1];
        Assert.False(two.Passed);
        Assert.StartsWith("wrong values:", two.Message);
        Assert.Contains("create one new Random(seed) before the loop", r.Details);
    }

    [Fact]
    public void Rounding_each_share_down_fails_where_an_example_is_left_over()
    {
        CheckResult r = Checks.StratifiedSplit.Run((int[] l, int c, double[] f, int s) =>
            SplitWith(l, c, f, s, oneRandom: true, stratified: true, counts: FloorCounts), mode: Student);
        Assert.True(r.Cases[0].Passed);                                 // 10 · (0.6, 0.2, 0.2) rounds exactly
        Assert.False(r.Cases.Single(c => c.Name.StartsWith("7 examples")).Passed);
        Assert.Contains("Splits.Counts(n_c, fractions)", r.Details);
    }

    private static int[] NotImplementedSplit(int[] labels, int classCount, double[] fractions, int seed) =>
        throw new NotImplementedException("Exercise 1");

    [Fact]
    public void A_not_implemented_split_is_reported_as_such()
    {
        CheckResult r = Checks.StratifiedSplit.Run(NotImplementedSplit, mode: Student);
        Assert.Equal(CheckStatus.NotImplemented, r.Status);
    }

    [Fact]
    public void Variance_read_as_dev_minus_base_fails_with_the_variance_hint()
    {
        CheckResult r = Checks.BiasVarianceDiagnosis.Run((double t, double d, double b, double th) => (t - b > th, d - b > th), mode: Student);
        CaseResult c = r.Cases[1];
        Assert.Equal("train 15 %, dev 16 %", c.Name);
        Assert.Equal("highVariance: wrong value: expected false, got true", c.Message);
        Assert.Contains("dev − train", r.Details);
    }

    [Fact]
    public void Bias_read_without_the_base_error_fails_the_blurry_case()
    {
        CheckResult r = Checks.BiasVarianceDiagnosis.Run((double t, double d, double b, double th) => (t > th, d - t > th), mode: Student);
        CaseResult c = Assert.Single(r.Cases, c => !c.Passed);
        Assert.Equal("train 15 %, dev 16 %, base error 14 %", c.Name);
        Assert.Equal("highBias: wrong value: expected false, got true", c.Message);
        Assert.Contains("train − base", r.Details);
    }

    [Fact]
    public void A_hidden_bool_mismatch_does_not_reveal_the_expected_value()
    {
        var hidden = Checks.BiasVarianceDiagnosis.Run((double t, double d, double b, double th) => (!(t - b > th), d - t > th), mode: Grader);
        Assert.All(hidden.Cases.Where(c => c.Hidden && !c.Passed), c => Assert.Equal("highBias: wrong value", c.Message));
    }

    private static (bool, bool) NotImplementedDiagnosis(double train, double dev, double baseError, double threshold) =>
        throw new NotImplementedException("Exercise 2");

    [Fact]
    public void A_not_implemented_diagnosis_is_reported_as_such()
    {
        CheckResult r = Checks.BiasVarianceDiagnosis.Run(NotImplementedDiagnosis, mode: Student);
        Assert.Equal(CheckStatus.NotImplemented, r.Status);
    }
}
