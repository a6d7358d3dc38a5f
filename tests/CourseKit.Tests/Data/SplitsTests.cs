using CourseKit.Data;

namespace CourseKit.Tests.Data;

public class SplitsTests
{
    public static TheoryData<double[]> Fractions => new() { new[] { 0.8, 0.2 }, new[] { 0.6, 0.2, 0.2 }, new[] { 0.7, 0.15, 0.15 } };

    private static void AssertDisjointAndComplete(int[][] splits, int count)
    {
        int[] all = splits.SelectMany(s => s).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, count), all); // each example exactly once
    }

    [Theory, MemberData(nameof(Fractions))]
    public void Stratified_split_of_digits_keeps_each_class_within_one_of_its_share(double[] fractions)
    {
        Dataset digits = Datasets.Digits();
        int[][] splits = Splits.StratifiedIndices(digits.Labels, 10, fractions, seed: 42);
        AssertDisjointAndComplete(splits, digits.Count);
        int[] classSizes = digits.ClassCounts();
        for (int k = 0; k < fractions.Length; k++)
        {
            int[] counts = ClassLabels.Counts(splits[k].Select(i => digits.Labels[i]).ToArray(), 10);
            for (int c = 0; c < 10; c++)
                Assert.True(Math.Abs(counts[c] - fractions[k] * classSizes[c]) < 1,
                    $"split {k}, class {c}: {counts[c]} examples, ideal {fractions[k] * classSizes[c]}");
        }
    }

    [Fact]
    public void Stratified_returns_datasets_with_the_split_examples_and_the_class_names()
    {
        Dataset iris = Datasets.Iris();
        Dataset[] parts = Splits.Stratified(iris, [0.6, 0.2, 0.2], seed: 42);
        Assert.Equal([90, 30, 30], parts.Select(p => p.Count));
        Assert.All(parts, p => Assert.Equal(iris.ClassNames, p.ClassNames));
        Assert.Equal([10, 10, 10], parts[2].ClassCounts());
    }

    [Fact]
    public void The_98_1_1_split_of_a_large_set_gives_every_class_to_dev_and_test()
    {
        Dataset data = Synthetic.Blobs(20_000, centers: 4, noise: 1, seed: 42);
        int[][] splits = Splits.StratifiedIndices(data.Labels, 4, [0.98, 0.01, 0.01], seed: 42);
        AssertDisjointAndComplete(splits, data.Count);
        Assert.Equal([19_600, 200, 200], splits.Select(s => s.Length));
        Assert.All(splits.Skip(1), s => Assert.Equal([50, 50, 50, 50], ClassLabels.Counts(s.Select(i => data.Labels[i]).ToArray(), 4)));
    }

    [Fact]
    public void A_class_too_small_for_a_split_is_an_error_unless_allowed()
    {
        Dataset iris = Datasets.Iris(); // 50 per class: 1 % is 0.5 example
        var ex = Assert.Throws<ArgumentException>(() => Splits.Stratified(iris, [0.98, 0.01, 0.01], seed: 42));
        Assert.Equal("fractions", ex.ParamName);
        Assert.Contains("class 0 has 50 examples, so split 2 (fraction 0.01) would get none of them", ex.Message);
        Assert.Contains("allowMissingClasses: true", ex.Message);

        Dataset[] parts = Splits.Stratified(iris, [0.98, 0.01, 0.01], seed: 42, allowMissingClasses: true);
        // 49 + 0.5 + 0.5 per class: the leftover example goes to the earlier of the tied splits (dev).
        Assert.Equal([147, 3, 0], parts.Select(p => p.Count));
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        Dataset digits = Datasets.Digits();
        int[][] a = Splits.StratifiedIndices(digits.Labels, 10, [0.8, 0.2], 42), b = Splits.StratifiedIndices(digits.Labels, 10, [0.8, 0.2], 42);
        int[][] c = Splits.StratifiedIndices(digits.Labels, 10, [0.8, 0.2], 43);
        Assert.Equal(a, b);
        Assert.NotEqual(a[1], c[1]);
        Assert.Equal(Splits.ShuffledIndices(500, [0.5, 0.5], 42), Splits.ShuffledIndices(500, [0.5, 0.5], 42));
    }

    [Fact]
    public void Shuffled_split_has_the_rounded_sizes_and_covers_every_example_once()
    {
        int[][] splits = Splits.ShuffledIndices(1001, [0.6, 0.2, 0.2], seed: 42);
        AssertDisjointAndComplete(splits, 1001);
        Assert.Equal([601, 200, 200], splits.Select(s => s.Length)); // 600.6, 200.2, 200.2: the leftover goes to the largest remainder
        Assert.NotEqual(Enumerable.Range(0, 601), splits[0]);
    }

    [Fact]
    public void Fractions_that_do_not_sum_to_1_or_are_not_positive_are_rejected()
    {
        Dataset iris = Datasets.Iris();
        Assert.Contains("expected values that sum to 1, actual sum 0.9 (0.7, 0.2)",
            Assert.Throws<ArgumentException>(() => Splits.Stratified(iris, [0.7, 0.2], 42)).Message);
        Assert.Contains("fractions[1]: expected a finite value > 0, actual 0",
            Assert.Throws<ArgumentOutOfRangeException>(() => Splits.Shuffled(iris, [1.0, 0.0], 42)).Message);
    }

    [Theory]
    [InlineData(7, new[] { 0.6, 0.2, 0.2 }, new[] { 4, 2, 1 })]       // 4.2, 1.4, 1.4: ⌊·⌋ gives 4, 1, 1; the leftover goes to the largest remainder (dev: 0.2·7 is 1.4000000000000001 in double)
    [InlineData(10, new[] { 0.6, 0.2, 0.2 }, new[] { 6, 2, 2 })]
    [InlineData(100, new[] { 0.98, 0.01, 0.01 }, new[] { 98, 1, 1 })]
    [InlineData(0, new[] { 0.8, 0.2 }, new[] { 0, 0 })]
    public void Counts_sum_to_n_and_stay_within_one_of_each_share(int n, double[] fractions, int[] expected)
    {
        int[] counts = Splits.Counts(n, fractions);
        Assert.Equal(expected, counts);
        Assert.Equal(n, counts.Sum());
    }

    [Fact]
    public void Counts_checks_its_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Splits.Counts(-1, [1.0]));
        Assert.Contains("sum to 1", Assert.Throws<ArgumentException>(() => Splits.Counts(5, [0.5, 0.2])).Message);
    }
}
