using CourseKit.Tensors;

namespace CourseKit.Grading;

public static partial class Checks
{
    /// <summary>
    /// One-hot encoding of class labels: <c>Y[i, c] = 1 if labels[i] = c else 0</c>, an m × C matrix (the lecture's Y
    /// transposed). Learner function: <c>Func&lt;int[], int, Matrix&gt;</c> taking the labels and C. 1 point.
    /// </summary>
    /// <remarks>
    /// Visible cases: labels [1, 2, 3, 0, 2, 1] with C = 4; C larger than the largest label + 1; a single example.
    /// Hidden cases: a random batch, many examples, one class.
    /// </remarks>
    public static Check<(int[] Labels, int Classes), Matrix> OneHot =>
        Check.For<(int[] Labels, int Classes), Matrix>("one-hot", points: 1)
            .InputNames("labels", "classes")
            .WriteYourself(Shortcuts.OneHotEncoding)
            .Reference((labels, classes) => Data.OneHot.Encode(labels, classes))
            .Compare(Tolerance.Exact)
            .Case("labels [1, 2, 3, 0, 2, 1] with C = 4", ([1, 2, 3, 0, 2, 1], 4), hint: "row i is example i: Y has shape m × C.")
            .Case("C larger than the largest label + 1", ([0, 1], 5),
                hint: "the number of columns is C, not max(labels) + 1.")
            .Case("a single example", ([2], 3))
            .Hidden("a random batch", r => RandomLabels(r, r.Next(3, 12), r.Next(2, 10)))
            .Hidden("many examples", r => RandomLabels(r, 50, 10))
            .Hidden("one class", r => (new int[r.Next(1, 5)], 1));

    private static (int[] Labels, int Classes) RandomLabels(Random r, int count, int classes) =>
        (Generators.Labels(r, count, classes), classes);
}
