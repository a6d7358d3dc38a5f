using CourseKit.Data;
using In = (int[] Labels, int Classes, double[] Fractions, int Seed);

namespace CourseKit.Grading;

public static partial class Checks
{
    /// <summary>
    /// A stratified, seeded split: for labels (m class indices in [0, C)), fractions (e.g. 0.6, 0.2, 0.2) and a seed,
    /// the split number of every example (0 = train, 1 = dev, 2 = test). Each class c is split on its own: its
    /// example indices in ascending order, shuffled by one <c>new Random(seed)</c> (created once, classes in order
    /// 0, 1, …), then the first <c>Splits.Counts(n_c, fractions)[0]</c> go to split 0, the next ones to split 1, …
    /// Learner function: <c>Func&lt;int[], int, double[], int, int[]&gt;</c>. 3 points.
    /// </summary>
    /// <remarks>
    /// Visible cases: one class of 10 (60/20/20); two classes; imbalanced classes (90 % / 10 %), which a plain
    /// shuffle splits unevenly; 7 examples per class, where ⌊f·n⌋ leaves one over; interleaved labels; the big-data
    /// 98/1/1 split. Hidden cases: random labels with 60/20/20, 80/20 or 98/1/1 and a random seed. The reference is
    /// <see cref="Splits.StratifiedIndices"/>.
    /// </remarks>
    public static Check<In, int[]> StratifiedSplit =>
        Check.For<In, int[]>("stratified split", points: 3)
            .WriteYourself(Shortcuts.StratifiedSplit)
            .InputNames("labels", "classCount", "fractions", "seed")
            .Reference(input => SplitNumbers(input.Labels, input.Classes, input.Fractions, input.Seed))
            .Compare(Tolerance.Exact)
            .Case("one class of 10 examples, 60 / 20 / 20", (new int[10], 1, [0.6, 0.2, 0.2], 0), hint: SplitOrderHint)
            .Case("two classes, 60 / 20 / 20", (Repeat([0, 1], 10), 2, [0.6, 0.2, 0.2], 1), hint: SplitOneRandomHint)
            .Case("imbalanced classes: 90 % / 10 %", (Imbalanced(), 2, [0.6, 0.2, 0.2], 2), hint: SplitStratifyHint)
            .Case("7 examples per class: ⌊f·n⌋ leaves one over", (Repeat([0, 1, 2], 7), 3, [0.6, 0.2, 0.2], 3), hint: SplitCountsHint)
            .Case("interleaved labels, 80 / 20", ([2, 0, 1, 1, 0, 2, 2, 0, 1, 0, 1, 2, 0, 0, 1], 3, [0.8, 0.2], 4), hint: SplitOrderHint)
            .Case("big data: 98 / 1 / 1", (Repeat([0, 1, 2, 3], 100), 4, [0.98, 0.01, 0.01], 5), hint: SplitCountsHint)
            .Hidden("random labels, 60 / 20 / 20", r => RandomSplitInput(r, [0.6, 0.2, 0.2]), hint: SplitStratifyHint)
            .Hidden("random labels, 80 / 20", r => RandomSplitInput(r, [0.8, 0.2]), hint: SplitOneRandomHint)
            .Hidden("random labels, 98 / 1 / 1", r => RandomSplitInput(r, [0.98, 0.01, 0.01], minimum: 200), hint: SplitCountsHint);

    internal const string SplitOrderHint =
        "list the class's example indices in ascending order, shuffle them with random.Shuffle, then give the first counts[0] " +
        "of the shuffled indices split 0, the next counts[1] split 1, and so on.";

    internal const string SplitOneRandomHint =
        "create one new Random(seed) before the loop over classes and shuffle every class with it: a new generator per class " +
        "(or per shuffle) draws other numbers than the reference.";

    internal const string SplitStratifyHint =
        "stratify: split each class on its own (its examples shuffled, then Splits.Counts(n_c, fractions) of them per split), " +
        "not the whole data set at once — a plain shuffle can leave dev with too few examples of a rare class.";

    internal const string SplitCountsHint =
        "take the sizes from Splits.Counts(n_c, fractions) for each class c: rounding each f·n_c down loses examples, and " +
        "rounding each to nearest can give more examples than the class has.";

    /// <summary>The split number of each example in the library's stratified split.</summary>
    internal static int[] SplitNumbers(int[] labels, int classCount, double[] fractions, int seed)
    {
        var numbers = new int[labels.Length];
        int[][] splits = Splits.StratifiedIndices(labels, classCount, fractions, seed, allowMissingClasses: true);
        for (int k = 0; k < splits.Length; k++)
            foreach (int i in splits[k]) numbers[i] = k;
        return numbers;
    }

    private static int[] Repeat(int[] pattern, int times) =>
        Enumerable.Range(0, pattern.Length * times).Select(i => pattern[i % pattern.Length]).ToArray();

    /// <summary>18 examples of class 0 then 2 of class 1, interleaved.</summary>
    private static int[] Imbalanced() => Enumerable.Range(0, 20).Select(i => i % 10 == 4 ? 1 : 0).ToArray();

    private static In RandomSplitInput(Random r, double[] fractions, int minimum = 20)
    {
        int classes = r.Next(2, 11);
        return (Generators.Labels(r, r.Next(minimum, 3 * minimum), classes), classes, fractions, r.Next(1000));
    }
}
