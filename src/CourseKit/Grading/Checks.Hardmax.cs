using CourseKit.Tensors;
using CourseKit.Kernels;

namespace CourseKit.Grading;

public static partial class Checks
{
    /// <summary>
    /// Hardmax of logits <c>z</c> (m × C): a 1 at each row's largest entry (ties → the lowest index), 0 elsewhere —
    /// the "hard" max that softmax smooths, and the one-hot prediction of a classifier. Learner function:
    /// <c>Func&lt;Matrix, Matrix&gt;</c>. 1 point. The library's hardmax, argmax and <c>OneHot.Decode</c> are refused.
    /// </summary>
    /// <remarks>
    /// Visible cases: the lecture's [5, 2, −1, 3] → [1, 0, 0, 0]; a batch whose columns' maxima are elsewhere than its
    /// rows'; a tie; every logit negative (a running max started at 0 finds none); one class. Hidden cases: a random
    /// batch, small integer logits (many ties), every logit negative, large logits.
    /// </remarks>
    public static Check<Matrix, Matrix> Hardmax =>
        Check.For<Matrix, Matrix>("hardmax", points: 1)
            .InputNames("z")
            .WriteYourself(Shortcuts.Hardmax)
            .Reference(HardmaxReference)
            .Compare(Tolerance.Exact)
            .Case("lecture example", Matrix.RowVector(5, 2, -1, 3), hint: HardmaxOnesHint)
            .Case("a batch of 3 examples", Matrix.FromRows([1, 2, 3, 4], [9, 0, 0, 1], [-3, 0.5f, 2, -1]), hint: HardmaxRowsHint)
            .Case("a tie goes to the lowest index", Matrix.FromRows([2, 7, 7, 1]), hint: HardmaxTieHint)
            .Case("every logit negative", Matrix.FromRows([-3, -1, -2], [-0.5f, -4, -9]), hint: HardmaxNegativeHint)
            .Case("one class (a column count of 1)", Matrix.FromRows([2], [-7]))
            .Hidden("a random batch", r => Generators.Normal(r, r.Next(2, 9), r.Next(2, 11), std: 3), hint: HardmaxRowsHint)
            .Hidden("small integer logits with ties", r => Ties(r), hint: HardmaxTieHint)
            .Hidden("every logit negative", r => Generators.Normal(r, r.Next(2, 6), r.Next(2, 8), mean: -20, std: 3), hint: HardmaxNegativeHint)
            .Hidden("large logits", r => Generators.LargeLogits(r, r.Next(2, 6), r.Next(2, 8)));

    internal const string HardmaxOnesHint =
        "hardmax returns 0s and a single 1 per row (at the largest logit), not probabilities: it is what softmax smooths.";

    internal const string HardmaxRowsHint =
        "one example per row: look for the largest entry of each row (its classes), not of each column.";

    internal const string HardmaxTieHint = "when several entries share the max, put the 1 at the first of them (> rather than ≥ when you compare).";

    internal const string HardmaxNegativeHint =
        "start the running max at the row's first entry (or float.NegativeInfinity), not at 0: when every logit is negative " +
        "none beats 0 and the row gets no 1.";

    private static Matrix HardmaxReference(Matrix z)
    {
        var a = new Matrix(z.Rows, z.Cols);
        CpuKernels.Hardmax(z.AsSpan(), z.Rows, z.Cols, a.AsSpan());
        return a;
    }

    private static Matrix Ties(Random r)
    {
        var z = new Matrix(r.Next(3, 8), r.Next(3, 6));
        Span<float> data = z.AsSpan();
        for (int i = 0; i < data.Length; i++) data[i] = r.Next(0, 3);
        return z;
    }
}
