using CourseKit.Data;
using CourseKit.Tensors;
using In = (CourseKit.Tensors.Matrix X, int[] Y, int BatchSize, int[] Order);

namespace CourseKit.Grading;

public static partial class Checks
{
    internal const string TogetherHint =
        "shuffle X and Y TOGETHER: row order[k] of X and label Y[order[k]] go to the same position k, so that every example keeps its label.";

    internal const string PartialBatchHint =
        "keep the last, smaller batch: m = 7 with batch size 3 gives batches of 3, 3 and 1 — ⌈m / batchSize⌉ batches, none dropped.";

    /// <summary>
    /// Mini-batches of one epoch: the examples in the order <c>order</c> (a permutation of 0..m−1), cut into batches of
    /// <c>batchSize</c> with a smaller last batch when m is not a multiple of it. Learner function:
    /// <c>Func&lt;Matrix, int[], int, int[], (Matrix X, int[] Y)[]&gt;</c> taking (X m × n, Y, batchSize, order). 2 points.
    /// </summary>
    /// <remarks>
    /// The reference takes <see cref="Dataset.Subset"/> of each slice of the order — what <see cref="MiniBatches"/> does
    /// with its own seeded order. Visible cases: m = 6, batch 2, a fixed order (X and Y shuffled together); m = 7, batch 3
    /// (a last batch of 1); batch size m (batch gradient descent); batch size 1 (stochastic). Hidden cases: random sizes and orders.
    /// </remarks>
    public static Check<In, (Matrix X, int[] Y)[]> MiniBatchCreation =>
        Check.For<In, (Matrix X, int[] Y)[]>("mini-batches", points: 2)
            .WriteYourself(Shortcuts.MiniBatchCreation)
            .InputNames("X", "Y", "batchSize", "order")
            .Reference(input => MiniBatchesReference(input))
            .Compare(CompareBatches)
            .Case("m = 6, batch size 2, order [4, 1, 5, 0, 3, 2]", (Counting(6, 2), [0, 1, 2, 0, 1, 2], 2, [4, 1, 5, 0, 3, 2]), hint: TogetherHint)
            .Case("m = 7, batch size 3 (a last batch of 1)", (Counting(7, 3), [1, 0, 1, 1, 0, 0, 1], 3, [6, 2, 0, 5, 1, 3, 4]), hint: PartialBatchHint)
            .Case("batch size m (batch gradient descent)", (Counting(5, 2), [0, 1, 0, 1, 1], 5, [3, 0, 4, 1, 2]),
                hint: "batchSize = m gives one batch with all the examples, in the order given.")
            .Case("batch size 1 (stochastic gradient descent)", (Counting(4, 3), [2, 0, 1, 2], 1, [2, 3, 1, 0]), hint: TogetherHint)
            .Hidden("random sizes and order", r => RandomBatchInput(r, r.Next(5, 60), r.Next(2, 9)), hint: PartialBatchHint)
            .Hidden("a batch size that divides m", r => RandomBatchInput(r, 4 * r.Next(2, 10), 4), hint: TogetherHint);

    private static (Matrix X, int[] Y)[] MiniBatchesReference(In input)
    {
        int m = input.X.Rows, classes = input.Y.Length == 0 ? 1 : input.Y.Max() + 1;
        var data = new Dataset(input.X, input.Y, classes);
        var batches = new List<(Matrix X, int[] Y)>();
        for (int start = 0; start < m; start += input.BatchSize)
        {
            var part = data.Subset(input.Order.AsSpan(start, Math.Min(input.BatchSize, m - start)));
            batches.Add((part.Features, part.Labels));
        }
        return batches.ToArray();
    }

    private static Comparison CompareBatches((Matrix X, int[] Y)[] expected, object? actual, Tolerance tolerance)
    {
        if (actual is not (Matrix X, int[] Y)[] batches) return Comparison.TypeMismatch("(Matrix X, int[] Y)[]", TypeNames.Of(actual));
        if (batches.Length != expected.Length)
            return Comparison.ShapeMismatch($"{expected.Length} batches", $"{batches.Length} batches") with { Output = "the number of batches" };
        for (int b = 0; b < expected.Length; b++)
        {
            var c = Outputs.Tuple(expected[b], batches[b], tolerance, [$"batch {b} X", $"batch {b} Y"]);
            if (!c.Passed) return c;
        }
        return Comparison.Match(tolerance);
    }

    /// <summary>Row i is [10·i, 10·i + 1, …]: a batch's rows name the examples they came from.</summary>
    private static Matrix Counting(int m, int n)
    {
        var x = new Matrix(m, n);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) x[i, j] = 10 * i + j;
        return x;
    }

    private static In RandomBatchInput(Random r, int m, int batchSize)
    {
        int[] order = Enumerable.Range(0, m).ToArray();
        r.Shuffle(order);
        return (Generators.Normal(r, m, r.Next(1, 5)), Enumerable.Range(0, m).Select(_ => r.Next(3)).ToArray(), batchSize, order);
    }
}
